// The geometry of a forest plot: each arm's difference from control as a point with its 95% interval as a line, on a
// shared horizontal scale that always shows zero ("no difference"). Pure functions, so the chart can be tested
// without a browser.

export type ForestInput = {
  /** The arm's name, as the report gives it. */
  label: string;
  /** Left out: the figures are suppressed (never drawn as zero). */
  suppressed: boolean;
  difference?: number | undefined;
  low?: number | undefined;
  high?: number | undefined;
};

export type ForestRow =
  | { kind: "point"; label: string; y: number; x: number; xLow: number; xHigh: number; difference: number; low: number; high: number }
  | { kind: "suppressed"; label: string; y: number }
  | { kind: "notAvailable"; label: string; y: number };

export type Tick = { value: number; x: number };

export type ForestLayout = {
  width: number;
  height: number;
  /** Where the plotting area starts and ends horizontally (labels sit left of it). */
  plotLeft: number;
  plotRight: number;
  /** The axis line's vertical position. */
  axisY: number;
  zeroX: number;
  ticks: Tick[];
  rows: ForestRow[];
};

export type ForestOptions = {
  width: number;
  labelWidth: number;
  rowHeight: number;
  top: number;
  /** Room below the last row for the axis, its ticks and its title. */
  bottom: number;
  right: number;
};

export const defaultForestOptions: ForestOptions = { width: 640, labelWidth: 180, rowHeight: 36, top: 12, bottom: 56, right: 24 };

/** The span the axis must show: every interval and estimate, and zero; a little room either side. */
export function forestDomain(rows: readonly ForestInput[]): [number, number] {
  const values: number[] = [0];
  for (const row of rows) {
    if (row.suppressed) continue;
    for (const value of [row.low, row.high, row.difference]) {
      if (value !== undefined && Number.isFinite(value)) values.push(value);
    }
  }
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (max - min < 1e-12) {
    min -= 1;
    max += 1;
  }
  const pad = (max - min) * 0.05;
  return [min - (min < 0 ? pad : 0), max + (max > 0 ? pad : 0)];
}

/** A step of 1, 2 or 5 times a power of ten that divides the span into about <paramref name="count"/> parts. */
export function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** Tick values at multiples of a nice step, widening the domain to whole steps; always includes zero. */
export function niceTicks(min: number, max: number, count = 5): { domain: [number, number]; values: number[] } {
  const step = niceStep(max - min, count);
  const first = Math.floor(min / step + 1e-9) * step;
  const last = Math.ceil(max / step - 1e-9) * step;
  const values: number[] = [];
  for (let value = first; value <= last + step / 2; value += step) {
    // Rounded to the step's precision, so that 0.30000000000000004 reads 0.3.
    values.push(Number(value.toFixed(Math.max(0, -Math.floor(Math.log10(step)) + 1))) + 0);
  }
  return { domain: [first, last], values };
}

/** A linear scale from a domain to a range of pixels. */
export function linearScale([d0, d1]: [number, number], [r0, r1]: [number, number]): (value: number) => number {
  const span = d1 - d0 || 1;
  return (value) => r0 + ((value - d0) / span) * (r1 - r0);
}

/** Lays out the rows of a forest plot: one per arm, top to bottom, with the shared axis below them. */
export function forestLayout(inputs: readonly ForestInput[], options: ForestOptions = defaultForestOptions): ForestLayout {
  const [min, max] = forestDomain(inputs);
  const { domain, values } = niceTicks(min, max);
  const plotLeft = options.labelWidth;
  const plotRight = options.width - options.right;
  const x = linearScale(domain, [plotLeft, plotRight]);
  const rows: ForestRow[] = inputs.map((input, index) => {
    const y = options.top + options.rowHeight * (index + 0.5);
    if (input.suppressed) {
      return { kind: "suppressed", label: input.label, y };
    }
    if (input.difference === undefined || input.low === undefined || input.high === undefined) {
      return { kind: "notAvailable", label: input.label, y };
    }
    return { kind: "point", label: input.label, y, x: x(input.difference), xLow: x(input.low), xHigh: x(input.high), difference: input.difference, low: input.low, high: input.high };
  });
  const axisY = options.top + options.rowHeight * inputs.length + 8;
  return {
    width: options.width,
    height: axisY + options.bottom,
    plotLeft,
    plotRight,
    axisY,
    zeroX: x(0),
    ticks: values.map((value) => ({ value, x: x(value) })),
    rows,
  };
}
