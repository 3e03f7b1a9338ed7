// The held export audit rows of a library's queue, on disk only (no server: the refusals and
// the sending are tested on a real one in tests/integration/team-audit-queue-cli.test.ts):
// a damaged entry is listed and set aside with its bytes kept exactly; who may set one
// aside; ids by their start; a row never tried is not offered; a second setting aside of
// an entry a crash left in the queue after its kept copy was written is set aside, once.
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { AUDIT_QUEUE_DIR, queueExportRow, SET_ASIDE_DIR } from '../../../src/core/team/audit-queue';
import { listQueuedRows, setAsideRow } from '../../../src/core/team/audit-queue-held';

let dir = '';
const queueDir = () => join(dir, AUDIT_QUEUE_DIR);
const entries = async () => (await readdir(queueDir())).filter((n) => n.endsWith('.json'));
const kept = async () => readdir(join(queueDir(), SET_ASIDE_DIR)).catch(() => [] as string[]);

const queueRow = (login: string) =>
  queueExportRow(dir, {
    login,
    server: '127.0.0.1:5432/bcv_team',
    sessionId: 'case-a',
    detail: { kind: 'memo', file: 'case-a-credit-memo.pdf', snapshotId: null, program: 'bcv' },
    exportedAt: new Date('2026-12-01T04:30:00Z'),
  });

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bcv-held-'));
});

describe('held export audit rows', () => {
  it('a damaged entry naming no login: listed as damaged, set aside by the login signed in, its bytes kept exactly', async () => {
    await queueRow('alice');
    // Cut short: no field reads, not even its login.
    const bytes = Buffer.from([0x7b, 0x22, 0x66, 0x6f, 0xff, 0xfe]);
    await writeFile(join(queueDir(), 'zz-damaged.json'), bytes);
    const rows = await listQueuedRows(dir);
    expect(rows.map((r) => [r.id, r.login, r.state.kind])).toEqual([
      [expect.stringMatching(/^[0-9a-f]{32}$/), 'alice', 'not-tried'],
      ['zz-damaged', null, 'unreadable'],
    ]);
    const aside = await setAsideRow(dir, {
      id: 'zz-damaged',
      login: 'bob',
      reason: '  cut short by a full disk  ',
    });
    expect(aside).toMatchObject({
      id: 'zz-damaged',
      by: 'bob',
      reason: 'cut short by a full disk',
    });
    const record = JSON.parse(await readFile(aside.keptFile, 'utf8'));
    expect(record).toMatchObject({
      format: 'bankconnect-viewer/team-audit-set-aside',
      setAsideBy: 'bob',
      reason: 'cut short by a full disk',
      entryFile: 'zz-damaged.json',
      held: { kind: 'unreadable' },
    });
    expect(record).not.toHaveProperty('entry');
    expect(Buffer.from(record.entryBase64, 'base64').equals(bytes)).toBe(true);
    expect(await entries()).toHaveLength(1);
  });

  it('a damaged entry that names its login: only that login sets it aside', async () => {
    await queueRow('alice'); // makes the folder
    await writeFile(join(queueDir(), 'b-broken.json'), '{"login":"alice","format":"other"}');
    await expect(
      setAsideRow(dir, { id: 'b-broken', login: 'bob', reason: 'x' }),
    ).rejects.toMatchObject({
      code: 'TEAM_REFUSED',
      message: "The queued audit row b-broken is alice's: only alice may set it aside",
    });
    await setAsideRow(dir, { id: 'b-broken', login: 'alice', reason: 'x' });
    expect(await kept()).toHaveLength(1);
  });

  it('a row never tried is not offered; a blank reason, a short or unknown id are refused; the start of an id finds its row', async () => {
    const name = await queueRow('alice');
    const [row] = await listQueuedRows(dir);
    expect(name).toContain(row!.id);
    await expect(
      setAsideRow(dir, { id: row!.id, login: 'alice', reason: 'x' }),
    ).rejects.toMatchObject({
      code: 'TEAM_CONFLICT',
      message: `The queued audit row ${row!.id} was not refused: it has not been tried yet and is sent at the next sign-in or sync`,
    });
    await expect(
      setAsideRow(dir, { id: row!.id, login: 'alice', reason: ' \n ' }),
    ).rejects.toMatchObject({
      message: 'Give the reason the row is set aside (it is kept with it)',
    });
    // Seven characters are too few to name a row by its start.
    await expect(
      setAsideRow(dir, { id: row!.id.slice(0, 7), login: 'alice', reason: 'x' }),
    ).rejects.toMatchObject({ code: 'TEAM_NOT_FOUND' });
    // Eight find it (and then it is refused for what it is, not for its id).
    await expect(
      setAsideRow(dir, { id: row!.id.slice(0, 8), login: 'alice', reason: 'x' }),
    ).rejects.toMatchObject({ code: 'TEAM_CONFLICT' });
    expect(await kept()).toEqual([]);
  });

  it('an entry a crash left in the queue after its kept copy was written is set aside: not listed, not sent, its record kept once', async () => {
    await queueRow('alice');
    await writeFile(join(queueDir(), 'broken.json'), 'not json');
    const bytes = await readFile(join(queueDir(), 'broken.json'));
    await setAsideRow(dir, { id: 'broken', login: 'alice', reason: 'first' });
    // The app stopped after the kept copy was written and before the entry was removed.
    await writeFile(join(queueDir(), 'broken.json'), bytes);
    expect((await listQueuedRows(dir)).map((r) => r.id)).not.toContain('broken');
    // The removal is finished: the queue the sender reads no longer holds it.
    expect(await entries()).not.toContain('broken.json');
    expect(await entries()).toHaveLength(1);
    await expect(
      setAsideRow(dir, { id: 'broken', login: 'alice', reason: 'second' }),
    ).rejects.toThrow(/No queued audit row has the id "broken"/);
    const reasons = await Promise.all(
      (await kept()).map(
        async (n) => JSON.parse(await readFile(join(queueDir(), SET_ASIDE_DIR, n), 'utf8')).reason,
      ),
    );
    expect(reasons).toEqual(['first']);
  });
});
