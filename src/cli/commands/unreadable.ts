// The one stderr line saying how many items of a response were set aside, naming the first.
import type { SessionView } from '@shared/model/view-model';
import { plural } from '@shared/format/value';
import type { CliIo } from '../io';
import { shown } from '../terminal-safe';

export function unreadableLine(view: Pick<SessionView, 'unreadable'>): string | null {
  const items = view.unreadable;
  if (items.length === 0) return null;
  const first = items[0]!;
  const what = plural(items.length, 'item');
  return `${what} could not be read and ${items.length === 1 ? 'was' : 'were'} set aside (first: ${shown(first.path)} = ${shown(first.value)}, ${first.reason})\n`;
}

export function reportUnreadable(io: CliIo, view: Pick<SessionView, 'unreadable'>): void {
  const line = unreadableLine(view);
  if (line) io.stderr(line);
}
