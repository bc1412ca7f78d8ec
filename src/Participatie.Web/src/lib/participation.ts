import { mondayOf } from "./calendar";

const hoursFormat = new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 0, maximumFractionDigits: 2 });

/** Hours as the Dutch write them: "2", "1,25", "0,5". */
export function formatHours(hours: number): string {
  return hoursFormat.format(hours);
}

/** What an activity's days add up to, seen from one day. */
export type HoursSummary = {
  /** From this week's Monday up to and including today. */
  thisWeek: number;
  /** From the first of this month up to and including today. */
  thisMonth: number;
  /** The last day with hours (ISO date), or null before any. */
  lastDay: string | null;
};

/**
 * This week's and this month's hours and the last day attended, from an activity's days with hours (GetParticipation)
 * as of `today` (yyyy-MM-dd in the Netherlands). Days after today (a correction recorded ahead) are not counted.
 */
export function summariseHours(days: readonly { date: string; hours: number }[], today: string): HoursSummary {
  const monday = mondayOf(today);
  const firstOfMonth = `${today.slice(0, 7)}-01`;
  let thisWeek = 0;
  let thisMonth = 0;
  let lastDay: string | null = null;
  for (const day of days) {
    if (day.date > today) {
      continue;
    }
    if (day.date >= monday) {
      thisWeek += day.hours;
    }
    if (day.date >= firstOfMonth) {
      thisMonth += day.hours;
    }
    if (day.hours > 0 && (lastDay === null || day.date > lastDay)) {
      lastDay = day.date;
    }
  }
  return { thisWeek, thisMonth, lastDay };
}
