import { describe, expect, it } from "vitest";
import type { Problem } from "../lib/errors";
import { caseloadShare, colleagueErrors, toggleColleague, transferLines, withoutLeaving } from "./handOver";

const names = new Map([
  ["co-a", "Anouk Bakker"],
  ["co-b", "Fatima Yilmaz"],
]);

function invalid(fields: Record<string, string>): Problem {
  return { kind: "invalid", message: "", fields, retryable: false };
}

describe("caseloadShare", () => {
  it("counts the free places", () => {
    expect(caseloadShare(3, 10)).toEqual({ size: 3, limit: 10, free: 7, full: false });
  });

  it("is full at the limit, and never has fewer than no free places when over it", () => {
    expect(caseloadShare(10, 10).full).toBe(true);
    expect(caseloadShare(12, 10)).toEqual({ size: 12, limit: 10, free: 0, full: true });
  });
});

describe("toggleColleague", () => {
  it("keeps the colleagues in the order they were ticked", () => {
    expect(toggleColleague(toggleColleague(toggleColleague([], "co-c"), "co-a"), "co-b")).toEqual(["co-c", "co-a", "co-b"]);
  });

  it("unticking takes a colleague out and ticking again puts them last", () => {
    expect(toggleColleague(["co-a", "co-b"], "co-a")).toEqual(["co-b"]);
    expect(toggleColleague(toggleColleague(["co-a", "co-b"], "co-a"), "co-a")).toEqual(["co-b", "co-a"]);
  });
});

describe("withoutLeaving", () => {
  it("drops the leaving coach from the colleagues and keeps the order of the rest", () => {
    expect(withoutLeaving(["co-c", "co-a", "co-b"], "co-a")).toEqual(["co-c", "co-b"]);
  });
});

describe("transferLines", () => {
  it("names each colleague who received people, in the reply's order", () => {
    const lines = transferLines(
      [
        { coachId: "co-b", moved: 3 },
        { coachId: "co-a", moved: 0 },
        { coachId: "co-x", moved: 1 },
      ],
      names,
    );
    expect(lines).toEqual([
      { coachId: "co-b", name: "Fatima Yilmaz", moved: 3 },
      { coachId: "co-x", name: "co-x", moved: 1 },
    ]);
  });
});

describe("colleagueErrors", () => {
  it("gives nothing without a problem or without colleague fields", () => {
    expect(colleagueErrors(null, [], names)).toEqual([]);
    expect(colleagueErrors(invalid({ from_coach_id: "Kies een klantmanager." }), ["co-a"], names)).toEqual([]);
  });

  it("names the colleague of an indexed violation by the order chosen, and keeps the list's own as it is", () => {
    const problem = invalid({ to_coach_ids: "Kies 1 tot 20 klantmanagers.", "to_coach_ids[1]": "Deze staat er twee keer in." });
    expect(colleagueErrors(problem, ["co-a", "co-b"], names)).toEqual(["Kies 1 tot 20 klantmanagers.", "Fatima Yilmaz: Deze staat er twee keer in."]);
  });
});
