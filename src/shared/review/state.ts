// The review as it stands: the events folded in time order. A later event on the same
// thing wins for the current state; every event stays in the history.
import type { ReviewDocument, ReviewEvent, TransactionSeen } from './document';
import {
  ADJUSTMENT_PHRASE,
  ADJUSTMENT_TEXT,
  FLAG_LABEL_TEXT,
  FLAG_LABELS,
  VERDICT_TEXT,
  type Adjustment,
  type FlagLabel,
  type Verdict,
} from './labels';

export interface FlagState {
  readonly key: string;
  readonly derived: boolean;
  /** In the fixed label order. */
  readonly labels: readonly FlagLabel[];
  readonly note: string | null;
  readonly exclude: Readonly<Record<Adjustment, boolean>>;
  /** What the reviewer saw when last changing it (null when not known). */
  readonly seen: TransactionSeen | null;
  readonly firstAt: string;
  readonly lastAt: string;
  /** Everyone who changed this flag, in the order they first did. */
  readonly reviewers: readonly string[];
}

export interface NoteState {
  readonly noteId: string;
  /** Null for a note on the whole session. */
  readonly account: string | null;
  readonly text: string;
  readonly author: string;
  readonly createdAt: string;
  /** Set when the note was edited after it was written. */
  readonly editedBy: string | null;
  readonly editedAt: string | null;
}

export interface VerdictState {
  readonly decision: Verdict;
  readonly reason: string;
  readonly reviewer: string;
  readonly at: string;
}

export interface ReviewState {
  readonly sessionId: string;
  /** Transactions with at least a label, a note or an adjustment, in the order first flagged. */
  readonly flags: readonly FlagState[];
  /** Notes that are not empty, session notes first, then by account, each oldest first. */
  readonly notes: readonly NoteState[];
  /** The latest verdict. */
  readonly verdict: VerdictState | null;
  /** Every verdict given, oldest first (so a changed mind stays on record). */
  readonly verdicts: readonly VerdictState[];
  /** Every event, in the order recorded (not by the times they claim). */
  readonly history: readonly ReviewEvent[];
}

interface MutableFlag {
  key: string;
  derived: boolean;
  labels: Set<FlagLabel>;
  note: string | null;
  exclude: Record<Adjustment, boolean>;
  seen: TransactionSeen | null;
  firstAt: string;
  lastAt: string;
  reviewers: string[];
}

export function reviewState(document: ReviewDocument): ReviewState {
  // In the order recorded: a time an entry claims never puts it after a later entry.
  const history = document.events;
  const flags = new Map<string, MutableFlag>();
  const notes = new Map<string, NoteState>();
  const verdicts: VerdictState[] = [];
  for (const event of history) {
    const { change, at, reviewer } = event;
    if (change.kind === 'note') {
      const before = notes.get(change.noteId);
      notes.set(
        change.noteId,
        before
          ? { ...before, text: change.text, editedBy: reviewer, editedAt: at }
          : {
              noteId: change.noteId,
              account: change.account,
              text: change.text,
              author: reviewer,
              createdAt: at,
              editedBy: null,
              editedAt: null,
            },
      );
      continue;
    }
    if (change.kind === 'verdict') {
      verdicts.push({ decision: change.decision, reason: change.reason, reviewer, at });
      continue;
    }
    let flag = flags.get(change.key);
    if (!flag) {
      flag = {
        key: change.key,
        derived: change.derived,
        labels: new Set(),
        note: null,
        exclude: { eligible: false, abb: false },
        seen: null,
        firstAt: at,
        lastAt: at,
        reviewers: [],
      };
      flags.set(change.key, flag);
    }
    if (change.kind === 'label') {
      if (change.on) flag.labels.add(change.label);
      else flag.labels.delete(change.label);
    } else if (change.kind === 'flag-note') {
      flag.note = change.text.trim() === '' ? null : change.text;
    } else {
      flag.exclude[change.target] = change.on;
    }
    if (change.seen) flag.seen = change.seen;
    flag.lastAt = at;
    if (!flag.reviewers.includes(reviewer)) flag.reviewers.push(reviewer);
  }
  const live = [...flags.values()].filter(
    (f) => f.labels.size > 0 || f.note !== null || f.exclude.eligible || f.exclude.abb,
  );
  const noteList = [...notes.values()].filter((n) => n.text.trim() !== '');
  noteList.sort((a, b) => {
    if (a.account !== b.account) {
      if (a.account === null) return -1;
      if (b.account === null) return 1;
      return a.account < b.account ? -1 : 1;
    }
    return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;
  });
  return {
    sessionId: document.sessionId,
    flags: live.map((f) => ({
      key: f.key,
      derived: f.derived,
      labels: FLAG_LABELS.filter((l) => f.labels.has(l)),
      note: f.note,
      exclude: { ...f.exclude },
      seen: f.seen,
      firstAt: f.firstAt,
      lastAt: f.lastAt,
      reviewers: f.reviewers,
    })),
    notes: noteList,
    verdict: verdicts.at(-1) ?? null,
    verdicts,
    history,
  };
}

