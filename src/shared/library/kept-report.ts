// How a FinBox report kept with a saved session is named where the user meets it.
import { formatLocalTime } from '../format/local-time';

/** "FinBox's report (kept on 07 Dec 2026, 09:15)", in the reader's own time zone. */
export function keptReportLabel(
  keptAt: string,
  accountId: string | null = null,
  timeZone?: string,
): string {
  return `FinBox's report${accountId ? ` for account ${accountId}` : ''} (kept on ${formatLocalTime(keptAt, timeZone)})`;
}
