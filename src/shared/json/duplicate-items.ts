// Keys given twice in one object (found by read-json.ts) as items of the session's
// "could not be read" list (contract 2): JSON.parse kept the last value, silently; the
// list says where, what each value was, and that the item has no single meaning.
import type { SessionView } from '../model/view-model';
import type { UnreadableItem } from '../model/unreadable';
import type { DuplicateKey } from './read-json';

export function duplicateKeyItems(
  duplicates: readonly DuplicateKey[],
  response: string,
): UnreadableItem[] {
  return duplicates.map((d) => ({
    path: d.path,
    value: d.values.join(' | '),
    reason: `the ${response} gives "${d.key}" ${d.values.length} times in one object: no single meaning (the last value is the one shown)`,
  }));
}

/** The view with the duplicate keys added to its unreadable list (the view itself if none). */
export function withDuplicateKeys(
  view: SessionView,
  duplicates: readonly DuplicateKey[] | undefined,
  response: string,
): SessionView {
  if (!duplicates || duplicates.length === 0) return view;
  return { ...view, unreadable: [...view.unreadable, ...duplicateKeyItems(duplicates, response)] };
}
