import { nl } from "../i18n/nl";

/** How urgent a follow-up is, from its days overdue (negative: due in the future). */
export function urgency(daysOverdue: number): { badge: "danger" | "warning" | "neutral"; text: string } {
  if (daysOverdue > 0) {
    return { badge: "danger", text: nl.followUps.daysOverdue(daysOverdue) };
  }
  if (daysOverdue === 0) {
    return { badge: "warning", text: nl.followUps.dueToday };
  }
  return { badge: "neutral", text: nl.followUps.dueIn(-daysOverdue) };
}
