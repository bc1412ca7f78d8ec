import { describe, expect, it } from "vitest";
import { startOfAmsterdamDay, toAuditRange } from "./dateRange";

describe("startOfAmsterdamDay", () => {
  it("is an hour before midnight UTC in winter and two in summer", () => {
    expect(startOfAmsterdamDay("2026-01-15")).toBe("2026-01-14T23:00:00.000Z");
    expect(startOfAmsterdamDay("2026-07-01")).toBe("2026-06-30T22:00:00.000Z");
  });

  it("is right on the days the clocks change", () => {
    expect(startOfAmsterdamDay("2026-03-29")).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfAmsterdamDay("2026-03-30")).toBe("2026-03-29T22:00:00.000Z");
    expect(startOfAmsterdamDay("2026-10-25")).toBe("2026-10-24T22:00:00.000Z");
    expect(startOfAmsterdamDay("2026-10-26")).toBe("2026-10-25T23:00:00.000Z");
  });
});

describe("toAuditRange", () => {
  it("takes both days whole: from the first's start to the start of the day after the last", () => {
    expect(toAuditRange("2026-01-01", "2026-01-31")).toEqual({
      ok: true,
      range: { from: "2025-12-31T23:00:00.000Z", to: "2026-01-31T23:00:00.000Z" },
    });
  });

  it("leaves out what is left empty", () => {
    expect(toAuditRange("", "")).toEqual({ ok: true, range: { from: "", to: "" } });
    expect(toAuditRange("2026-01-01", "")).toEqual({ ok: true, range: { from: "2025-12-31T23:00:00.000Z", to: "" } });
  });

  it("accepts a single day", () => {
    expect(toAuditRange("2026-02-03", "2026-02-03")).toMatchObject({ ok: true });
  });

  it("refuses an end before the start, next to the end", () => {
    expect(toAuditRange("2026-02-03", "2026-02-02")).toEqual({ ok: false, errors: { to: "beforeFrom" } });
  });

  it("refuses days that do not exist", () => {
    expect(toAuditRange("2026-02-30", "gisteren")).toEqual({ ok: false, errors: { from: "invalid", to: "invalid" } });
  });
});
