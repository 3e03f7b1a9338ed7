// Export audit rows the team server could not take when the export was made (out of reach,
// the login refused): each kept as one file in the library's `.team-audit-queue` folder,
// written whole by the project's atomic writer, until it is sent on the next sign-in or
// sync. The row joins the hash chain when it is sent (the chain's time is the server's); its
// detail carries when the export happened (`exportedAt`) and the entry's id (`queueId`), by
// which a resend after a crash between the server's commit and the file's removal is
// recognised and not written twice. An entry is sent only by the login that made the export.
// Each try's outcome for an entry that stays (refused, or the server out of reach) is noted
// beside it in `last-try/`, so the held rows can be listed with why (audit-queue-held.ts).
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileSafely } from '../io/safe-write';
import { fileStamp } from '../library/ids';
import { readRegularText } from '../io/regular-file';
import { reportAction } from './audit';
import type { TeamDb } from './connect';
import { TeamError } from './team-errors';
import type { ExportDetail } from './export-audit';

/** A dot folder: the library's listing passes over it. */
export const AUDIT_QUEUE_DIR = '.team-audit-queue';

/** Inside the queue folder: the last try's outcome of each entry still queued. */
export const LAST_TRY_DIR = 'last-try';

const FORMAT = 'bankconnect-viewer/team-audit-queued';
const LAST_TRY_FORMAT = 'bankconnect-viewer/team-audit-last-try';

export const entrySchema = z.object({
  format: z.literal(FORMAT),
  id: z.string().regex(/^[0-9a-f]{32}$/),
  /** The login that made the export: the row's actor, so only it sends the row. */
  login: z.string().min(1),
  /** host:port/database the export was meant for (for the person reading the folder). */
  server: z.string(),
  sessionId: z.string().min(1),
  exportedAt: z.iso.datetime(),
  detail: z.object({
    kind: z.enum(['workbook', 'memo', 'session-file']),
    file: z.string(),
    snapshotId: z.string().nullable().optional(),
    program: z.enum(['app', 'bcv']),
  }),
});

export type QueuedEntry = z.infer<typeof entrySchema>;

export const lastTrySchema = z.object({
  format: z.literal(LAST_TRY_FORMAT),
  at: z.iso.datetime(),
  /** The login that tried (the entry's own: no other sends it). */
  login: z.string(),
  outcome: z.enum(['refused', 'out-of-reach']),
  message: z.string(),
});

export type LastTry = z.infer<typeof lastTrySchema>;

const lastTryPath = (libraryDir: string, entryFile: string) =>
  join(libraryDir, AUDIT_QUEUE_DIR, LAST_TRY_DIR, entryFile);

/** Notes how sending `entryFile` went (best effort: the entry itself is what is kept). */
async function noteLastTry(
  libraryDir: string,
  entryFile: string,
  note: Omit<LastTry, 'format' | 'at'>,
): Promise<void> {
  const record: LastTry = { format: LAST_TRY_FORMAT, at: new Date().toISOString(), ...note };
  try {
    await mkdir(join(libraryDir, AUDIT_QUEUE_DIR, LAST_TRY_DIR), { recursive: true, mode: 0o700 });
    await writeFileSafely(
      lastTryPath(libraryDir, entryFile),
      `${JSON.stringify(record, null, 1)}\n`,
      { mode: 0o600 },
    );
  } catch {
    // The row stays queued either way; only the listing's "why" is missing.
  }
}

/** Removes an entry's last-try note once the entry has left the queue. */
export async function clearLastTry(libraryDir: string, entryFile: string): Promise<void> {
  await rm(lastTryPath(libraryDir, entryFile), { force: true }).catch(() => undefined);
}

/** The note of the last try at sending `entryFile`, or null (never tried, or unreadable). */
export async function readLastTry(libraryDir: string, entryFile: string): Promise<LastTry | null> {
  try {
    return lastTrySchema.parse(
      JSON.parse(await readRegularText(lastTryPath(libraryDir, entryFile))),
    );
  } catch {
    return null;
  }
}

export interface QueuedExport {
  readonly login: string;
  readonly server: string;
  readonly sessionId: string;
  readonly detail: ExportDetail;
  readonly exportedAt: Date;
}

/**
 * Keeps an export's audit row for later (durably: the file is fsynced before this answers).
 * Answers the entry's file name.
 */
export async function queueExportRow(libraryDir: string, row: QueuedExport): Promise<string> {
  const entry: QueuedEntry = {
    format: FORMAT,
    id: randomBytes(16).toString('hex'),
    login: row.login,
    server: row.server,
    sessionId: row.sessionId,
    exportedAt: row.exportedAt.toISOString(),
    detail: { ...row.detail },
  };
  // Named by the export's time first: the queue is sent in the order the exports were made.
  const name = `${fileStamp(entry.exportedAt)}-${entry.id}.json`;
  await mkdir(join(libraryDir, AUDIT_QUEUE_DIR), { recursive: true, mode: 0o700 }).catch(
    () => undefined, // the write names the folder when it is not there
  );
  await writeFileSafely(
    join(libraryDir, AUDIT_QUEUE_DIR, name),
    `${JSON.stringify(entry, null, 1)}\n`,
    { mode: 0o600 },
  );
  return name;
}

/**
 * Records a team case's export with `report` (which connects and writes the row); when the
 * server cannot be asked, keeps the row in the queue instead. Answers null when recorded,
 * else the line saying why the row was queued. Any other failure is thrown.
 */
