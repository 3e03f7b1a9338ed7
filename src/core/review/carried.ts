// The review a session file carries, read from its path for `bcv export FILE.bcsession`:
// through the bundle's own reader (reviewIn), so it follows the file format wherever the
// review sits in it. Raw API JSON carries none; a damaged review refuses the file.
import { basename } from 'node:path';
import type { ReviewDocument } from '@shared/review/document';
import { readFileBounded } from '../io/size-ceiling';
import { isSessionFile } from '../library/session-input';
import { reviewIn } from './bundle';
import { ReviewError } from './errors';

export async function carriedReview(path: string): Promise<ReviewDocument | null> {
  const name = basename(path);
  const bytes = await readFileBounded(path, { what: 'the file' });
  if (!isSessionFile(bytes, name)) return null;
  return reviewIn(bytes).catch((error: unknown) => {
    throw new ReviewError('REVIEW_DAMAGED', `${name}: ${(error as Error).message.split('\n')[0]}`);
  });
}
