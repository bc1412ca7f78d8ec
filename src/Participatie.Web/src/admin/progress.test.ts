import { describe, expect, it } from "vitest";
import { announcementStep, pollInterval, runProgress, shouldAnnounce } from "./progress";

describe("runProgress", () => {
  it("counts whole percents of the people expected", () => {
    expect(runProgress(1, 3, false)).toEqual({ processed: 1, expected: 3, percent: 33, done: false });
  });

  it("is full when the pass is done, also when nobody was expected", () => {
    expect(runProgress(3, 3, true).percent).toBe(100);
    expect(runProgress(0, 0, true)).toEqual({ processed: 0, expected: 0, percent: 100, done: true });
  });

  it("is empty, not a division by zero, for a pass that has not counted anyone yet", () => {
    expect(runProgress(0, 0, false).percent).toBe(0);
  });

  it("never shows more visited than expected, nor fewer than none", () => {
    expect(runProgress(7, 5, false)).toMatchObject({ processed: 5, percent: 100 });
    expect(runProgress(-1, 5, false)).toMatchObject({ processed: 0, percent: 0 });
  });
});

describe("announcements", () => {
  it("steps a quarter at a time, and the last step only when done", () => {
    expect(announcementStep(runProgress(0, 100, false))).toBe(0);
    expect(announcementStep(runProgress(24, 100, false))).toBe(0);
    expect(announcementStep(runProgress(25, 100, false))).toBe(1);
    expect(announcementStep(runProgress(74, 100, false))).toBe(2);
    expect(announcementStep(runProgress(100, 100, false))).toBe(3);
    expect(announcementStep(runProgress(100, 100, true))).toBe(4);
  });

  it("announces a step once, forwards only, and never the start", () => {
    expect(shouldAnnounce(null, 0)).toBe(false);
    expect(shouldAnnounce(null, 2)).toBe(true);
    expect(shouldAnnounce(2, 2)).toBe(false);
    expect(shouldAnnounce(2, 1)).toBe(false);
    expect(shouldAnnounce(2, 4)).toBe(true);
  });

  it("polls about every second while running, and stops when done", () => {
    expect(pollInterval(true)).toBe(1000);
    expect(pollInterval(false)).toBe(false);
  });
});
