// `bcv library list|show|import|export|delete [--library DIR]`: the saved-session library
// from a terminal. The CLI deletes for real (no OS trash outside the app); the folder
// defaults to the per-user data folder (see src/core/library/paths.ts).
import { plural } from '@shared/format/value';
import { setAsideLine } from '@shared/model/unreadable';
import { JSON_FLAG, LIBRARY_FLAG, SNAPSHOT_FLAG } from '../shared-flags';
import { POLICY_OPTION, policyOption } from '../policy-option';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, resolve } from 'node:path';
import { formatLocalTime } from '@shared/format/local-time';
import type { LibraryEntry } from '@shared/ipc/contract';
import { formatMonths, formatSize } from '@shared/library/search';
import { shown } from '../terminal-safe';
import type { Provenance } from '@shared/session/provenance';
import { CoreError } from '../../core/core-error';
import { defaultLibraryDir, formerCliLibraryDir, LIBRARY_ENV } from '../../core/library/paths';
import type { Library, ListedSnapshot } from '../../core/library/store';
import type { SessionReviews } from '../../core/review/session-reviews';
import { libraryServices, type LibraryServices } from '../../core/services';
import type { CliIo } from '../io';
import type { RawResponses } from '../../core/session/received';
import { diffCommand } from './library-diff';
import { searchCommand } from './library-search';
import { upgradeCommand } from './library-upgrade';
import { duplicateKeyItems } from '@shared/json/duplicate-items';
import { unreadableLine } from './unreadable';
import { failureOf } from '../exit';
import { recordTeamExport, TEAM_EXPORT_FLAG } from './team-export';
import { parseSubcommand, UsageError, type GroupSpec } from '../usage';
import { AMOUNT_FLAG } from '../amount-flag';

export const LIBRARY_SPEC = {
  name: 'library',
  summary:
    'The saved-session library the app shows: list, show, import, export, delete, compare and search saved sessions.',
  flags: {
    ...LIBRARY_FLAG,
    ...JSON_FLAG,
    ...SNAPSHOT_FLAG,
    out: { type: 'string', short: 'o', arg: 'FILE', help: 'the file to write' },
    all: { type: 'boolean', help: 'every session' },
    from: {
      type: 'string',
      arg: 'X',
      help: 'from this snapshot (diff) or date dd-mm-yyyy (search)',
    },
    to: { type: 'string', arg: 'X', help: 'to this snapshot (diff) or date dd-mm-yyyy (search)' },
    ...AMOUNT_FLAG,
    ...POLICY_OPTION,
    ...TEAM_EXPORT_FLAG,
  },
  subcommands: [
    { name: 'list', args: '', summary: 'every saved session', flags: ['json', 'library'] },
    {
      name: 'show',
      args: '<session-id>',
      summary: "a session's snapshots",
      flags: ['json', 'library'],
    },
    {
      name: 'import',
      args: '<file...>',
      summary: '.bcsession files, or API JSON as bcv fetch writes it',
      flags: ['library'],
    },
    {
      name: 'export',
      args: '<session-id>',
      summary: 'the session file (-o F.bcsession) or its workbook (-o F.xlsx), with the review',
      flags: ['out', 'snapshot', 'library', 'policy', 'team'],
    },
    {
      name: 'delete',
      args: '<session-id>',
      summary: 'a session, or one snapshot of it (for good: there is no trash)',
      flags: ['snapshot', 'library'],
    },
    {
      name: 'diff',
      args: '<session-id>',
      summary: 'what changed between two snapshots (default: the two latest)',
      flags: ['from', 'to', 'json', 'library'],
    },
    {
      name: 'upgrade',
      args: '<session-id> | --all',
      summary: 'rewrite format-1 snapshots as format 2, in place',
      flags: ['all', 'library'],
    },
    {
      name: 'search',
      args: '[text]',
      summary:
        'every saved case: a counterparty, UPI handle, account number, IFSC, or words of the narration, ref, channel, category or description',
      flags: ['amount', 'from', 'to', 'json', 'library'],
    },
  ],
} as const satisfies GroupSpec;

/** `--library DIR`, else BCV_LIBRARY, else the library the app uses. */
export function libraryDirOf(io: Pick<CliIo, 'env' | 'cwd'>, given: string | undefined): string {
  return given
    ? resolve(io.cwd, given)
    : defaultLibraryDir(io.env, homedir(), process.platform, io.cwd);
}

/** Where an earlier bcv kept its library, when that is not this one and is still there. */
function formerLibrary(io: CliIo, given: string | undefined, dir: string): string | null {
  if (given || io.env[LIBRARY_ENV]) return null;
  const former = formerCliLibraryDir(io.env, homedir(), process.platform);
  return former !== dir && existsSync(former) ? former : null;
}

