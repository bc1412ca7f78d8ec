// The purposes (x-purpose) staff may declare, as the gateway knows them (Participatie.Gateway/Security/Purposes.cs).
// A coach chooses one of these when opening a person; lists of their own caseload are read for case work.

export const coachPurposes = ["case_work", "intake", "payment", "support", "supervision", "legal_duty"] as const;

export type CoachPurpose = (typeof coachPurposes)[number];

export const listPurpose: CoachPurpose = "case_work";

export function isCoachPurpose(value: string | null | undefined): value is CoachPurpose {
  return value !== null && value !== undefined && (coachPurposes as readonly string[]).includes(value);
}
