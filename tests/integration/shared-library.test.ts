// The app and bcv on one library at once: a process standing for the app (its composition
// root) and several bcv processes save sessions, write notes on the same review and update
// the search catalogue together. Every session, note and catalogue row of both is there
// after, read back independently (bcv's own listing, the review file, SQL on the catalogue).
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { Library } from '../../src/core/library/store';
import { saveInput, tempDir } from '../unit/library/helpers';
import { bcv } from './support/bcv';
import { runTsChild, type ChildRun } from './support/ts-child';

const APP_SAVES = 6;
const CLI_RUNS = 4;

function appSide(dir: string): Promise<ChildRun> {
  return runTsChild(join(__dirname, 'shared-library-app-child.ts'), [dir, String(APP_SAVES)]);
}

async function cliSide(dir: string, i: number): Promise<string[]> {
  const problems: string[] = [];
  const steps = [
    ['fetch', `demo-retail~cli${i}`, '--sandbox', '--save'],
    ['review', 'note', 'shared-case', '--text', `cli note ${i}`, '--reviewer', 'Cli'],
    ['library', 'search', 'salary'],
  ];
  for (const step of steps) {
    const run = await bcv([...step, '--library', dir]);
    if (run.code !== 0) problems.push(`${step.join(' ')}: ${run.code} ${run.stderr}`);
  }
  return problems;
}

describe('one library for the app and bcv at once', () => {
  it('keeps every session, note and catalogue row of both', { timeout: 180_000 }, async () => {
    const dir = join(await tempDir('bcv-shared-'), 'library');
    await new Library({ dir, appVersion: 't' }).save(saveInput('shared-case'));

    const [app, ...cli] = await Promise.all([
      appSide(dir),
      ...Array.from({ length: CLI_RUNS }, (_, i) => cliSide(dir, i)),
    ]);
    expect(app, app.stderr).toMatchObject({ code: 0 });
    expect(cli.flat()).toEqual([]);

    const expected = [
      'shared-case',
      ...Array.from({ length: APP_SAVES }, (_, i) => `app-${i}`),
      ...Array.from({ length: CLI_RUNS }, (_, i) => `demo-retail~cli${i}`),
    ].sort();
    const listed = await bcv(['library', 'list', '--json', '--library', dir]);
    expect(listed.code, listed.stderr).toBe(0);
    const { entries } = JSON.parse(listed.stdout) as { entries: { sessionId: string }[] };
    expect(entries.map((e) => e.sessionId).sort()).toEqual(expected);

    const review = await bcv(['review', 'show', 'shared-case', '--json', '--library', dir]);
    expect(review.code, review.stderr).toBe(0);
    const notes = (JSON.parse(review.stdout) as { notes: { text: string }[] }).notes.map(
      (n) => n.text,
    );
    expect(notes.sort()).toEqual(
      [
        ...Array.from({ length: APP_SAVES }, (_, i) => `app note ${i}`),
        ...Array.from({ length: CLI_RUNS }, (_, i) => `cli note ${i}`),
      ].sort(),
    );

    // One more search brings the catalogue up to date; then SQL, not the app, says what is in it.
    expect((await bcv(['library', 'search', 'salary', '--library', dir])).code).toBe(0);
    const db = new DatabaseSync(join(dir, 'catalogue.sqlite'), { readOnly: true });
    try {
      const rows = db.prepare('SELECT DISTINCT session_id FROM snapshots').all() as {
        session_id: string;
      }[];
      expect(rows.map((r) => r.session_id).sort()).toEqual(expected);
    } finally {
      db.close();
    }
  });
});
