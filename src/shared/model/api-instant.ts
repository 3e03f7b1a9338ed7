// The times session_status gives (when an account or a statement was created or last
// updated), read as instants. FinBox writes an account's as `YYYY-MM-DD HH:MM:SS` in UTC and
// a statement's as ISO 8601 with its zone. A time in any other form (one without a zone
// above all) is not guessed at: it is shown as the API gave it.
import { toCalendarDate } from './calendar';

const CLOCK = '(?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d{1,9})?)?';
const ZONED = new RegExp(`^(\\d{4}-\\d{2}-\\d{2})T${CLOCK}(?:Z|[+-]\\d{2}:?\\d{2})$`);
const UTC_SPACED = new RegExp(`^(\\d{4}-\\d{2}-\\d{2}) (${CLOCK})$`);

/** An API time as an instant (`2024-10-01T10:10:32.000Z`), or null when it is none of FinBox's forms. */
export function readApiInstant(text: string | null | undefined): string | null {
  if (!text) return null;
  const spaced = UTC_SPACED.exec(text);
  const zoned = spaced ? null : ZONED.exec(text);
  const day = spaced?.[1] ?? zoned?.[1];
  // Date would roll an impossible day (30 Feb) over into the next month.
  if (day === undefined || toCalendarDate(day) === null) return null;
  const at = new Date(spaced ? `${spaced[1]}T${spaced[2]}Z` : text);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}
