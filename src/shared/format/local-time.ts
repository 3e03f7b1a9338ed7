// An instant as a person in India reads it, in the computer's own time zone (never UTC):
// `23 Oct 2023, 14:05`. The review's times, the memo's and the report's fetch time use it;
// `timeZone` (an IANA name) is for tests and callers that know the reader's zone.
import { formatDate } from '../model/calendar';

const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      ...(timeZone ? { timeZone } : {}),
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(key, format);
  }
  return format;
}

/** `2023-10-23T08:35:00Z` -> `23 Oct 2023, 14:05` (in Asia/Kolkata); text that is no instant as it is. */
export function formatLocalTime(iso: string, timeZone?: string): string {
  const at = new Date(iso);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(iso) || Number.isNaN(at.getTime())) return iso;
  const part: Record<string, string> = {};
  for (const p of formatIn(timeZone).formatToParts(at)) part[p.type] = p.value;
  return `${formatDate(`${part['year']}-${part['month']}-${part['day']}`)}, ${part['hour']}:${part['minute']}`;
}
