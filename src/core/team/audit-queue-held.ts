// The export audit rows held in a library's queue, listed with why each is there, and the
// way out for one the team server refuses (it would be refused at every sync): set aside
// by the login that made it, with a reason the person typed. Setting aside moves the entry
// out of the send queue into `.team-audit-queue/set-aside/`, written whole by the atomic
// writer with the entry's original bytes, who set it aside, when, why, and the server's
// refusal; the app never deletes what is kept there. A row waiting only because the server
// was out of reach is never set aside: it is sent at the next sign-in or sync.
import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { TeamQueuedRow, TeamQueuedRowState, TeamSetAside } from '@shared/team/types';
import { readRegularFile } from '../io/regular-file';
import { writeFileSafely } from '../io/safe-write';
import { fileStamp } from '../library/ids';
import {
  AUDIT_QUEUE_DIR,
  clearLastTry,
  entryFileId,
  entrySchema,
  queuedFiles,
  readLastTry,
  SET_ASIDE_DIR,
  unreadable,
} from './audit-queue';
import { TeamError } from './team-errors';

const SET_ASIDE_FORMAT = 'bankconnect-viewer/team-audit-set-aside';

/** The shortest part of an id `set-aside` takes (the id's start, when only one has it). */
const MIN_ID_PREFIX = 8;

const REASON_MAX = 2_000;

interface Listed {
  readonly row: TeamQueuedRow;
  /** The entry's original bytes. */
  readonly bytes: Buffer;
  /** The login the entry names even when it does not read whole (null: none can be read). */
  readonly namedLogin: string | null;
}

async function listEntries(libraryDir: string): Promise<Listed[]> {
  const listed: Listed[] = [];
  for (const name of await queuedFiles(libraryDir)) {
    const path = join(libraryDir, AUDIT_QUEUE_DIR, name);
    let bytes: Buffer;
    try {
      bytes = await readRegularFile(path);
    } catch {
      continue; // gone meanwhile (sent by another desktop): not held
    }
    let json: unknown = null;
    try {
      json = JSON.parse(bytes.toString('utf8'));
    } catch {
      // does not read: listed as such below
    }
    const parsed = entrySchema.safeParse(json);
    const loose = (json ?? {}) as { login?: unknown };
    const namedLogin = typeof loose.login === 'string' && loose.login ? loose.login : null;
    if (!parsed.success) {
      listed.push({
        bytes,
        namedLogin,
        row: {
          id: entryFileId(name),
          entryFile: name,
          login: namedLogin,
          server: null,
          sessionId: null,
          kind: null,
          file: null,
          program: null,
          exportedAt: null,
          state: { kind: 'unreadable', message: unreadable(path) },
        },
      });
      continue;
    }
    const entry = parsed.data;
    const last = await readLastTry(libraryDir, name);
    const state: TeamQueuedRowState =
      last === null
        ? { kind: 'not-tried' }
        : last.outcome === 'refused'
          ? { kind: 'refused', at: last.at, triedBy: last.login, message: last.message }
          : { kind: 'out-of-reach', at: last.at, message: last.message };
    listed.push({
      bytes,
      namedLogin,
      row: {
        id: entry.id,
        entryFile: name,
        login: entry.login,
        server: entry.server,
        sessionId: entry.sessionId,
        kind: entry.detail.kind,
        file: entry.detail.file,
        program: entry.detail.program,
        exportedAt: entry.exportedAt,
        state,
      },
    });
  }
  return listed;
}

/** Every row in the library's queue, oldest export first, with where each stands. */
export async function listQueuedRows(libraryDir: string): Promise<TeamQueuedRow[]> {
  return (await listEntries(libraryDir)).map((l) => l.row);
}

/** Whether a row may be set aside: the server refused it, or its entry does not read. */
export const mayBeSetAside = (row: TeamQueuedRow): boolean =>
  row.state.kind === 'refused' || row.state.kind === 'unreadable';

export interface SetAsideRequest {
  /** The row's id (or the start of it, at least 8 characters, that only it has). */
  readonly id: string;
  /** The login asking, signed in to the team server (only the row's own may). */
  readonly login: string;
  readonly reason: string;
}

