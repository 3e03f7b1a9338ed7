// Fuzzing the review section reader: a format-2 session file whose "review" section holds a
// mutated review (entries with any time, reviewer or change, keys deleted or given twice,
// deep nesting, huge text), or zstd of any text, or bytes that are not zstd at all.
// Property: the review is read, or the file refused with a code and one line, in bounded
// time and memory; a review that is read merges into a local one keeping both logs' orders.
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { encodeSessionFile } from '../../src/core/library/format';
import { compressBody, readFormat2Layout, withSections } from '../../src/core/library/format-2';
import { carriedReview } from '../../src/core/library/session-input';
import {
  mergeReviews,
  REVIEW_FORMAT,
  REVIEW_VERSION,
  type ReviewDocument,
  type ReviewEvent,
} from '../../src/shared/review/document';
import { generateSession } from '../../src/sandbox/generator';
import { DEMO_RETAIL_PLAN } from '../../src/sandbox/sessions';
import { SNAPSHOT_META } from '../fakes/format-1-file';
import { applyMutations, applyTextMutation, mutation, textMutation } from './mutate';
import { announce, fuzzOptions } from './settings';

announce('review section');

const zstd = promisify(zlib.zstdCompress);
const retail = generateSession({ ...DEMO_RETAIL_PLAN, sessionId: 'fuzz-review' });
const CASE_LIMIT_MS = 30_000;

const event = (i: number, at: string, change: ReviewEvent['change']): ReviewEvent => ({
  id: `ev-${i}`,
  at,
  reviewer: i % 2 ? 'Asha Rao' : 'Ravi',
  change,
});
const SEED_REVIEW: ReviewDocument = {
  format: REVIEW_FORMAT,
  version: REVIEW_VERSION,
  sessionId: 'fuzz-review',
  events: [
    event(0, '2026-12-01T10:00:00.000Z', { kind: 'note', noteId: 'n1', account: null, text: 'ok' }),
    event(1, '2026-12-01T10:05:00.000Z', {
      kind: 'label',
      key: 'h1',
      derived: false,
      label: 'related-party',
      on: true,
      seen: null,
    }),
    event(2, 'zzzz', { kind: 'verdict', decision: 'approve', reason: 'fine' }),
    event(3, '2026-12-01T10:09:00.000Z', { kind: 'verdict', decision: 'decline', reason: 'no' }),
  ],
};

let base: Buffer | null = null;
async function sessionFile(): Promise<Buffer> {
  if (!base) {
    const bodies = [
      await compressBody('session_status', Buffer.from(JSON.stringify(retail.status))),
      await compressBody('data', Buffer.from(JSON.stringify(retail.subscribed))),
    ];
    ({ bytes: base } = encodeSessionFile({
      ...SNAPSHOT_META,
      sessionId: 'fuzz-review',
      endpoint: 'subscribed_data',
      bodies,
    }));
  }
  return base;
}

const sectionOf = fc.oneof(
  fc.record({
    kind: fc.constant('review' as const),
    mutations: fc.array(mutation, { maxLength: 4 }),
    text: textMutation,
  }),
  fc.record({ kind: fc.constant('zstd-text' as const), text: fc.string({ maxLength: 200 }) }),
  fc.record({ kind: fc.constant('bytes' as const), bytes: fc.uint8Array({ maxLength: 200 }) }),
);

/** Whether `sub`'s events appear in `all` in the same order. */
function inOrder(sub: readonly ReviewEvent[], all: readonly ReviewEvent[]): boolean {
  const at = new Map(all.map((e, i) => [e.id, i]));
  let last = -1;
  for (const e of sub) {
    const i = at.get(e.id);
    if (i === undefined || i < last) return false;
    last = i;
  }
  return true;
}

test.prop([sectionOf], fuzzOptions(20))(
  'any review section: read, or refused with a code and one line',
  async (section) => {
    const file = await sessionFile();
    let bytes: Buffer;
    if (section.kind === 'bytes') bytes = Buffer.from(section.bytes);
    else if (section.kind === 'zstd-text') bytes = await zstd(Buffer.from(section.text));
    else {
      const json = JSON.stringify(applyMutations(SEED_REVIEW, section.mutations)) ?? 'null';
      bytes = await zstd(Buffer.from(applyTextMutation(json, section.text)));
    }
    const withReview = withSections(file, readFormat2Layout(file), [{ tag: 'review', bytes }]);
    let timer: NodeJS.Timeout | undefined;
    const hang = new Promise<'hang'>((done) => {
      timer = setTimeout(() => done('hang'), CASE_LIMIT_MS);
    });
    const result = await Promise.race([
      carriedReview(withReview, 'fuzz.bcsession').then(
        (review) => ({ review }),
        (error: unknown) => ({ error }),
      ),
      hang,
    ]);
    clearTimeout(timer);
    expect(result, 'no answer in bounded time').not.toBe('hang');
    if (result === 'hang') return;
    if ('error' in result) {
      const { code, message } = (result.error ?? {}) as { code?: unknown; message?: unknown };
      const said = `${String(code)}: ${String(message)}`;
      expect(typeof code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(code), said).toBe(true);
      expect(typeof message === 'string' && !message.includes('\n'), said).toBe(true);
      expect(String(message), said).not.toMatch(/call stack|is not a function|Cannot read prop/);
    } else if (result.review) {
      // A review read merges into a local one with each log's order kept, either way round.
      const local: ReviewDocument = { ...SEED_REVIEW, events: SEED_REVIEW.events.slice(0, 2) };
      const merged = mergeReviews(local, result.review);
      expect(inOrder(local.events, merged.events)).toBe(true);
      expect(merged.events.map((e) => e.id)).toEqual(
        mergeReviews(result.review, local).events.map((e) => e.id),
      );
      expect(new Set(merged.events.map((e) => e.id)).size).toBe(merged.events.length);
    }
    expect(process.memoryUsage().heapUsed).toBeLessThan(1024 ** 3);
  },
);
