// The one stderr line saying how many items of a response were set aside, naming the first.
import type { SessionView } from '@shared/model/view-model';
import { setAsideLine } from '@shared/model/unreadable';
import type { CliIo } from '../io';
import { shown } from '../terminal-safe';

export function unreadableLine(view: Pick<SessionView, 'unreadable'>): string | null {
  const items = view.unreadable;
  if (items.length === 0) return null;
  const first = items[0]!;
  return `${setAsideLine(items.length)} (first: ${shown(first.path)} = ${shown(first.value)}, ${first.reason})\n`;
}

export function reportUnreadable(io: CliIo, view: Pick<SessionView, 'unreadable'>): void {
  const line = unreadableLine(view);
  if (line) io.stderr(line);
}