export async function recordOrQueueExport(
  libraryDir: string,
  row: QueuedExport,
  report: () => Promise<unknown>,
): Promise<string | null> {
  try {
    await report();
    return null;
  } catch (error) {
    if (!outOfReach(error)) throw error;
    const { message } = error as TeamError;
    const name = await queueExportRow(libraryDir, row);
    await noteLastTry(libraryDir, name, { login: row.login, outcome: 'out-of-reach', message });
    return message;
  }
}

/** The queue's files, oldest export first (none when the folder is not there). */
/** Inside the queue folder: the entries set aside, each with who, when and why. */
export const SET_ASIDE_DIR = 'set-aside';

/**
 * The queue's entry files, oldest first. An entry whose kept copy is already in the
 * set-aside folder (the app stopped between writing that copy and removing the entry) is
 * set aside: its removal is finished here, so it is never sent or listed again.
 */
export async function queuedFiles(libraryDir: string): Promise<string[]> {
  const dir = join(libraryDir, AUDIT_QUEUE_DIR);
  const names = await readdir(dir).catch(() => [] as string[]);
  const entries = names.filter((n) => !n.startsWith('.') && n.endsWith('.json')).sort();
  if (entries.length === 0) return entries;
  const kept = await readdir(join(dir, SET_ASIDE_DIR)).catch(() => [] as string[]);
  const queued: string[] = [];
  for (const name of entries) {
    // A kept copy is named by its entry's id, then when it was set aside.
    if (!kept.some((k) => k.startsWith(`${entryFileId(name)}.`))) {
      queued.push(name);
      continue;
    }
    await unlink(join(dir, name)).catch(() => undefined);
    await clearLastTry(libraryDir, name);
  }
  return queued;
}

export async function queuedRowCount(libraryDir: string): Promise<number> {
  return (await queuedFiles(libraryDir)).length;
}

export interface HeldRow {
  /** The id `set-aside` takes (the entry's, or its file's name when it does not read). */
  readonly id: string;
  readonly sessionId: string;
  readonly message: string;
}

export interface QueueOutcome {
  /** Rows appended to the audit trail now. */
  readonly sent: number;
  /** Rows kept for the login that made them (another login is signed in). */
  readonly waiting: number;
  /** Rows the server refused, or entries that do not read; each stays in the queue. */
  readonly failed: readonly HeldRow[];
}

/** The id a queue entry is named by: its own when it reads, else its file's name. */
export const entryFileId = (entryFile: string): string => entryFile.replace(/\.json$/, '');

/**
 * Sends this login's queued rows, oldest first, each in its own transaction, and removes
 * each entry once the server holds its row. A lost connection stops the round (the rest
 * wait for the next); a row the server refuses stays queued and is named.
 */
export async function sendQueuedRows(db: TeamDb, libraryDir: string): Promise<QueueOutcome> {
  let sent = 0;
  let waiting = 0;
  const failed: HeldRow[] = [];
  for (const name of await queuedFiles(libraryDir)) {
    const path = join(libraryDir, AUDIT_QUEUE_DIR, name);
    let entry: QueuedEntry;
    try {
      entry = entrySchema.parse(JSON.parse(await readRegularText(path)));
    } catch {
      failed.push({ id: entryFileId(name), sessionId: name, message: unreadable(path) });
      continue;
    }
    if (entry.login !== db.login) {
      waiting++;
      continue;
    }
    let written: boolean;
    try {
      written = await db.transaction(async (tx) => {
        // The audit trail's own lock (as bcv.audit_write takes it): two desktops sending
        // one library's queue cannot both find the row missing.
        await tx.query("SELECT pg_advisory_xact_lock(hashtext('bcv.audit'))");
        const there = await tx.query(
          `SELECT 1 FROM bcv.audit WHERE session_id = $1 AND action = 'export'
             AND actor = session_user AND detail ->> 'queueId' = $2`,
          [entry.sessionId, entry.id],
        );
        if (there.length > 0) return false;
        await reportAction(tx, 'export', entry.sessionId, {
          ...entry.detail,
          exportedAt: entry.exportedAt,
          queueId: entry.id,
        });
        return true;
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (outOfReach(error)) {
        await noteLastTry(libraryDir, name, { login: db.login, outcome: 'out-of-reach', message });
        throw error;
      }
      await noteLastTry(libraryDir, name, { login: db.login, outcome: 'refused', message });
      failed.push({ id: entry.id, sessionId: entry.sessionId, message });
      continue;
    }
    // The server holds the row: a failure to remove the entry is no refusal (the next
    // round recognises the row by its id and removes the entry then).
    try {
      await unlink(path);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      failed.push({
        id: entry.id,
        sessionId: entry.sessionId,
        message: `Sent to the audit trail, but ${path} could not be removed (${String(code)})`,
      });
      continue;
    }
    await clearLastTry(libraryDir, name);
    if (written) sent++;
  }
  return { sent, waiting, failed };
}

export const unreadable = (path: string): string => `The queued audit row ${path} does not read`;

const OUT_OF_REACH = new Set([
  'TEAM_UNREACHABLE',
  'TEAM_TLS',
  'TEAM_LOGIN',
  'TEAM_NOT_SET_UP',
  'TEAM_SCHEMA_OLD',
  'TEAM_SCHEMA_NEW',
  'TEAM_FAILED',
]);

/**
 * Whether a failure to record a row means the server could not be asked (unreachable, TLS
 * or the login refused, a schema this app cannot use, the connection dropped): the row is
 * queued. A refusal of the row itself (a rule, a privilege) is not: it would be refused again.
 */
export function outOfReach(error: unknown): boolean {
  return error instanceof TeamError && OUT_OF_REACH.has(error.code);
}
