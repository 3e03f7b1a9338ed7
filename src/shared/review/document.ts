// The review document of one session: an append-only list of events, each saying who
// changed what and when. The review's current state (flags, notes, verdict) is folded
// from the events (see state.ts), so nothing is ever overwritten: an edit is one more
// event, and merging two reviewers' documents is the union of their events.
//
// Transactions are named by their key (the hash, or the derived id when the API sent
// none), so one review applies to every snapshot of the session. Each transaction event
// also carries what the reviewer saw (account, date, amount, narration) so a flag whose
// transaction is not in the snapshot on screen can still be listed for what it was.
import { z } from 'zod';
import { parseWith } from '../api/parse';
import { formatCount } from '../format/value';
import { ADJUSTMENTS, FLAG_LABELS, VERDICTS } from './labels';
import { compareEvents, mergeLogs } from './event-order';

export const REVIEW_FORMAT = 'bankconnect-viewer/review';
export const REVIEW_VERSION = 1;

/** Longest note or reason kept (a memo paragraph, not a file). */
export const MAX_TEXT = 10_000;

/**
 * The most entries a review holds. A review travels outside a session file's checksum, so
 * a file's review could otherwise be any size: this bounds the time and memory it costs.
 * (A reviewer flagging every transaction of the largest session makes 200,000 entries.)
 */
export const MAX_REVIEW_EVENTS = 250_000;

const text = z.string().max(MAX_TEXT);
const key = z.string().min(1).max(300);

const seenSchema = z
  .object({
    accountId: z.string().max(300),
    date: z.string().max(40),
    type: z.enum(['debit', 'credit']),
    amount: z.number().finite(),
    narration: z.string().max(2_000),
  })
  .nullable();

const changeSchema = z.discriminatedUnion('kind', [
  /** A label put on (on: true) or taken off a transaction. */
  z.object({
    kind: z.literal('label'),
    key,
    derived: z.boolean(),
    label: z.enum(FLAG_LABELS),
    on: z.boolean(),
    seen: seenSchema,
  }),
  /** The free note on a transaction ('' removes it). */
  z.object({
    kind: z.literal('flag-note'),
    key,
    derived: z.boolean(),
    text,
    seen: seenSchema,
  }),
  /** An adjustment switched on or off. */
  z.object({
    kind: z.literal('exclude'),
    key,
    derived: z.boolean(),
    target: z.enum(ADJUSTMENTS),
    on: z.boolean(),
    seen: seenSchema,
  }),
  /** A note on the session (account null) or an account: a new one, or an edit (same noteId). */
  z.object({
    kind: z.literal('note'),
    noteId: z.string().min(1).max(100),
    account: z.string().min(1).max(300).nullable(),
    text,
  }),
  z.object({
    kind: z.literal('verdict'),
    decision: z.enum(VERDICTS),
    reason: text,
  }),
]);

const eventSchema = z.object({
  id: z.string().min(1).max(100),
  at: z.string().min(1).max(40),
  reviewer: z.string().min(1).max(200),
  change: changeSchema,
});

const documentSchema = z.object({
  format: z.literal(REVIEW_FORMAT),
  version: z.literal(REVIEW_VERSION),
  sessionId: z.string().min(1).max(500),
  events: z.array(eventSchema),
});

export type TransactionSeen = NonNullable<z.infer<typeof seenSchema>>;
export type ReviewChange = z.infer<typeof changeSchema>;
export type ReviewEvent = z.infer<typeof eventSchema>;
export type ReviewDocument = z.infer<typeof documentSchema>;

export function emptyReview(sessionId: string): ReviewDocument {
  return { format: REVIEW_FORMAT, version: REVIEW_VERSION, sessionId, events: [] };
}

/** Checks a review read from disk or from an imported file (errors name the JSON path). */
export function parseReviewDocument(value: unknown, what = 'The review'): ReviewDocument {
  // Counted before each entry is checked: a huge list is refused at once.
  const events = (value as { events?: unknown } | null)?.events;
  if (Array.isArray(events) && events.length > MAX_REVIEW_EVENTS) {
    throw new Error(
      `${what} has ${formatCount(events.length)} entries, more than the ${formatCount(MAX_REVIEW_EVENTS)} a review may hold: refused`,
    );
  }
  return parseWith(documentSchema, value, what);
}

export { compareEvents };

/**
 * Both reviewers' entries: the union of the events (an event is kept once, by its id),
 * each copy's entries in the order that copy recorded them (see event-order.ts); a claimed
 * time never moves an entry past one recorded after it. merge(a, b) = merge(b, a).
 */
export function mergeReviews(a: ReviewDocument, b: ReviewDocument): ReviewDocument {
  return { ...a, events: mergeLogs(a.events, b.events) };
}
