import { describe, expect, it } from "vitest";
import { addMonths, isMonth, paymentMonths } from "./months";

describe("months", () => {
  it("adds across years both ways", () => {
    expect(addMonths("2026-12", 1)).toBe("2027-01");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2026-03", -27)).toBe("2023-12");
  });

  it("offers next month first, then this month and the ones before", () => {
    const months = paymentMonths("2026-01", 3);
    expect(months).toEqual(["2026-02", "2026-01", "2025-12", "2025-11", "2025-10"]);
  });

  it("knows a month when it sees one", () => {
    expect(isMonth("2026-01")).toBe(true);
    expect(isMonth("2026-13")).toBe(false);
    expect(isMonth("januari")).toBe(false);
    expect(isMonth(null)).toBe(false);
  });
});
