import { describe, expect, it } from "vitest";
import { ComparisonMethod } from "../gen/participatie/v1/experiment_service_pb";
import { chartValue, formatDifference, formatEstimate, formatP, formatTick, isShare } from "./figures";

describe("figures of the results", () => {
  it("reads shares as percentages and their differences in percentage points", () => {
    expect(isShare(ComparisonMethod.TWO_PROPORTION_Z)).toBe(true);
    expect(isShare(ComparisonMethod.WELCH_T)).toBe(false);
    expect(formatEstimate(0.24, true)).toBe("24,0%");
    expect(formatDifference(0.09, true)).toBe("+9,0 procentpunt");
    expect(formatDifference(-0.035, true)).toBe("−3,5 procentpunt");
    expect(chartValue(0.09, true)).toBeCloseTo(9);
  });

  it("reads means with two decimals and a sign on differences", () => {
    expect(formatEstimate(6.25, false)).toBe("6,25");
    expect(formatDifference(-0.5, false)).toBe("−0,50");
    expect(formatDifference(0, false)).toBe("0,00");
    expect(chartValue(-0.5, false)).toBe(-0.5);
  });

  it("writes ticks and p-values as researchers do", () => {
    expect(formatTick(10)).toBe("+10");
    expect(formatTick(0)).toBe("0");
    expect(formatTick(-5)).toBe("−5");
    expect(formatTick(0.5)).toBe("+0,5");
    expect(formatP(0.0004)).toBe("< 0,001");
    expect(formatP(0.0423)).toBe("0,042");
  });
});
