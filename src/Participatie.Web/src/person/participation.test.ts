import { describe, expect, it } from "vitest";
import { formatHours } from "./participation";

describe("formatHours", () => {
  it("writes hours with a decimal comma and no needless zeros", () => {
    expect(formatHours(2)).toBe("2");
    expect(formatHours(1.25)).toBe("1,25");
    expect(formatHours(0.5)).toBe("0,5");
    expect(formatHours(12.75)).toBe("12,75");
  });
});
