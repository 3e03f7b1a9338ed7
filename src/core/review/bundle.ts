// A review inside a `.bcsession`, outside what the checksum covers. Format 2 keeps it in a
// trailing "review" section (zstd JSON): adding or replacing it rewrites only the file's
// tail, the header and data block stay byte for byte. A format-1 file (the review was the
// envelope's `review` member) is still read; one given a review goes out as format 2.
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';
import { formatCount } from '@shared/format/value';
import {
  MAX_REVIEW_EVENTS,
  parseReviewDocument,
  type ReviewDocument,
} from '@shared/review/document';
import { asFormat2, decodeSessionFile, formatOf } from '../library/format';
import { format1Envelope } from '../library/format-1';
import { readFormat2Layout, withSections, type Section } from '../library/format-2';
import { formatMiB, inflateBounded, TooLargeError } from '../io/size-ceiling';
import { ReviewError } from './review-errors';

export const REVIEW_SECTION = 'review';

/**
 * The most a review's JSON may take (a review of MAX_REVIEW_EVENTS entries is well under
 * it): the section sits outside the checksum, so it is bounded on its own.
 */
export const MAX_REVIEW_BYTES = 64 * 1024 * 1024;

export function reviewTooLarge(said: string): ReviewError {
  return new ReviewError(
    'REVIEW_TOO_LARGE',
    `${said} more than ${formatMiB(MAX_REVIEW_BYTES)}, the most a review may take: refused`,
  );
}
const zstdAsync = promisify(zlib.zstdCompress);

/** The session file's bytes with the review inside (checked: a bad file is never passed on). */
export async function withReview(
  bytes: Uint8Array,
  review: ReviewDocument,
  upgrade: { readonly at: string; readonly appVersion: string },
): Promise<Buffer> {
  const decoded = await decodeSessionFile(bytes);
  if (decoded.meta.sessionId !== review.sessionId) {
    throw new ReviewError(
      'WRONG_SESSION',
      `the review is of session ${review.sessionId}, not ${decoded.meta.sessionId}`,
    );
  }
  const base = (await asFormat2(bytes, decoded, upgrade)).bytes;
  const layout = readFormat2Layout(base);
  const section: Section = {
    tag: REVIEW_SECTION,
    bytes: await zstdAsync(Buffer.from(JSON.stringify(review), 'utf8')),
  };
  const others = layout.sections.filter((s) => s.tag !== REVIEW_SECTION);
  const out = withSections(base, layout, [...others, section]);
  // The data a reader checks must be what it was: prove it before handing the file out.
  const again = readFormat2Layout(out);
  if (!out.subarray(0, again.dataEnd).equals(base.subarray(0, layout.dataEnd))) {
    throw new ReviewError('WRITE_FAILED', 'the session data changed while adding the review');
  }
  return out;
}

/** The review a session file carries, or null; a damaged one is refused with its path. */
export async function reviewIn(bytes: Uint8Array): Promise<ReviewDocument | null> {
  const carried = await carriedReview(bytes);
  if (!carried) return null;
  const events = (carried.value as { events?: unknown } | null)?.events;
  if (Array.isArray(events) && events.length > MAX_REVIEW_EVENTS) {
    throw new ReviewError(
      'REVIEW_TOO_LARGE',
      `The review in the file has ${formatCount(events.length)} entries, more than the ${formatCount(MAX_REVIEW_EVENTS)} a review may hold: refused`,
    );
  }
  const review = parseReviewDocument(carried.value, 'The review in the file');
  if (review.sessionId !== carried.sessionId) {
    throw new ReviewError(
      'WRONG_SESSION',
      `the review in the file is of session ${review.sessionId}, not ${String(carried.sessionId)}`,
    );
  }
  return review;
}

async function carriedReview(
  bytes: Uint8Array,
): Promise<{ value: unknown; sessionId: unknown } | null> {
  const format = formatOf(bytes);
  if (format === 1) {
    const envelope = await format1Envelope(bytes).catch(() => null);
    if (!envelope || envelope['review'] === undefined) return null;
    return { value: envelope['review'], sessionId: envelope['sessionId'] };
  }
  if (format !== 2) return null;
  // A file whose data cannot be read is refused by the import itself, with its reason.
  let layout;
  try {
    layout = readFormat2Layout(bytes);
  } catch {
    return null;
  }
  const section = layout.sections.find((s) => s.tag === REVIEW_SECTION);
  if (!section) return null;
  const text = (
    await inflateBounded(section.bytes, 'zstd', { limit: MAX_REVIEW_BYTES }).catch(
      (error: unknown) => {
        if (error instanceof TooLargeError) throw reviewTooLarge('The review section unpacks to');
        throw error;
      },
    )
  ).toString('utf8');
  return { value: JSON.parse(text) as unknown, sessionId: layout.header.sessionId };
}
