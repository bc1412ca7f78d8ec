import { describe, expect, it } from "vitest";
import { urgency } from "./urgency";

describe("urgency", () => {
  it("marks an overdue contact as danger with the days", () => {
    expect(urgency(3)).toEqual({ badge: "danger", text: "3 dagen te laat" });
    expect(urgency(1).text).toBe("1 dag te laat");
  });
  it("marks a contact due today as a warning", () => {
    expect(urgency(0)).toEqual({ badge: "warning", text: "Vandaag" });
  });
  it("shows a future contact as neutral", () => {
    expect(urgency(-5)).toEqual({ badge: "neutral", text: "over 5 dagen" });
  });
});
