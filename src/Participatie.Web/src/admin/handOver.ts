// The hand-over of a leaving coach's caseload (CoachService.ReassignCaseload): the colleagues in the order the admin
// chose them, what the reply says per colleague, and which field a refusal belongs to.
import type { Problem } from "../lib/errors";

/** A caseload against its limit, for the figure and the meter beside it. */
export type CaseloadShare = {
  size: number;
  limit: number;
  /** Places still free; 0 when the caseload is full (or, after a lowered limit, over it). */
  free: number;
  full: boolean;
};

export function caseloadShare(size: number, limit: number): CaseloadShare {
  return { size, limit, free: Math.max(limit - size, 0), full: size >= limit };
}

/** Ticks or unticks a colleague: a newly ticked one goes last, so the list stays in the order of choosing. */
export function toggleColleague(chosen: readonly string[], coachId: string): string[] {
  return chosen.includes(coachId) ? chosen.filter((id) => id !== coachId) : [...chosen, coachId];
}

/** The colleagues still eligible after the leaving coach is (re)chosen: the leaving coach cannot receive their own caseload. */
export function withoutLeaving(chosen: readonly string[], leavingCoachId: string): string[] {
  return chosen.filter((id) => id !== leavingCoachId);
}

/** One line of the outcome: how many people one colleague received. */
export type TransferLine = { coachId: string; name: string; moved: number };

/** The reply's transfers with the colleagues' names (the id when the list does not know the coach), those who received nobody left out. */
export function transferLines(transfers: readonly { coachId: string; moved: number }[], names: ReadonlyMap<string, string>): TransferLine[] {
  return transfers.filter((t) => t.moved > 0).map((t) => ({ coachId: t.coachId, name: names.get(t.coachId) ?? t.coachId, moved: t.moved }));
}

/**
 * The refusals about the colleagues: `to_coach_ids` as a whole and each `to_coach_ids[i]`, the latter named by the
 * colleague chosen i-th, so the admin sees which one. Empty when there are none.
 */
export function colleagueErrors(problem: Problem | null | undefined, chosen: readonly string[], names: ReadonlyMap<string, string>): string[] {
  if (!problem) {
    return [];
  }
  const errors: string[] = [];
  for (const [field, text] of Object.entries(problem.fields)) {
    const match = /^(?:request\.)?to_coach_ids(?:\[(\d+)\])?$/i.exec(field);
    if (!match) {
      continue;
    }
    const index = match[1] === undefined ? undefined : Number(match[1]);
    const coachId = index === undefined ? undefined : chosen[index];
    errors.push(coachId === undefined ? text : `${names.get(coachId) ?? coachId}: ${text}`);
  }
  return errors;
}
