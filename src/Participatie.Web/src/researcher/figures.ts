// How the results' figures read in Dutch: shares as percentages and their differences in percentage points, means
// with two decimals, p-values as researchers write them.
import { ComparisonMethod } from "../gen/participatie/v1/experiment_service_pb";

const one = new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const two = new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const three = new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 3, maximumFractionDigits: 3 });

/** Whether a measure is a share (0-1), compared by the two-proportion test; otherwise it is a mean. */
export function isShare(method: ComparisonMethod): boolean {
  return method === ComparisonMethod.TWO_PROPORTION_Z;
}

/** The unit the chart draws a difference in: percentage points for shares, the measure's own unit for means. */
export function chartValue(value: number, share: boolean): number {
  return share ? value * 100 : value;
}

/** An estimate: "24,0%" for a share, "6,25" for a mean. */
export function formatEstimate(value: number, share: boolean): string {
  return share ? `${one.format(value * 100)}%` : two.format(value);
}

/** A difference with its sign: "+9,0 procentpunt" for shares, "−0,50" for means. */
export function formatDifference(value: number, share: boolean): string {
  const magnitude = share ? `${one.format(Math.abs(value) * 100)} procentpunt` : two.format(Math.abs(value));
  if (Math.abs(value) < (share ? 0.0005 : 0.005)) {
    return share ? `${one.format(0)} procentpunt` : two.format(0);
  }
  return `${value < 0 ? "−" : "+"}${magnitude}`;
}

/** A tick of the chart's axis (already in chart units): "+10", "0", "−5", "+0,5". */
export function formatTick(value: number): string {
  const text = Number.isInteger(value) ? String(Math.abs(value)) : two.format(Math.abs(value)).replace(/0$/, "");
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : "0";
}

/** A p-value: "< 0,001" when tiny, else three decimals. */
export function formatP(value: number): string {
  return value < 0.001 ? "< 0,001" : three.format(value);
}
