// The library's index: per file, its size and mtime when last read and what it held (or
// why it could not be read). Only a cache: a file whose size or mtime differ is read
// again, a missing or unreadable index is rebuilt from the files, which stay the truth.
import { z } from 'zod';
import type { SnapshotRecord } from '@shared/library/snapshot-record';
import { join } from 'node:path';
import { readFileBounded } from '../io/size-ceiling';
import { writeFileAtomic, type LibraryFs } from '../io/safe-write';

export const INDEX_NAME = 'index.json';
const INDEX_FORMAT = 'bankconnect-viewer/library-index';
const INDEX_VERSION = 1;

export interface IndexedFile {
  readonly size: number;
  readonly mtimeMs: number;
  readonly record?: SnapshotRecord;
  readonly problem?: { readonly code: string; readonly message: string };
}

export type IndexFiles = Record<string, IndexedFile>;

const recordSchema = z.object({
  sessionId: z.string(),
  snapshotId: z.string(),
  fetchedAt: z.string(),
  savedAt: z.string(),
  imported: z.boolean(),
  profileName: z.string().nullable(),
  host: z.string().nullable(),
  sandbox: z.boolean(),
  sha256: z.string(),
  sizeBytes: z.number(),
  formatVersion: z.union([z.literal(1), z.literal(2)]).optional(),
  setAside: z.number().optional(),
  holderNames: z.array(z.string()),
  banks: z.array(z.string()),
  accountNumbers: z.array(z.string()),
  accountCount: z.number(),
  months: z.object({
    first: z.string().nullable(),
    last: z.string().nullable(),
    count: z.number(),
  }),
});
const indexSchema = z.object({
  format: z.literal(INDEX_FORMAT),
  version: z.literal(INDEX_VERSION),
  files: z.record(
    z.string(),
    z.object({
      size: z.number(),
      mtimeMs: z.number(),
      record: recordSchema.optional(),
      problem: z.object({ code: z.string(), message: z.string() }).optional(),
    }),
  ),
});

export async function readIndex(fs: LibraryFs, dir: string): Promise<IndexFiles> {
  try {
    const parsed = indexSchema.safeParse(
      JSON.parse((await readFileBounded(join(dir, INDEX_NAME), { fs })).toString('utf8')),
    );
    return parsed.success ? parsed.data.files : {};
  } catch {
    return {};
  }
}

export async function writeIndex(fs: LibraryFs, dir: string, files: IndexFiles): Promise<void> {
  const text = JSON.stringify({ format: INDEX_FORMAT, version: INDEX_VERSION, files });
  // Not fsynced: a cache, rebuilt from the files when a crash leaves it missing or torn.
  await writeFileAtomic(fs, dir, INDEX_NAME, Buffer.from(text, 'utf8'), 0o644, false);
}
