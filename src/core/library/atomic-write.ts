// Crash-safe writes: a temporary file in the same folder, written, fsynced, renamed over
// the final name, then the folder fsynced so the rename itself survives a power cut.
// A crash or a full disk before the rename leaves only a temporary file (named with a
// leading dot and `.tmp`, which the library never lists and cleans up later).
import * as nodeFs from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

/** The file-system calls the library makes: injectable so tests can fail them (ENOSPC). */
export type LibraryFs = Pick<
  typeof nodeFs,
  'open' | 'rename' | 'unlink' | 'mkdir' | 'readdir' | 'stat' | 'readFile' | 'rm'
>;

export const realFs: LibraryFs = nodeFs;

/** Written in chunks so a slow or failing disk is noticed early and progress is possible. */
const CHUNK = 1 << 20;

export const TEMP_PATTERN = /^\..+\.tmp$/;

export function tempNameFor(name: string): string {
  return `.${name}.${randomBytes(6).toString('hex')}.tmp`;
}

export async function writeFileAtomic(
  fs: LibraryFs,
  dir: string,
  name: string,
  bytes: Uint8Array,
): Promise<string> {
  const temp = join(dir, tempNameFor(name));
  const final = join(dir, name);
  let handle: nodeFs.FileHandle | null = null;
  try {
    handle = await fs.open(temp, 'wx', 0o644);
    let offset = 0;
    while (offset < bytes.length) {
      const length = Math.min(CHUNK, bytes.length - offset);
      const { bytesWritten } = await handle.write(bytes, offset, length);
      offset += bytesWritten;
    }
    await handle.sync();
    await handle.close();
    handle = null;
    await fs.rename(temp, final);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDir(fs, dir);
  return final;
}

/** fsync of a folder: not possible everywhere (Windows), where rename is durable enough. */
async function syncDir(fs: LibraryFs, dir: string): Promise<void> {
  let handle: nodeFs.FileHandle | null = null;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // best effort
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
