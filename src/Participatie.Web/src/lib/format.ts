import { nl } from "../i18n/nl";

const euro = new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR" });
const longDate = new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const monthName = new Intl.DateTimeFormat("nl-NL", { month: "long", year: "numeric", timeZone: "UTC" });
const dateTime = new Intl.DateTimeFormat("nl-NL", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/Amsterdam",
});

/** Euro cents (int64 fields arrive as bigint) as "€ 1.234,56"; negative amounts keep their minus sign. */
export function formatCents(cents: bigint | number): string {
  const value = typeof cents === "bigint" ? cents : BigInt(Math.trunc(cents));
  const negative = value < 0n;
  const abs = negative ? -value : value;
  // Whole euros and cents apart, so that no amount loses a cent to floating point.
  const text = euro.format(Number(abs / 100n) + Number(abs % 100n) / 100);
  return negative ? `-${text}` : text;
}

/** An ISO calendar date ("2026-01-31") as "31 januari 2026"; anything else is shown as it is. */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) {
    return iso;
  }
  return longDate.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))));
}

/** A month ("2026-01") as "januari 2026". */
export function formatMonth(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) {
    return month;
  }
  return monthName.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
}

/** A UTC instant (ISO-8601) in Amsterdam time. */
export function formatInstant(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

/** Today's date in Amsterdam as "yyyy-MM-dd": the day the platform works out follow-ups for. */
export function todayInAmsterdam(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** The current month in Amsterdam as "yyyy-MM". */
export function currentMonth(now: Date = new Date()): string {
  return todayInAmsterdam(now).slice(0, 7);
}

/** Months with a sign, as the estimate's table shows a factor's contribution: "+6", "−3", "0". */
export function signedMonths(months: number): string {
  if (months > 0) {
    return `+${months}`;
  }
  return months < 0 ? `−${-months}` : "0";
}

/** A factor's scored value in Dutch: "lower_secondary" → "vmbo of mbo 1", "8 years" → "8 jaar". */
export function factorValue(value: string): string {
  const years = /^(\d+) years?$/.exec(value);
  if (years) {
    return nl.estimate.years(Number(years[1]));
  }
  return nl.estimate.values[value] ?? value;
}

/** The name of an enum value as the generated enum object knows it, for looking up its text. */
export function enumName(enumObject: object, value: number, prefix: string): string {
  const name = (enumObject as Record<number, string>)[value];
  return name === undefined ? `${prefix}_UNSPECIFIED` : `${prefix}_${name}`;
}
