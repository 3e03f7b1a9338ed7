// Items of a response that cannot be read with one obvious meaning (an amount of "n/a", a
// transaction that is not an object). They are set aside, never guessed: the session still
// opens, and the list says where each one was (its JSON path) and what it held.
import { plural } from '../format/value';

/** Contract 2: one item set aside. */
export interface UnreadableItem {
  /** JSON path in the response it came from, e.g. `$.accounts["a1"].transactions[3].amount`. */
  readonly path: string;
  /** Short text of the value as received. */
  readonly value: string;
  /** What was expected, in a few words. */
  readonly reason: string;
}

/**
 * `1 item could not be read and was set aside`, `3 items of the response could not be read
 * and were set aside`: the one sentence every place that reports them starts with.
 */
export function setAsideLine(count: number, where?: string): string {
  const verb = count === 1 ? 'was' : 'were';
  return `${plural(count, 'item')}${where ? ` ${where}` : ''} could not be read and ${verb} set aside`;
}

const VALUE_TEXT_MAX = 160;

/** A received value as short text: JSON, cut at 160 characters. */
export function describeValue(value: unknown): string {
  if (value === undefined) return '(missing)';
  // JSON has no infinity: such a value was a number too large for any (1e309), not null.
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return Number.isNaN(value) ? 'not a number' : `a number past ${value > 0 ? '' : '-'}1.8e308`;
  }
  let text: string;
  try {
    text =
      typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > VALUE_TEXT_MAX ? `${text.slice(0, VALUE_TEXT_MAX - 1)}…` : text;
}

/** Collects the items set aside while one response is read. */
export class SetAside {
  readonly items: UnreadableItem[] = [];
  add(path: string, value: unknown, reason: string): void {
    this.items.push({ path, value: describeValue(value), reason });
  }
}
