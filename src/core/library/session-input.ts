// A session given as a file to the CLI (`bcv export FILE`): a .bcsession (verified, with
// the review it carries) or raw API JSON, both responses or subscribed_data alone. The
// file is read once.
import { basename } from 'node:path';
import type { ReviewDocument } from '@shared/review/document';
import { readFileBounded } from '../io/size-ceiling';
import { reviewIn } from '../review/bundle';
import { ReviewError } from '../review/review-errors';
import { inFile } from './library-errors';
import {
  decodeSessionFile,
  FILE_EXTENSION,
  formatOf,
  type DecodedSession,
  type SessionPayload,
  type SnapshotMeta,
} from './format';
import { decodeRawJson, type FetchNote, type RawJsonPayload } from './fetch-file';

export { decodeRawJson };

export interface SessionInput extends SessionPayload {
  /** Set for a .bcsession file: when and where it was fetched. */
  readonly meta: SnapshotMeta | null;
  /** The review a .bcsession carries (null: none, or raw JSON). */
  readonly review: ReviewDocument | null;
  /** Set for a `bcv fetch` file: when and where it says it was fetched. */
  readonly fetched: FetchNote | null;
}

/** True when the bytes (or the name) say .bcsession rather than raw JSON. */
export function isSessionFile(bytes: Uint8Array, name: string): boolean {
  return formatOf(bytes) !== null || name.toLowerCase().endsWith(FILE_EXTENSION);
}

/** The review a session file's bytes carry; a damaged one refuses the file, named. */
export async function carriedReview(
  bytes: Uint8Array,
  name: string,
): Promise<ReviewDocument | null> {
  return reviewIn(bytes).catch((error: unknown) => {
    // Too large is said as such; anything else the review cannot be read for is damage.
    const code =
      error instanceof ReviewError && error.code === 'REVIEW_TOO_LARGE'
        ? error.code
        : 'REVIEW_DAMAGED';
    throw new ReviewError(code, `${name}: ${(error as Error).message.split('\n')[0]}`);
  });
}

/** A session given as bytes, decoded: a .bcsession (verified) or raw API JSON. */
export type DecodedInput =
  | { readonly kind: 'session file'; readonly decoded: DecodedSession }
  | { readonly kind: 'raw json'; readonly payload: RawJsonPayload };

/** The one place a file's bytes are told apart and decoded (import and `bcv export`). */
export async function decodeSessionInput(bytes: Uint8Array, name: string): Promise<DecodedInput> {
  return isSessionFile(bytes, name)
    ? { kind: 'session file', decoded: await decodeSessionFile(bytes) }
    : { kind: 'raw json', payload: decodeRawJson(bytes) };
}

export async function readSessionInput(path: string): Promise<SessionInput> {
  const name = basename(path);
  const bytes = await readFileBounded(path, { what: 'the file' }).catch((error: unknown) => {
    throw inFile(name, error);
  });
  const input = await decodeSessionInput(bytes, name).catch((error: unknown) => {
    throw inFile(name, error);
  });
  if (input.kind === 'raw json') return { ...input.payload, meta: null, review: null };
  const { decoded } = input;
  return {
    ...decoded,
    meta: decoded.meta,
    fetched: null,
    review: await carriedReview(bytes, name),
  };
}
