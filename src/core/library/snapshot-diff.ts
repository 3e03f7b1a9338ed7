// Two saved snapshots of one session compared, as `bcv library diff` and the Library
// screen (library:diff) both do: the snapshots as named, else the two latest (older
// first), each opened and normalised, then shared/library/diff.ts.
import { compareSnapshots } from '@shared/library/entries';
import { diffSnapshots, type SnapshotDiff } from '@shared/library/diff';
import { viewOfPayload } from '@shared/model/normalize';
import { LibraryError } from './library-errors';
import type { Library } from './store';

export interface LibraryDiff {
  readonly sessionId: string;
  readonly from: string;
  readonly to: string;
  readonly diff: SnapshotDiff;
}

/** The two snapshots to compare: as given, else the two latest (older first). */
async function pick(
  library: Library,
  sessionId: string,
  from: string | undefined,
  to: string | undefined,
): Promise<[string, string]> {
  const { snapshots } = await library.list();
  const mine = snapshots
    .filter((s) => s.record.sessionId === sessionId)
    .map((s) => s.record)
    .sort(compareSnapshots);
  if (mine.length === 0) {
    throw new LibraryError('NOT_IN_LIBRARY', `Session ${sessionId} is not in the library`);
  }
  const ids = mine.map((r) => r.snapshotId);
  for (const given of [from, to]) {
    if (given !== undefined && !ids.includes(given)) {
      throw new LibraryError(
        'NOT_IN_LIBRARY',
        `Snapshot ${given} of session ${sessionId} is not in the library`,
      );
    }
  }
  const newest = to ?? ids.find((id) => id !== from) ?? ids[0]!;
  const older = from ?? ids.find((id) => id !== newest);
  if (!older) {
    throw new LibraryError(
      'NOT_IN_LIBRARY',
      `Session ${sessionId} has one snapshot only: nothing to compare it with`,
    );
  }
  return [older, newest];
}

export async function diffLibrarySnapshots(
  library: Library,
  sessionId: string,
  options: { readonly from?: string | undefined; readonly to?: string | undefined } = {},
): Promise<LibraryDiff> {
  const [from, to] = await pick(library, sessionId, options.from, options.to);
  const viewOf = async (snapshotId: string) => {
    const opened = await library.open(sessionId, snapshotId);
    return viewOfPayload(opened);
  };
  return { sessionId, from, to, diff: diffSnapshots(await viewOf(from), await viewOf(to)) };
}
