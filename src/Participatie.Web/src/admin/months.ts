// The months a payment run can be started or looked up for: next month (the API allows one month ahead) and the
// months before it, newest first.

/** "yyyy-MM" of the month `offset` months from the given one. */
export function addMonths(month: string, offset: number): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) {
    throw new Error(`not a month: ${month}`);
  }
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1 + offset, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** Next month, this month and the `back` months before it, newest first. */
export function paymentMonths(current: string, back = 24): string[] {
  return Array.from({ length: back + 2 }, (_, index) => addMonths(current, 1 - index));
}

export function isMonth(value: string | null | undefined): value is string {
  return value !== null && value !== undefined && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}
