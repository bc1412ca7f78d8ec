import { describe, expect, it } from "vitest";
import { formatHours, summariseHours } from "./participation";

describe("formatHours", () => {
  it("writes hours with a decimal comma and no needless zeros", () => {
    expect(formatHours(2)).toBe("2");
    expect(formatHours(1.25)).toBe("1,25");
    expect(formatHours(0.5)).toBe("0,5");
    expect(formatHours(12.75)).toBe("12,75");
  });
});

describe("summariseHours", () => {
  // Thursday 10 December 2026: the week began on Monday 7 December.
  const today = "2026-12-10";

  it("counts this week from Monday and this month from the first, up to today", () => {
    const days = [
      { date: "2026-12-10", hours: 1.5 },
      { date: "2026-12-07", hours: 2 },
      { date: "2026-12-06", hours: 3 },
      { date: "2026-12-01", hours: 0.25 },
      { date: "2026-11-30", hours: 4 },
    ];
    expect(summariseHours(days, today)).toEqual({ thisWeek: 3.5, thisMonth: 6.75, lastDay: "2026-12-10" });
  });

  it("takes a week that began last month into this week but not into this month", () => {
    // Wednesday 2 December 2026: the week began on Monday 30 November.
    expect(summariseHours([{ date: "2026-11-30", hours: 2 }], "2026-12-02")).toEqual({ thisWeek: 2, thisMonth: 0, lastDay: "2026-11-30" });
  });

  it("finds the last day attended whatever the order, and skips days after today and days corrected to nothing", () => {
    const days = [
      { date: "2026-10-01", hours: 1 },
      { date: "2026-12-11", hours: 2 },
      { date: "2026-12-09", hours: 0 },
      { date: "2026-11-15", hours: 2 },
    ];
    expect(summariseHours(days, today)).toEqual({ thisWeek: 0, thisMonth: 0, lastDay: "2026-11-15" });
  });

  it("says there is no last day before any hours", () => {
    expect(summariseHours([], today)).toEqual({ thisWeek: 0, thisMonth: 0, lastDay: null });
  });
});
