// A .bcsession received from elsewhere is marked imported, with the importing date; the
// profile and host it names are kept only as its claim (its checksum proves no source).
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { formatLocalTime } from '../../../src/shared/format/local-time';
import { snapshotSummary } from '../../../src/shared/library/entries';
import { runLibraryCommand } from '../../../src/cli/commands/library';
import { saveInput, tempLibrary } from './helpers';

describe('import provenance', () => {
  it('marks an imported .bcsession imported, dated, with its source as claimed', async () => {
    const sender = await tempLibrary();
    const sent = await sender.save({
      ...saveInput('s-1'),
      source: {
        kind: 'live',
        profileName: 'Production',
        host: 'apis.bankconnect.finbox.in',
        sandbox: false,
      },
    });
    const importedAt = new Date('2026-12-01T09:30:00.000Z');
    const receiver = await tempLibrary({ clock: () => importedAt });
    const outcome = await receiver.importBytes(
      await readFile(sent.file),
      'from-colleague.bcsession',
      '',
    );
    expect(outcome.record).toMatchObject({
      imported: true,
      savedAt: importedAt.toISOString(),
      fetchedAt: sent.record.fetchedAt,
      profileName: 'Production',
      host: 'apis.bankconnect.finbox.in',
    });
    expect(snapshotSummary(outcome.record)).toMatchObject({
      imported: true,
      importedAt: importedAt.toISOString(),
    });
    let out = '';
    await runLibraryCommand(['show', 's-1', '--library', receiver.dir], {
      stdout: (t) => (out += t),
      stderr: (t) => (out += t),
      env: {},
      cwd: receiver.dir,
      appVersion: 't',
    });
    // When, in the computer's zone the Indian way (formatLocalTime's own tests pin zones).
    expect(out).toContain(
      `imported ${formatLocalTime('2026-12-01T09:30:00.000Z')}, claimed: Production (apis.bankconnect.finbox.in)`,
    );
    expect(out).toMatch(/imported \d{2} Dec 2026, \d{2}:\d{2},/);
  });
});
