// The progress of a month's payment run as the admin's screen shows it: a bar, a sentence, and announcements for
// screen readers at a few steps (a quarter at a time and at the end), never at every poll.

/** The latest pass's place: visited people of those expected, and whether the pass is done. */
export type RunProgress = {
  processed: number;
  expected: number;
  /** 0–100, whole. 100 when done, also for a pass that had nobody to visit. */
  percent: number;
  done: boolean;
};

export function runProgress(processed: number, expected: number, done: boolean): RunProgress {
  const safeExpected = Math.max(0, expected);
  const safeProcessed = Math.min(Math.max(0, processed), safeExpected);
  const percent = done ? 100 : safeExpected === 0 ? 0 : Math.floor((safeProcessed * 100) / safeExpected);
  return { processed: done ? safeExpected : safeProcessed, expected: safeExpected, percent, done };
}

/**
 * The step a run has reached for announcements: 0 at the start, 1–3 at each quarter passed, 4 when done. A screen
 * announces when the step changes, so a fast run says little and a slow one says something every quarter.
 */
export function announcementStep(progress: RunProgress, steps = 4): number {
  if (progress.done) {
    return steps;
  }
  return Math.min(steps - 1, Math.floor((progress.percent * steps) / 100));
}

/** Whether a step reached is worth announcing after the one announced before (only forwards, never the start). */
export function shouldAnnounce(previous: number | null, current: number): boolean {
  return current > 0 && (previous === null || current > previous);
}

/** How long to wait before asking again: about a second while the pass runs, and no more polls once it is done. */
export function pollInterval(running: boolean, intervalMs = 1000): number | false {
  return running ? intervalMs : false;
}
