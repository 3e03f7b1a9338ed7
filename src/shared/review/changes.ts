// From what the reviewer asked for to the events that record it. Only what actually
// changes becomes an event (flagging an already flagged row again adds nothing), and
// empty text is refused here, once, for the CLI and the app alike.
import type { TransactionView } from '../model/view-model';
import { formatCount } from '../format/value';
import { reviewKey, type KeyOf } from './adjustments';
import { MAX_TEXT, type ReviewChange } from './document';
import type { Adjustment, FlagLabel, Verdict } from './labels';
import { seenOf } from './resolve';
import type { FlagState } from './state';

export class ReviewInputError extends Error {
  constructor(
    readonly code: 'EMPTY_TEXT' | 'TEXT_TOO_LONG',
    message: string,
  ) {
    super(message);
    this.name = 'ReviewInputError';
  }
}

/** The text as given, refused when empty or longer than a review keeps. */
export function checkedText(text: string, what: string): string {
  if (text.trim() === '') throw new ReviewInputError('EMPTY_TEXT', `${what} is empty`);
  if (text.length > MAX_TEXT) {
    throw new ReviewInputError(
      'TEXT_TOO_LONG',
      `${what} is ${formatCount(text.length)} characters; a review keeps at most ${formatCount(MAX_TEXT)}`,
    );
  }
  return text;
}

export interface FlagRequest {
  /** Labels to put on (true) or take off (false). */
  readonly labels?: Partial<Readonly<Record<FlagLabel, boolean>>>;
  /** The transaction note: text sets it, '' removes it, undefined leaves it. */
  readonly note?: string;
  readonly exclude?: Partial<Readonly<Record<Adjustment, boolean>>>;
}

/**
 * The changes that make each transaction's flag what the request says. `current` is the
 * flag as it stands (by key). Derived marks a key that is not the API's hash.
 */
export function flagChanges(
  transactions: readonly TransactionView[],
  current: ReadonlyMap<string, FlagState>,
  request: FlagRequest,
  keyOf: KeyOf = reviewKey,
  isDerived: (t: TransactionView) => boolean = () => false,
): ReviewChange[] {
  if (request.note !== undefined && request.note !== '') checkedText(request.note, 'The note');
  const changes: ReviewChange[] = [];
  for (const t of transactions) {
    const key = keyOf(t);
    const before = current.get(key);
    const base = { key, derived: isDerived(t), seen: seenOf(t) };
    for (const [label, on] of Object.entries(request.labels ?? {}) as [FlagLabel, boolean][]) {
      if ((before?.labels.includes(label) ?? false) !== on) {
        changes.push({ kind: 'label', ...base, label, on });
      }
    }
    if (request.note !== undefined && (before?.note ?? '') !== request.note) {
      changes.push({ kind: 'flag-note', ...base, text: request.note });
    }
    for (const [target, on] of Object.entries(request.exclude ?? {}) as [Adjustment, boolean][]) {
      if ((before?.exclude[target] ?? false) !== on) {
        changes.push({ kind: 'exclude', ...base, target, on });
      }
    }
  }
  return changes;
}

export function noteChange(noteId: string, account: string | null, text: string): ReviewChange {
  return { kind: 'note', noteId, account, text: checkedText(text, 'The note') };
}

/** Removing a note is one more event (its text empty): the note stays in the history. */
export function noteRemoval(noteId: string, account: string | null): ReviewChange {
  return { kind: 'note', noteId, account, text: '' };
}

export function verdictChange(decision: Verdict, reason: string): ReviewChange {
  return { kind: 'verdict', decision, reason: checkedText(reason, 'The reason for the verdict') };
}