/**
 * The library `--library` names (default: the one the app uses); close it after. A command
 * that only reads never makes one: a missing folder is NO_LIBRARY. One that saves makes it
 * and says so.
 */
export function openLibrary(
  io: CliIo,
  given: string | undefined,
  intent: 'read' | 'save' = 'read',
): LibraryServices {
  const dir = libraryDirOf(io, given);
  if (!existsSync(dir)) {
    const former = formerLibrary(io, given, dir);
    const hint = former
      ? ` (an earlier bcv kept its library at ${former}: move it to ${dir}, or give --library ${former})`
      : '';
    if (intent === 'read') {
      throw new CoreError(
        'NO_LIBRARY',
        `no library at ${dir}${hint || ': save a session first (bcv fetch ID --save), or choose one with --library DIR or BCV_LIBRARY'}`,
      );
    }
    // Said once something is in it (a save that failed may have made no folder at all).
    const services = libraryServices({ dir, appVersion: io.appVersion });
    return {
      ...services,
      close: async () => {
        await services.close();
        if (existsSync(dir)) io.stderr(`Made a new library at ${dir}${hint}\n`);
      },
    };
  }
  return libraryServices({ dir, appVersion: io.appVersion });
}

/** Runs `bcv library ...` (argv after "library"); answers the exit code. */
export async function runLibraryCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { subcommand: action, values, positionals: rest } = parseSubcommand(argv, LIBRARY_SPEC);
  // Usage first: a command given wrongly says so before any library is looked for.
  if (['show', 'export', 'diff', 'delete'].includes(action)) one(rest, 'a session id');
  if (action === 'import' && rest.length === 0)
    throw new UsageError('import: give one or more files (bcv library import --help)');
  if (action === 'export' && !values.out)
    throw new UsageError('export: give the file to write with -o FILE (bcv library export --help)');
  const saved = openLibrary(io, values.library, action === 'import' ? 'save' : 'read');
  const { library, reviews, workbooks } = saved;
  /** A team case's export recorded in the team's audit trail (with a team configured). */
  const teamExported = async (
    sessionId: string,
    kind: 'workbook' | 'session-file',
    path: string,
  ): Promise<number> => {
    const line = await recordTeamExport(io, values.team, library.dir, sessionId, {
      kind,
      file: basename(path),
      snapshotId: values.snapshot ?? null,
    });
    if (line) io.stdout(line);
    return 0;
  };
  try {
    switch (action) {
      case 'list':
        return await list(library, io, values.json === true);
      case 'show':
        return await show(library, io, one(rest, 'a session id'), values.json === true);
      case 'import':
        return await importFiles(reviews, io, rest);
      case 'export': {
        const sessionId = one(rest, 'a session id');
        const destination = resolve(io.cwd, values.out!);
        if (/\.xlsx$/i.test(destination)) {
          // The workbook of the snapshot, with the session's review (Review sheet, flags).
          const policy = await policyOption(values.policy, io.cwd);
          const result = await workbooks.ofSnapshot(sessionId, values.snapshot, {
            destination,
            policy,
          });
          io.stdout(
            `Wrote ${result.path}: ${result.sheets.length} sheets; policy: ${policy.name}\n`,
          );
          return await teamExported(sessionId, 'workbook', result.path);
        }
        const path = await reviews.exportSessionFile(sessionId, values.snapshot, destination);
        io.stdout(`Exported to ${path}\n`);
        return await teamExported(sessionId, 'session-file', path);
      }
      case 'diff':
        return await diffCommand(library, io, one(rest, 'a session id'), {
          from: values.from,
          to: values.to,
          json: values.json === true,
        });
      case 'search':
        return await searchCommand(saved.catalogue, io, rest, {
          amount: values.amount,
          from: values.from,
          to: values.to,
          json: values.json === true,
        });
      case 'upgrade':
        return await upgradeCommand(library, io, rest, values.all === true);
      case 'delete': {
        const deleted = await library.delete(one(rest, 'a session id'), values.snapshot);
        io.stdout(`Deleted ${plural(deleted, 'snapshot')}\n`);
        return 0;
      }
      default:
        throw new UsageError(`bcv library has no command "${action}"`);
    }
  } finally {
    await saved.close();
  }
}

function one(rest: readonly string[], what: string): string {
  if (rest.length !== 1) throw new UsageError(`give exactly ${what} (bcv library --help)`);
  return rest[0]!;
}

/** `Oct 2023 to Apr 2024 (7 months)`, as the app's Library says it. */
function monthsOf(entry: LibraryEntry): string {
  return entry.months.first ? formatMonths(entry.months) : '-';
}

