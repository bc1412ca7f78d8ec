import { describe, expect, it } from "vitest";
import { forestDomain, forestLayout, linearScale, niceStep, niceTicks } from "./forest";

describe("the forest plot's scale", () => {
  it("always shows zero and every interval, with a little room", () => {
    const [min, max] = forestDomain([
      { label: "a", suppressed: false, difference: 0.1, low: 0.02, high: 0.18 },
      { label: "b", suppressed: false, difference: 0.05, low: -0.03, high: 0.13 },
    ]);
    expect(min).toBeLessThan(-0.03);
    expect(max).toBeGreaterThan(0.18);
    expect(forestDomain([{ label: "a", suppressed: false, difference: 2, low: 1, high: 3 }])[0]).toBe(0);
  });

  it("ignores suppressed arms and has a span when nothing can be drawn", () => {
    expect(forestDomain([{ label: "a", suppressed: true, difference: 9, low: 8, high: 10 }])).toEqual([-1.1, 1.1]);
  });

  it("steps by 1, 2 or 5 times a power of ten", () => {
    expect(niceStep(1, 5)).toBe(0.2);
    expect(niceStep(0.26, 5)).toBe(0.1);
    expect(niceStep(70, 5)).toBe(20);
    expect(niceTicks(-0.034, 0.187)).toEqual({ domain: [-0.05, 0.2], values: [-0.05, 0, 0.05, 0.1, 0.15, 0.2] });
  });

  it("maps the domain onto the pixels linearly", () => {
    const x = linearScale([-1, 1], [100, 300]);
    expect([x(-1), x(0), x(0.5), x(1)]).toEqual([100, 200, 250, 300]);
  });
});

describe("the forest plot's rows", () => {
  const layout = forestLayout(
    [
      { label: "zelf-in-actie", suppressed: false, difference: 0.09, low: 0.01, high: 0.17 },
      { label: "extra-hulp", suppressed: true },
      { label: "werken-loont", suppressed: false, difference: undefined, low: undefined, high: undefined },
    ],
    { width: 600, labelWidth: 200, rowHeight: 40, top: 10, bottom: 50, right: 20 },
  );

  it("puts each arm's interval around its estimate, zero inside the plot", () => {
    const point = layout.rows[0]!;
    expect(point.kind).toBe("point");
    if (point.kind === "point") {
      expect(point.xLow).toBeLessThan(point.x);
      expect(point.x).toBeLessThan(point.xHigh);
      expect(point.xLow).toBeGreaterThan(layout.zeroX);
      expect(point.y).toBe(30);
    }
    expect(layout.zeroX).toBeGreaterThanOrEqual(200);
    expect(layout.zeroX).toBeLessThanOrEqual(580);
    expect(layout.ticks[0]!.x).toBe(200);
    expect(layout.ticks.at(-1)!.x).toBe(580);
  });

  it("keeps suppressed and incomputable arms as rows of their own, never as a point at zero", () => {
    expect(layout.rows.map((row) => row.kind)).toEqual(["point", "suppressed", "notAvailable"]);
    expect(layout.axisY).toBe(10 + 120 + 8);
    expect(layout.height).toBe(layout.axisY + 50);
  });
});
