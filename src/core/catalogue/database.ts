// Opening the catalogue's SQLite file (node:sqlite, built into Node 24 and Electron's main:
// no native module). A file that does not open, fails its integrity check or has another
// schema version is deleted and made again empty: it is a cache, rebuilt from the library.
import { DatabaseSync } from 'node:sqlite';
import { rm } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
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

// SQLite's check reads the whole file (about 4 s for 500 cases of 2,000 transactions):
// done on a worker thread, so main's event loop goes on meanwhile.
const QUICK_CHECK = `
const { parentPort, workerData } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');
let ok = false;
try {
  const db = new DatabaseSync(workerData, { readOnly: true });
  const rows = db.prepare('PRAGMA quick_check').all();
  ok = rows.length === 1 && rows[0].quick_check === 'ok';
  db.close();
} catch {}
parentPort.postMessage(ok);
`;

export function quickCheck(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const worker = new Worker(QUICK_CHECK, { eval: true, workerData: path });
    worker.once('message', (ok: unknown) => resolve(ok === true));
    worker.once('error', () => resolve(false));
  });
}

async function check(db: DatabaseSync, path: string): Promise<DiscardReason> {
  const version = (db.prepare('PRAGMA user_version').get() as { user_version: number })
    .user_version;
  if (version !== SCHEMA_VERSION) return 'old-schema';
  return (await quickCheck(path)) ? null : 'damaged';
}

async function removeFiles(path: string): Promise<void> {
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    await rm(`${path}${suffix}`, { force: true });
  }
}

function hasTables(db: DatabaseSync): boolean {
  const row = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as {
    n: number;
  };
  return row.n > 0;
}

/**
 * A new (empty) file gets its schema under SQLite's write lock, and only if no other process
 * (the app and bcv share the library) made it meanwhile: false then, and the file is theirs
 * to fill. Its files are never deleted here: another process may have them open.
 */
function makeSchema(db: DatabaseSync): boolean {
  configure(db);
  db.exec('BEGIN IMMEDIATE');
  try {
    if (hasTables(db)) {
      db.exec('COMMIT');
      return false;
    }
    db.exec(SCHEMA);
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
    db.exec('COMMIT');
    return true;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
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
    if (!hasTables(db) && makeSchema(db)) return { db, fresh: true, discarded };
    discarded = await check(db, path);
    if (discarded === null) {
      configure(db);
      return { db, fresh: false, discarded };
    }
    db.close();
    db = null;
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
