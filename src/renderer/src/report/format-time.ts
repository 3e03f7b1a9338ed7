// When a session was fetched, in the user's own time zone: `23 Oct 2023, 14:05`.
import { formatDate } from '@shared/model/calendar';

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function formatFetchedTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const date = `${at.getFullYear()}-${pad2(at.getMonth() + 1)}-${pad2(at.getDate())}`;
  return `${formatDate(date)}, ${pad2(at.getHours())}:${pad2(at.getMinutes())}`;
}
