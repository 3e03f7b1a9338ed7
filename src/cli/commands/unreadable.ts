// The one stderr line saying how many items of a response were set aside, naming the first.
import type { SessionView } from '@shared/model/view-model';
import type { CliIo } from '../io';

// Paths hold the API's keys: control characters are shown as \u escapes, never sent raw.
function printable(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function unreadableLine(view: Pick<SessionView, 'unreadable'>): string | null {
  const items = view.unreadable;
  if (items.length === 0) return null;
  const first = items[0]!;
  const what = items.length === 1 ? '1 item' : `${items.length} items`;
  return `${what} could not be read and ${items.length === 1 ? 'was' : 'were'} set aside (first: ${printable(first.path)} = ${printable(first.value)}, ${first.reason})\n`;
}

export function reportUnreadable(io: CliIo, view: Pick<SessionView, 'unreadable'>): void {
  const line = unreadableLine(view);
  if (line) io.stderr(line);
}
