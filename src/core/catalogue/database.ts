// Opening the catalogue's SQLite file (node:sqlite, built into Node 24 and Electron's main:
// no native module). A file that does not open, fails its integrity check or has another
// schema version is deleted and made again empty: it is a cache, rebuilt from the library.
import { DatabaseSync } from 'node:sqlite';
import { rm } from 'node:fs/promises';
import { SCHEMA, SCHEMA_VERSION } from './schema';

export type OpenDatabase = (path: string) => DatabaseSync;

export const openSqlite: OpenDatabase = (path) => new DatabaseSync(path, { timeout: 5000 });

/** Why an existing file was thrown away (null: it was fine, or there was none). */
export type DiscardReason = 'damaged' | 'old-schema' | null;

export interface OpenedCatalogue {
  readonly db: DatabaseSync;
  /** True when the file was made now: every snapshot must be read into it. */
  readonly fresh: boolean;
  readonly discarded: DiscardReason;
}

function configure(db: DatabaseSync): void {
  // WAL: the CLI can read while the app writes. NORMAL: a crash may lose the last
  // transactions, never the file's consistency; the library fills them in again.
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;');
}

function check(db: DatabaseSync): DiscardReason {
  const version = (db.prepare('PRAGMA user_version').get() as { user_version: number })
    .user_version;
  if (version !== SCHEMA_VERSION) return 'old-schema';
  const rows = db.prepare('PRAGMA quick_check').all() as { quick_check: string }[];
  return rows.length === 1 && rows[0]!.quick_check === 'ok' ? null : 'damaged';
}

async function removeFiles(path: string): Promise<void> {
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    await rm(`${path}${suffix}`, { force: true });
  }
}

function create(open: OpenDatabase, path: string): DatabaseSync {
  const db = open(path);
  configure(db);
  db.exec('BEGIN');
  db.exec(SCHEMA);
  db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
  db.exec('COMMIT');
  return db;
}

export async function openCatalogueFile(
  path: string,
  open: OpenDatabase = openSqlite,
): Promise<OpenedCatalogue> {
  let discarded: DiscardReason = null;
  let db: DatabaseSync | null = null;
  try {
    db = open(path);
    const empty =
      (
        db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as {
          n: number;
        }
      ).n === 0;
    if (empty) {
      db.close();
      db = null;
    } else {
      discarded = check(db);
      if (discarded === null) {
        configure(db);
        return { db, fresh: false, discarded };
      }
      db.close();
      db = null;
    }
  } catch {
    // Not a database, torn, unreadable: made again below.
    try {
      db?.close();
    } catch {
      /* already unusable */
    }
    discarded = 'damaged';
  }
  await removeFiles(path);
  return { db: create(open, path), fresh: true, discarded };
}