/** The keys a given adjustment takes out (for the eligible-credits and ABB computations). */
export function excludedKeys(state: ReviewState, target: Adjustment): ReadonlySet<string> {
  return new Set(state.flags.filter((f) => f.exclude[target]).map((f) => f.key));
}

export function flagsByKey(state: ReviewState): ReadonlyMap<string, FlagState> {
  return new Map(state.flags.map((f) => [f.key, f]));
}

/** `Related party, One-off; excluded from eligible credits` for a table cell. */
export function describeFlag(flag: FlagState): string {
  const parts = flag.labels.map((l) => FLAG_LABEL_TEXT[l]);
  const adjustments = (Object.keys(flag.exclude) as Adjustment[])
    .filter((a) => flag.exclude[a])
    .map((a) => ADJUSTMENT_PHRASE[a]);
  let text = parts.join(', ');
  if (adjustments.length > 0) text += `${text ? '; ' : ''}${adjustments.join(', ')}`;
  return text;
}

function shortKey(key: string): string {
  return key.length > 14 ? `${key.slice(0, 12)}…` : key;
}

/** One line of the edit history: what changed, in words (the who and when sit beside it). */
export function describeEvent(event: ReviewEvent, before: string | null = null): string {
  const c = event.change;
  switch (c.kind) {
    case 'label':
      return `${c.on ? 'Flagged' : 'Removed flag'} ${FLAG_LABEL_TEXT[c.label]} ${c.on ? 'on' : 'from'} transaction ${shortKey(c.key)}`;
    case 'flag-note':
      return c.text.trim() === ''
        ? `Removed the note on transaction ${shortKey(c.key)}`
        : `Noted on transaction ${shortKey(c.key)}: ${c.text}`;
    case 'exclude':
      return `${c.on ? ADJUSTMENT_TEXT[c.target] : `No longer ${ADJUSTMENT_PHRASE[c.target]}`}: transaction ${shortKey(c.key)}`;
    case 'note': {
      const on = c.account === null ? 'the session' : `account ${c.account}`;
      const was = before === null ? '' : ` (was: ${before})`;
      if (c.text.trim() === '') return `Removed a note on ${on}${was}`;
      return before === null
        ? `Note on ${on}: ${c.text}`
        : `Edited a note on ${on}: ${c.text}${was}`;
    }
    case 'verdict':
      return `Verdict ${VERDICT_TEXT[c.decision]}: ${c.reason}`;
  }
}

/**
 * The edit history in words, oldest first: a note's edit or removal says what the note
 * said before, so nothing a reviewer wrote is ever lost from view.
 */
export function historyLines(
  history: readonly ReviewEvent[],
): { readonly event: ReviewEvent; readonly text: string }[] {
  const notes = new Map<string, string>();
  return history.map((event) => {
    const c = event.change;
    if (c.kind !== 'note') return { event, text: describeEvent(event) };
    const before = notes.get(c.noteId);
    const live = before !== undefined && before.trim() !== '' ? before : null;
    notes.set(c.noteId, c.text);
    return { event, text: describeEvent(event, live) };
  });
}
