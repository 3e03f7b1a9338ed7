// A review inside a `.bcsession`: the envelope gets a `review` member beside the payload.
// The payload text and its checksum are left byte for byte as they are (the review is
// outside what the checksum covers), and older readers ignore the extra member.
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { parseReviewDocument, type ReviewDocument } from '@shared/review/document';
import { decodeSessionFile, looksGzipped } from '../library/format';
import { inflateBounded } from '../io/size-ceiling';
import { ReviewError } from './errors';

const gzipAsync = promisify(gzip);

async function envelopeOf(bytes: Uint8Array): Promise<Record<string, unknown>> {
  const text = (await inflateBounded(bytes, 'gzip', { what: 'the session file' })).toString('utf8');
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ReviewError('REVIEW_DAMAGED', 'the session file has no envelope to hold a review');
  }
  return value as Record<string, unknown>;
}

/** The session file's bytes with the review inside (checked: a bad file is never passed on). */
export async function withReview(bytes: Uint8Array, review: ReviewDocument): Promise<Buffer> {
  const decoded = await decodeSessionFile(bytes);
  if (decoded.meta.sessionId !== review.sessionId) {
    throw new ReviewError(
      'WRONG_SESSION',
      `the review is of session ${review.sessionId}, not ${decoded.meta.sessionId}`,
    );
  }
  const envelope = await envelopeOf(bytes);
  const out = await gzipAsync(Buffer.from(JSON.stringify({ ...envelope, review }), 'utf8'));
  // The data a reader checks must be what it was: prove it before handing the file out.
  const again = await decodeSessionFile(out);
  if (again.payloadText !== decoded.payloadText || again.meta.sha256 !== decoded.meta.sha256) {
    throw new ReviewError('WRITE_FAILED', 'the session data changed while adding the review');
  }
  return out;
}

/** The review a session file carries, or null; a damaged one is refused with its path. */
export async function reviewIn(bytes: Uint8Array): Promise<ReviewDocument | null> {
  if (!looksGzipped(bytes)) return null;
  const envelope = await envelopeOf(bytes).catch(() => null);
  if (!envelope || envelope['review'] === undefined) return null;
  const review = parseReviewDocument(envelope['review'], 'The review in the file');
  if (review.sessionId !== envelope['sessionId']) {
    throw new ReviewError(
      'WRONG_SESSION',
      `the review in the file is of session ${review.sessionId}, not ${String(envelope['sessionId'])}`,
    );
  }
  return review;
}
