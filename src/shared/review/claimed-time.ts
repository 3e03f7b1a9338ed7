// A review entry's time is what its writer's clock said (an imported file can say
// anything): shown as that claim, and marked when it cannot be true.
import { formatLocalTime } from '../format/local-time';

/** `23 Oct 2023, 14:05`, or the text with why it cannot be a true time ("zzzz (claimed; not a time)"). */
export function claimedTime(at: string, now: Date, timeZone?: string): string {
  const instant = Date.parse(at);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(at) || Number.isNaN(instant))
    return `${at} (claimed; not a time)`;
  const shown = formatLocalTime(at, timeZone);
  // A minute's grace: two computers' clocks never agree to the second.
  return instant > now.getTime() + 60_000 ? `${shown} (claimed; later than now)` : shown;
}
