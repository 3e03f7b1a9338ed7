// A write killed part way (SIGTERM, SIGHUP from a closed terminal) leaves no temporary file
// of customer data beside the output, and one a SIGKILL left is removed by the next write
// of the same name; a live writer's temporary file is never touched.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROCESS_STARTED_S } from '../../src/core/io/temp-files';
import { writeFileSafely } from '../../src/core/io/safe-write';
import { tempDir } from '../unit/library/helpers';
import { BCV, CLEAN_ENV } from './support/bcv';

const isTemp = (name: string) => /^\.out\.xlsx\.\d+-\d+\.[0-9a-f]+\.tmp$/.test(name);

/** Starts a large export and sends `signal` as soon as its temporary file appears. */
async function exportKilledBy(signal: NodeJS.Signals) {
  const dir = await tempDir('bcv-kill-');
  const child = spawn(
    process.execPath,
    [BCV, 'export', 'demo-large-20000', '--sandbox', '-o', 'out.xlsx'],
    { cwd: dir, env: CLEAN_ENV, stdio: 'ignore' },
  );
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  let sawTemp = false;
  for (let i = 0; i < 3000 && child.exitCode === null; i++) {
    if ((await readdir(dir)).some(isTemp)) {
      sawTemp = true;
      child.kill(signal);
      break;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const code = await exited;
  return { dir, code, sawTemp };
}

describe('an interrupted write', () => {
  it.skipIf(!existsSync(BCV))(
    'SIGTERM during bcv export: exit 143, no temporary file left',
    async () => {
      const { dir, code, sawTemp } = await exportKilledBy('SIGTERM');
      expect(sawTemp).toBe(true);
      expect(code).toBe(143);
      expect(await readdir(dir)).toEqual([]);
    },
    120_000,
  );

  it.skipIf(!existsSync(BCV))(
    'SIGHUP (the terminal closed): exit 129, no temporary file left',
    async () => {
      const { dir, code, sawTemp } = await exportKilledBy('SIGHUP');
      expect(sawTemp).toBe(true);
      expect(code).toBe(129);
      expect(await readdir(dir)).toEqual([]);
    },
    120_000,
  );

  it("the next write of a name removes what a killed writer left, never a live writer's", async () => {
    const dir = await tempDir('bcv-stale-');
    // A process that has ended: its id is free, so its temporary file is an orphan.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const deadPid = Number(gone.stdout.toString());
    const orphan = `.out.xlsx.${deadPid}-${PROCESS_STARTED_S - 5}.0123456789ab.tmp`;
    const mine = `.out.xlsx.${process.pid}-${PROCESS_STARTED_S}.abcdef012345.tmp`;
    const otherName = `.other.xlsx.${deadPid}-${PROCESS_STARTED_S - 5}.0123456789ab.tmp`;
    for (const name of [orphan, mine, otherName]) await writeFile(join(dir, name), 'half');
    await writeFileSafely(join(dir, 'out.xlsx'), 'whole');
    expect((await readdir(dir)).sort()).toEqual([mine, otherName, 'out.xlsx'].sort());
  });
});
