// Child process for library-crash.test.ts: saves a large session into the library given as
// argv[2] through a deliberately slow disk, so the parent can kill it mid-write.
import * as nodeFs from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import type { LibraryFs } from '../../src/core/io/safe-write';
import { Library } from '../../src/core/library/store';
import { rawOf } from '../fakes/received';
import { dataFor, saveInput, statusFor } from '../unit/library/helpers';

const slowDisk: LibraryFs = {
  ...nodeFs,
  open: async (...args: Parameters<typeof nodeFs.open>) => {
    const handle = await nodeFs.open(...args);
    if (!String(args[0]).endsWith('.tmp')) return handle;
    return new Proxy(handle, {
      get(target, key) {
        if (key === 'write') {
          // 64 KiB at a time, 20 ms apart: a slow disk (the write loop handles short writes).
          return async (buffer: Uint8Array, offset: number, length: number) => {
            await new Promise((r) => setTimeout(r, 20));
            return target.write(buffer, offset, Math.min(length, 65536));
          };
        }
        const value = Reflect.get(target, key) as unknown;
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
      },
    });
  },
};

const input = saveInput('victim', '2026-11-24T12:00:00.000Z');
const data = dataFor('victim');
const block = Object.values(data.accounts)[0]!;
const template = block.transactions![0]!;
// Random narrations and hashes: barely compressible, so the file is a few MiB.
block.transactions = Array.from({ length: 40_000 }, (_, i) => ({
  ...template,
  hash: randomBytes(16).toString('hex'),
  transaction_note: `${i} ${randomBytes(24).toString('base64')}`,
}));
// Not top-level await: tsx runs this file as CommonJS.
void new Library({ dir: process.argv[2]!, appVersion: 'child', fs: slowDisk })
  .save({ ...input, raw: rawOf(statusFor('victim'), data) })
  .then(() => process.stdout.write('saved\n'));
