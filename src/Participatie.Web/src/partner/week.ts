// The week grid's calendar and hours arithmetic: weeks (the calendar itself is in lib/calendar.ts), quarter hours and
// what a save sends.
import { addDays, isoToUtc as toUtc, mondayOf } from "../lib/calendar";

const dayLabel = new Intl.DateTimeFormat("nl-NL", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
const shortDate = new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "long", timeZone: "UTC" });

export { addDays, isIsoDate, mondayOf } from "../lib/calendar";
export { formatHours } from "../lib/participation";

/** The seven days of the week that starts on the given Monday. */
export function weekDays(monday: string): string[] {
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index));
}

/** The ISO-8601 week number (the week with the year's first Thursday is week 1), as Dutch calendars show it. */
export function weekNumber(iso: string): number {
  const thursday = toUtc(addDays(mondayOf(iso), 3))!;
  const firstOfYear = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return Math.floor((thursday.getTime() - firstOfYear) / 86_400_000 / 7) + 1;
}

/** "maandag 7 december". */
export function formatDay(iso: string): string {
  const date = toUtc(iso);
  return date ? dayLabel.format(date) : iso;
}

/** "7 december". */
export function formatShortDate(iso: string): string {
  const date = toUtc(iso);
  return date ? shortDate.format(date) : iso;
}

export const maxHoursPerDay = 12;

/**
 * What a person typed in a cell: empty means "nothing entered"; "2,5", "2.5", "2:30" and "1,25" are hours; anything
 * else, more than the day's maximum, or not a whole number of quarter hours, is not valid.
 */
export function parseHours(text: string, max: number = maxHoursPerDay): { kind: "empty" } | { kind: "hours"; hours: number } | { kind: "invalid" } {
  const value = text.trim();
  if (value === "") {
    return { kind: "empty" };
  }
  let hours: number;
  const clock = /^(\d{1,2}):([0-5]\d)$/.exec(value);
  if (clock) {
    hours = Number(clock[1]) + Number(clock[2]) / 60;
  } else if (/^\d{1,2}([.,]\d{1,2})?$/.test(value)) {
    hours = Number(value.replace(",", "."));
  } else {
    return { kind: "invalid" };
  }
  if (hours < 0 || hours > max || Math.abs(hours * 4 - Math.round(hours * 4)) > 1e-9) {
    return { kind: "invalid" };
  }
  return { kind: "hours", hours: Math.round(hours * 4) / 4 };
}

/** A cell of the grid: one participant on one day. */
export type CellKey = `${string}|${string}`;

export function cellKey(participantRef: string, date: string): CellKey {
  return `${participantRef}|${date}`;
}

export type Change = { participantRef: string; date: string; hours: number };

/**
 * The cells to save: every edited cell whose hours differ from what is recorded. Clearing a recorded day means 0 hours
 * (the platform corrects it to nothing); clearing a day without hours changes nothing. Invalid cells are reported
 * apart, and nothing is saved while there are any.
 */
export function changesToSave(recorded: ReadonlyMap<CellKey, number>, edits: ReadonlyMap<CellKey, string>): { changes: Change[]; invalid: CellKey[] } {
  const changes: Change[] = [];
  const invalid: CellKey[] = [];
  for (const [key, text] of edits) {
    const [participantRef, date] = key.split("|") as [string, string];
    const parsed = parseHours(text);
    const before = recorded.get(key);
    if (parsed.kind === "invalid") {
      invalid.push(key);
    } else if (parsed.kind === "empty") {
      if (before !== undefined && before !== 0) {
        changes.push({ participantRef, date, hours: 0 });
      }
    } else if (parsed.hours !== (before ?? 0) || (before === undefined && parsed.hours !== 0)) {
      changes.push({ participantRef, date, hours: parsed.hours });
    }
  }
  changes.sort((a, b) => (a.participantRef === b.participantRef ? a.date.localeCompare(b.date) : a.participantRef.localeCompare(b.participantRef)));
  return { changes, invalid };
}

/** Why a cell cannot take hours, or null when it can: a day still to come, after the activity closed. */
export function lockedReason(date: string, today: string, closedOn: string): "future" | "afterClosing" | null {
  if (date > today) {
    return "future";
  }
  if (closedOn !== "" && date > closedOn) {
    return "afterClosing";
  }
  return null;
}

/** The grid cell to move to with an arrow key, staying inside the grid; null when the key is not an arrow. */
export function moveInGrid(row: number, column: number, key: string, rows: number, columns: number): { row: number; column: number } | null {
  switch (key) {
    case "ArrowUp":
      return { row: Math.max(0, row - 1), column };
    case "ArrowDown":
      return { row: Math.min(rows - 1, row + 1), column };
    case "ArrowLeft":
      return { row, column: Math.max(0, column - 1) };
    case "ArrowRight":
      return { row, column: Math.min(columns - 1, column + 1) };
    default:
      return null;
  }
}
