// The audit log's period: the admin picks days in Dutch time ("van" and "tot en met", both whole days); the API wants
// UTC instants, from inclusive and to exclusive.

export type DateRange = { from: string; to: string };

export type DateRangeResult =
  | { ok: true; range: DateRange }
  | { ok: false; errors: { from?: "invalid"; to?: "invalid" | "beforeFrom" } };

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

function isDay(value: string): boolean {
  const match = dayPattern.exec(value);
  if (!match) {
    return false;
  }
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCFullYear() === Number(match[1]) && date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3]);
}

/** Minutes Amsterdam is ahead of UTC at an instant (60 in winter, 120 in summer). */
function amsterdamOffsetMinutes(instant: number): number {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Amsterdam",
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  return Math.round((local - instant) / 60_000);
}

/** The start of a day in Amsterdam as a UTC instant (ISO-8601). */
export function startOfAmsterdamDay(day: string): string {
  const match = dayPattern.exec(day);
  if (!match) {
    throw new Error(`not a day: ${day}`);
  }
  const midnightAsUtc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // The offset at the guess, then at the result: right on either side of a change of clocks (never at midnight here).
  let instant = midnightAsUtc - amsterdamOffsetMinutes(midnightAsUtc) * 60_000;
  instant = midnightAsUtc - amsterdamOffsetMinutes(instant) * 60_000;
  return new Date(instant).toISOString();
}

function nextDay(day: string): string {
  const match = dayPattern.exec(day)!;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1)).toISOString().slice(0, 10);
}

/**
 * Checks the days entered (either may be empty) and turns them into the API's period: from the start of "van" to the
 * start of the day after "tot en met".
 */
export function toAuditRange(fromDay: string, toDay: string): DateRangeResult {
  const from = fromDay.trim();
  const to = toDay.trim();
  const errors: { from?: "invalid"; to?: "invalid" | "beforeFrom" } = {};
  if (from && !isDay(from)) {
    errors.from = "invalid";
  }
  if (to && !isDay(to)) {
    errors.to = "invalid";
  }
  if (!errors.from && !errors.to && from && to && to < from) {
    errors.to = "beforeFrom";
  }
  if (errors.from || errors.to) {
    return { ok: false, errors };
  }
  return { ok: true, range: { from: from ? startOfAmsterdamDay(from) : "", to: to ? startOfAmsterdamDay(nextDay(to)) : "" } };
}
