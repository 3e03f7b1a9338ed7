// The memo's source line: a live fetch says where from and when; a saved snapshot is named
// by its file; an imported file says when it was imported and that its fetch time is the
// file's own claim, never "fetched" as if this app had fetched it.
import { describe, expect, it } from 'vitest';
import type { LoadedSession } from '../../../src/shared/ipc/contract';
import { memoSourceLine } from '../../../src/renderer/src/report/summary/memo/memo-source';

const WHEN = String.raw`\d\d [A-Z][a-z]{2} 2024, \d\d:\d\d`;

function loaded(source: LoadedSession['source']): LoadedSession {
  return {
    handle: 'h1',
    sessionId: 's1',
    fetchedAt: '2024-03-10T06:30:00Z',
    source,
    view: {} as LoadedSession['view'],
  };
}

describe('memoSourceLine', () => {
  it('says a live fetch is live, from which profile and host, and when', () => {
    const line = memoSourceLine(
      loaded({
        kind: 'live',
        profileId: 'p1',
        profileName: 'Production',
        host: 'portal.finbox.in',
        sandbox: false,
      }),
    );
    expect(line).toMatch(
      new RegExp(`^Fetched live from Production \\(portal\\.finbox\\.in\\) on ${WHEN}$`),
    );
  });

  it('names an imported file, when it was imported, and what the file claims', () => {
    const line = memoSourceLine(
      loaded({
        kind: 'saved',
        snapshotId: 'x',
        file: '/home/u/cases/acme.bcsession',
        sandbox: false,
        imported: true,
        importedAt: '2024-03-12T09:00:00Z',
        profileName: 'Production',
        host: 'portal.finbox.in',
      }),
    );
    expect(line).toMatch(
      new RegExp(
        `^Imported file acme\\.bcsession on ${WHEN}; the file says it was fetched from Production \\(portal\\.finbox\\.in\\) on ${WHEN}$`,
      ),
    );
  });

  it('names a saved snapshot by its file, and sandbox data as demo data', () => {
    const line = memoSourceLine(
      loaded({
        kind: 'saved',
        snapshotId: 'x',
        file: 'C:\\cases\\demo.bcsession',
        sandbox: true,
        imported: false,
        importedAt: null,
        profileName: null,
        host: null,
      }),
    );
    expect(line).toMatch(
      new RegExp(
        `^Saved file demo\\.bcsession, fetched from Sandbox on ${WHEN} \\(sandbox demo data, not a real bank statement\\)$`,
      ),
    );
  });
});