/** Checks a reason typed to set a row aside; answers it trimmed. */
export function setAsideReason(reason: string): string {
  const trimmed = reason.trim();
  if (!trimmed) {
    throw new TeamError(
      'TEAM_REFUSED',
      'Give the reason the row is set aside (it is kept with it)',
    );
  }
  if (trimmed.length > REASON_MAX) {
    throw new TeamError('TEAM_REFUSED', `The reason is longer than ${REASON_MAX} characters`);
  }
  return trimmed;
}

function findRow(listed: readonly Listed[], id: string): Listed {
  const wanted = id.trim();
  const exact = listed.find((l) => l.row.id === wanted);
  if (exact) return exact;
  const byPrefix =
    wanted.length >= MIN_ID_PREFIX ? listed.filter((l) => l.row.id.startsWith(wanted)) : [];
  if (byPrefix.length === 1) return byPrefix[0]!;
  if (byPrefix.length > 1) {
    throw new TeamError(
      'TEAM_NOT_FOUND',
      `${byPrefix.length} queued audit rows have ids starting "${wanted}": give more of the id`,
    );
  }
  throw new TeamError(
    'TEAM_NOT_FOUND',
    `No queued audit row has the id "${wanted}" (listing the queue shows each row's id)`,
  );
}

/** The kept file's name: the entry's, then when it was set aside (never one kept before). */
const keptName = (entryFile: string, at: string) =>
  `${entryFileId(entryFile)}.${fileStamp(at)}.json`;

/**
 * Moves a held row out of the send queue into the kept folder, with who set it aside, when
 * and why. Refused in one line: an id no row has, a row another login made, a row waiting
 * only for the server to be in reach, an empty reason. The kept file is written (fsynced)
 * before the entry leaves the queue: a crash between leaves it in both, never in neither.
 */
export async function setAsideRow(
  libraryDir: string,
  request: SetAsideRequest,
): Promise<TeamSetAside> {
  const reason = setAsideReason(request.reason);
  const { row, bytes, namedLogin } = findRow(await listEntries(libraryDir), request.id);
  if (namedLogin !== null && namedLogin !== request.login) {
    throw new TeamError(
      'TEAM_REFUSED',
      `The queued audit row ${row.id} is ${namedLogin}'s: only ${namedLogin} may set it aside`,
    );
  }
  if (!mayBeSetAside(row)) {
    throw new TeamError(
      'TEAM_CONFLICT',
      row.state.kind === 'out-of-reach'
        ? `The queued audit row ${row.id} was not refused: the team server was out of reach at the last try (${row.state.message}); it is sent at the next sign-in or sync`
        : `The queued audit row ${row.id} was not refused: it has not been tried yet and is sent at the next sign-in or sync`,
    );
  }
  const at = new Date().toISOString();
  const keptDir = join(libraryDir, AUDIT_QUEUE_DIR, SET_ASIDE_DIR);
  const keptFile = join(keptDir, keptName(row.entryFile, at));
  const record = {
    format: SET_ASIDE_FORMAT,
    id: row.id,
    setAsideBy: request.login,
    setAsideAt: at,
    reason,
    /** Why it was held: the server's refusal at the last try, or the entry not reading. */
    held: row.state,
    entryFile: row.entryFile,
    /** The queued entry's bytes, exactly (base64: they may not even be text). */
    entryBase64: bytes.toString('base64'),
    ...(row.state.kind === 'unreadable' ? {} : { entry: JSON.parse(bytes.toString('utf8')) }),
  };
  await mkdir(keptDir, { recursive: true, mode: 0o700 }).catch(() => undefined);
  await writeFileSafely(keptFile, `${JSON.stringify(record, null, 1)}\n`, { mode: 0o600 });
  await unlink(join(libraryDir, AUDIT_QUEUE_DIR, row.entryFile));
  await clearLastTry(libraryDir, row.entryFile);
  return { id: row.id, keptFile, by: request.login, at, reason };
}

/** The entries set aside in this library (their kept files' names, oldest first). */
export async function setAsideFiles(libraryDir: string): Promise<string[]> {
  const names = await readdir(join(libraryDir, AUDIT_QUEUE_DIR, SET_ASIDE_DIR)).catch(
    () => [] as string[],
  );
  return names.filter((n) => n.endsWith('.json')).sort();
}
