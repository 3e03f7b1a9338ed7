// `bcv library search` as a process (the built out/cli/bcv.cjs under this Node, with
// node:sqlite): the catalogue built on first use, matches grouped by session, --json, and
// each bad input in one line with exit status 2. Needs `npm run build`.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Library } from '../../src/core/library/store';
import type { CatalogueSearchResult } from '../../src/shared/catalogue/types';
import { caseInput, SHARING } from '../unit/catalogue/helpers';
import { saveInput, tempDir } from '../unit/library/helpers';
import { BCV, bcv } from './support/bcv';

let dir = '';
beforeAll(async () => {
  if (!existsSync(BCV)) throw new Error('out/cli/bcv.cjs is missing: run `npm run build` first');
  dir = join(await tempDir(), 'library');
  const library = new Library({ dir, appVersion: 'test' });
  await library.save(saveInput('case-a'));
  await library.save(
    caseInput('case-b', { firstAccountNumber: '60124003651', transactions: SHARING }),
  );
});

describe('bcv library search', () => {
  it('builds the catalogue, then finds a counterparty in both cases', async () => {
    const run = await bcv(['library', 'search', 'LEELA', 'SANKAR', '--library', dir]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Catching up the search catalogue: 2 of 2 snapshots read');
    expect(run.stdout).toMatch(/^2 sessions, 2 matching transactions \(of 2 saved sessions\)\n/);
    expect(run.stdout).toMatch(/\ncase-a {2}R K ENTERPRISES, MR\. LEELA SANKAR PRASAD ASURU/);
    expect(run.stdout).toMatch(
      /02 Nov 2023 {2}credit {2}\s+₹2,500\.00 {2}counterparty\s+UPI-LEELA SANKAR PRASAD-9160751095@ybl/,
    );
    // Caught up: the second run reads no snapshot.
    const again = await bcv(['library', 'search', '9160751095@ybl', '--library', dir]);
    expect(again.stderr).toBe('');
    expect(again.stdout).toContain('UPI handle');
  });

  it('--amount in rupees, paise-exact, with a date range, as JSON', async () => {
    const run = await bcv([
      'library',
      'search',
      '--amount',
      '45,000.50',
      '--from',
      '01-11-2023',
      '--to',
      '30-11-2023',
      '--json',
      '--library',
      dir,
    ]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as CatalogueSearchResult;
    expect(result.sessions.map((s) => [s.sessionId, s.hits.map((h) => h.amountPaise)])).toEqual([
      ['case-b', [4_500_050]],
    ]);
  });

  it.each([
    [
      ['--amount', '45k'],
      'bcv library search: The amount "45k" is not an amount in rupees (e.g. 45000 or 45,000.50)\n',
    ],
    [
      ['x', '--from', '2023-11-01'],
      'bcv library search: From date: Enter the date as dd-mm-yyyy, e.g. 23-10-2023\n',
    ],
    [
      ['x', '--from', '02-11-2023', '--to', '01-11-2023'],
      'bcv library search: The from date is after the to date\n',
    ],
    [[], 'bcv library search: Give something to search for: text, an amount or dates\n'],
  ])('bad input %j: one line, exit 2', async (args, line) => {
    const run = await bcv(['library', 'search', ...args, '--library', dir]);
    expect(run).toEqual({ code: 2, stdout: '', stderr: line });
  });
});