function row(entry: LibraryEntry): string[] {
  return [
    entry.sessionId,
    entry.holderNames.join(', ') || '-',
    entry.banks.join(', ') || '-',
    String(entry.accountCount),
    monthsOf(entry),
    formatLocalTime(entry.latestFetchedAt),
    String(entry.snapshotCount),
    formatSize(entry.sizeBytes),
  ].map(shown);
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

async function list(library: Library, io: CliIo, json: boolean): Promise<number> {
  const { entries, problems, folder } = await library.list();
  if (json) {
    io.stdout(`${JSON.stringify({ folder, entries, problems }, null, 2)}\n`);
  } else if (entries.length === 0) {
    io.stdout(`No saved sessions in ${folder}\n`);
  } else {
    const header = [
      'SESSION',
      'HOLDERS',
      'BANKS',
      'ACCOUNTS',
      'MONTHS',
      'FETCHED',
      'SNAPSHOTS',
      'SIZE',
    ];
    io.stdout(table(header, entries.map(row)));
  }
  for (const problem of problems) io.stderr(`problem: ${problem.message}\n`);
  return 0;
}

async function show(library: Library, io: CliIo, sessionId: string, json: boolean) {
  const { entries } = await library.list();
  const entry = entries.find((e) => e.sessionId === sessionId);
  if (!entry) await library.locate(sessionId); // throws: not in the library
  if (json) {
    io.stdout(`${JSON.stringify(entry, null, 2)}\n`);
    return 0;
  }
  const e = entry!;
  io.stdout(
    [
      `Session    ${shown(e.sessionId)}`,
      `Holders    ${shown(e.holderNames.join(', ') || '-')}`,
      `Banks      ${shown(e.banks.join(', ') || '-')}`,
      `Accounts   ${e.accountCount} (${shown(e.accountNumbers.join(', ') || 'no numbers')})`,
      `Months     ${shown(monthsOf(e))}`,
      `Snapshots  ${e.snapshotCount}, ${formatSize(e.sizeBytes)}`,
      '',
    ].join('\n'),
  );
  io.stdout(
    table(
      ['SNAPSHOT', 'FETCHED', 'SOURCE', 'SIZE'],
      e.snapshots.map((s) =>
        [
          s.snapshotId,
          formatLocalTime(s.fetchedAt),
          s.imported
            ? `imported ${s.importedAt ? formatLocalTime(s.importedAt) : ''}${s.profileName || s.host ? `, claimed: ${s.profileName ?? '?'} (${s.host ?? '?'})` : ''}`
            : `${s.profileName ?? '?'} (${s.host ?? '?'})`,
          formatSize(s.sizeBytes),
        ].map(shown),
      ),
    ),
  );
  const older = e.snapshots.filter((s) => s.formatVersion === 1).length;
  if (older > 0) {
    io.stdout(
      `\n${older} snapshot${older === 1 ? ' is' : 's are'} in format 1: bcv library upgrade ${shown(e.sessionId)} rewrites ${older === 1 ? 'it' : 'them'} as format 2\n`,
    );
  }
  // Read when the snapshot was saved or indexed: every open sets the same items aside.
  for (const s of e.snapshots) {
    if (!s.setAside) continue;
    io.stderr(
      `Snapshot ${s.snapshotId}: ${setAsideLine(s.setAside)} (a key its JSON gives twice); opening it lists ${s.setAside === 1 ? 'it' : 'them'}\n`,
    );
  }
  return 0;
}

async function importFiles(reviews: SessionReviews, io: CliIo, files: readonly string[]) {
  let failed = 0;
  for (const file of files) {
    try {
      const outcome = await reviews.importFile(resolve(io.cwd, file));
      const { sessionId, snapshotId } = outcome.record;
      const review =
        outcome.reviewAdded > 0
          ? `; review: ${plural(outcome.reviewAdded, 'entry', 'entries')} merged`
          : '';
      io.stdout(
        outcome.duplicate
          ? `${file}: already in the library (session ${sessionId}, snapshot ${snapshotId})${review}\n`
          : `${file}: imported session ${sessionId} as snapshot ${snapshotId}${review}\n`,
      );
      const setAside = unreadableLine({
        unreadable: duplicateKeyItems(outcome.duplicateKeys, 'file'),
      });
      if (setAside) io.stderr(`${file}: ${setAside}`);
    } catch (error) {
      failed += 1;
      const { code, message } = failureOf(error);
      io.stderr(`${code}: ${message}\n`);
    }
  }
  return failed === 0 ? 0 : 1;
}

/** For `bcv fetch ... --save`: puts what was fetched in the library. */
export async function saveFetchedToLibrary(
  library: Library,
  input: {
    readonly raw: RawResponses;
    readonly fetchedAt: string;
    readonly provenance: Provenance;
  },
): Promise<ListedSnapshot> {
  const { profileName, host, sandbox } = input.provenance;
  return library.save({
    raw: input.raw,
    fetchedAt: input.fetchedAt,
    source: { kind: 'live', profileName, host, sandbox },
  });
}
