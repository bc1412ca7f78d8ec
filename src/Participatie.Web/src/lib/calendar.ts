// Calendar arithmetic on ISO dates without time zones (the platform's days are days in the Netherlands), with
// Monday-first weeks as the Dutch calendar has them. Shared by the partner's week grid and the coach's and person's
// hours per week and month.

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An ISO date as midnight UTC, or null when it is not a real calendar date. */
export function isoToUtc(iso: string): Date | null {
  const match = isoDate.exec(iso);
  if (!match) {
    return null;
  }
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === iso ? date : null;
}

/** Whether the text is a real calendar date as yyyy-MM-dd. */
export function isIsoDate(value: string): boolean {
  return isoToUtc(value) !== null;
}

/** The day <paramref name="days"/> after (or before) an ISO date. */
export function addDays(iso: string, days: number): string {
  const date = isoToUtc(iso);
  if (!date) {
    throw new Error(`not a date: ${iso}`);
  }
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The Monday of the week an ISO date falls in. */
export function mondayOf(iso: string): string {
  const date = isoToUtc(iso);
  if (!date) {
    throw new Error(`not a date: ${iso}`);
  }
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(iso, -weekday);
}
