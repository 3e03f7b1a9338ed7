// A review entry's time is what its writer's clock said (an imported file can say
// anything): shown as that claim, and marked when it cannot be true.
import { formatLocalTime } from '../format/local-time';

/** Why a claimed time cannot be true ("not a time", "later than now"), or null. */
export function claimProblem(at: string, now: Date): string | null {
  const instant = Date.parse(at);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(at) || Number.isNaN(instant)) return 'not a time';
  // A minute's grace: two computers' clocks never agree to the second.
  return instant > now.getTime() + 60_000 ? 'later than now' : null;
}

/** `23 Oct 2023, 14:05`, or the text with why it cannot be a true time ("zzzz (claimed; not a time)"). */
export function claimedTime(at: string, now: Date, timeZone?: string): string {
  const problem = claimProblem(at, now);
  const shown = problem === 'not a time' ? at : formatLocalTime(at, timeZone);
  return problem ? `${shown} (claimed; ${problem})` : shown;
}
