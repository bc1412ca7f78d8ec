import { describe, expect, it } from "vitest";
import { addDays, cellKey, changesToSave, formatDay, formatHours, isIsoDate, lockedReason, mondayOf, moveInGrid, parseHours, weekDays, weekNumber } from "./week";

describe("the week grid's calendar", () => {
  it("starts weeks on Monday, also across a month and a year", () => {
    expect(mondayOf("2026-12-07")).toBe("2026-12-07");
    expect(mondayOf("2026-12-13")).toBe("2026-12-07");
    expect(mondayOf("2026-01-01")).toBe("2025-12-29");
    expect(weekDays("2026-11-30")).toEqual(["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06"]);
  });

  it("numbers weeks as ISO-8601 does", () => {
    expect(weekNumber("2026-12-07")).toBe(50);
    expect(weekNumber("2026-01-01")).toBe(1);
    expect(weekNumber("2027-01-03")).toBe(53);
    expect(weekNumber("2021-01-03")).toBe(53);
  });

  it("writes days the Dutch way and refuses dates that do not exist", () => {
    expect(formatDay("2026-12-07")).toBe("maandag 7 december");
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(isIsoDate("2026-02-30")).toBe(false);
    expect(isIsoDate("7 december")).toBe(false);
    expect(() => mondayOf("2026-13-01")).toThrow();
  });

  it("locks days still to come and days after closing", () => {
    expect(lockedReason("2026-12-08", "2026-12-07", "")).toBe("future");
    expect(lockedReason("2026-12-05", "2026-12-07", "2026-12-04")).toBe("afterClosing");
    expect(lockedReason("2026-12-04", "2026-12-07", "2026-12-04")).toBeNull();
  });
});

describe("hours in a cell", () => {
  it("reads Dutch and clock notations in quarter hours", () => {
    expect(parseHours("2,5")).toEqual({ kind: "hours", hours: 2.5 });
    expect(parseHours(" 1.25 ")).toEqual({ kind: "hours", hours: 1.25 });
    expect(parseHours("2:45")).toEqual({ kind: "hours", hours: 2.75 });
    expect(parseHours("0")).toEqual({ kind: "hours", hours: 0 });
    expect(parseHours("")).toEqual({ kind: "empty" });
  });

  it("refuses what is not a quarter hour or beyond the day's maximum", () => {
    for (const text of ["2,3", "13", "-1", "twee", "1:10", "2,", "1e1"]) {
      expect(parseHours(text)).toEqual({ kind: "invalid" });
    }
  });

  it("writes hours with a decimal comma", () => {
    expect(formatHours(2.5)).toBe("2,5");
    expect(formatHours(1.25)).toBe("1,25");
    expect(formatHours(3)).toBe("3");
  });
});

describe("what a save sends", () => {
  const recorded = new Map([
    [cellKey("pr-a", "2026-12-01"), 2],
    [cellKey("pr-a", "2026-12-02"), 3],
  ]);

  it("sends changed and new days, and a cleared recorded day as 0", () => {
    const edits = new Map([
      [cellKey("pr-b", "2026-12-01"), "1,5"],
      [cellKey("pr-a", "2026-12-01"), "2"],
      [cellKey("pr-a", "2026-12-02"), ""],
      [cellKey("pr-a", "2026-12-03"), ""],
      [cellKey("pr-a", "2026-12-04"), "4"],
    ]);
    expect(changesToSave(recorded, edits)).toEqual({
      changes: [
        { participantRef: "pr-a", date: "2026-12-02", hours: 0 },
        { participantRef: "pr-a", date: "2026-12-04", hours: 4 },
        { participantRef: "pr-b", date: "2026-12-01", hours: 1.5 },
      ],
      invalid: [],
    });
  });

  it("names the cells that are not valid", () => {
    const edits = new Map([[cellKey("pr-a", "2026-12-01"), "veel"]]);
    expect(changesToSave(recorded, edits)).toEqual({ changes: [], invalid: [cellKey("pr-a", "2026-12-01")] });
  });
});

describe("moving through the grid with arrow keys", () => {
  it("moves one cell and stops at the edges", () => {
    expect(moveInGrid(0, 0, "ArrowRight", 2, 7)).toEqual({ row: 0, column: 1 });
    expect(moveInGrid(0, 6, "ArrowRight", 2, 7)).toEqual({ row: 0, column: 6 });
    expect(moveInGrid(1, 3, "ArrowDown", 2, 7)).toEqual({ row: 1, column: 3 });
    expect(moveInGrid(1, 3, "ArrowUp", 2, 7)).toEqual({ row: 0, column: 3 });
    expect(moveInGrid(0, 0, "Tab", 2, 7)).toBeNull();
  });
});
