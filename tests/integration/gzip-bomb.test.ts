// A gzip bomb (a small .bcsession that unpacks to more than any session) is refused at the
// size ceiling, by listing and by import, and each costs about the ceiling in memory, not
// what the file unpacks to. Peak memory is printed as a figure and bounded generously.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_SESSION_BYTES } from '../../src/core/io/size-ceiling';
import { Library } from '../../src/core/library/store';
import { saveInput, tempDir } from '../unit/library/helpers';
import { runTsChild } from './support/ts-child';

/** Gzip members end to end unpack to their outputs end to end: 1 KB stands for 1 MiB. */
function bomb(unpackedMiB: number): Buffer {
  const member = gzipSync(Buffer.alloc(1024 * 1024), { level: 9 });
  return Buffer.concat(Array.from({ length: unpackedMiB }, () => member));
}

async function inChild(
  ...args: string[]
): Promise<{ outcome: Record<string, unknown>; peakRssMB: number }> {
  const { stdout, stderr } = await runTsChild(join(__dirname, 'bomb-child.ts'), args);
  try {
    return JSON.parse(stdout) as { outcome: Record<string, unknown>; peakRssMB: number };
  } catch {
    throw new Error(`child said: ${stdout}\n${stderr}`);
  }
}

describe('gzip bomb', () => {
  it('is refused by list and import at the ceiling, the other sessions still listed', async () => {
    const unpackedMiB = Math.ceil(MAX_SESSION_BYTES / 1048576) + 64;
    const root = await tempDir();
    const dir = join(root, 'library');
    await new Library({ dir, appVersion: 'test' }).save(saveInput('good'));
    const bytes = bomb(unpackedMiB);
    await mkdir(join(dir, 'bomb'), { recursive: true });
    await writeFile(join(dir, 'bomb', '20261101T000000000Z-00000000.bcsession'), bytes);
    await writeFile(join(root, 'bomb.bcsession'), bytes);

    const listed = await inChild('list', dir);
    expect(listed.outcome['entries']).toBe(1);
    const problems = listed.outcome['problems'] as { message: string }[];
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(
      /^bomb\/20261101T000000000Z-00000000\.bcsession: the file unpacks to more than the largest session this app opens \(512 MiB\): refused$/,
    );

    const imported = await inChild(
      'import',
      join(root, 'other-library'),
      join(root, 'bomb.bcsession'),
    );
    expect(imported.outcome).toMatchObject({ code: 'TOO_LARGE' });
    console.log(
      `gzip bomb (${(bytes.length / 1024).toFixed(0)} KB unpacking to ${unpackedMiB} MiB): ` +
        `peak RSS list ${listed.peakRssMB} MB, import ${imported.peakRssMB} MB`,
    );
    // Unbounded, the whole output is held (and then parsed): well over a gigabyte.
    expect(listed.peakRssMB).toBeLessThan(1000);
    expect(imported.peakRssMB).toBeLessThan(1000);
  }, 120_000);
});
