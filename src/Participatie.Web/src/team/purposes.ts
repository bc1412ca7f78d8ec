// The purposes a neighbourhood team member may declare (x-purpose) when opening a resident: the team activates and
// supports people, and a team lead reviews its work. Lists of the team's residents are read for case work.
export const teamPurposes = ["case_work", "support", "supervision"] as const;

export type TeamPurpose = (typeof teamPurposes)[number];

export const teamListPurpose: TeamPurpose = "case_work";

export function isTeamPurpose(value: string | null | undefined): value is TeamPurpose {
  return value !== null && value !== undefined && (teamPurposes as readonly string[]).includes(value);
}
