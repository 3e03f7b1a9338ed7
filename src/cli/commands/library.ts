// `bcv library list|show|import|export|delete [--library DIR]`: the saved-session library
// from a terminal. The CLI deletes for real (no OS trash outside the app); the folder
// defaults to the per-user data folder (see src/core/library/paths.ts).
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { formatLocalTime } from '@shared/format/local-time';
import type { LibraryEntry } from '@shared/ipc/contract';
import { formatSize } from '@shared/library/search';
import { shown } from '../terminal-safe';
import type { Provenance } from '@shared/session/provenance';
import { defaultCliLibraryDir } from '../../core/library/paths';
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
import { EXIT_USAGE, failureOf } from '../exit';
import { parseCommandArgs, UsageError } from '../usage';

export const LIBRARY_USAGE = `Usage:
  bcv library list [--json]
  bcv library show <session-id> [--json]
  bcv library import <file...>          (.bcsession, or API JSON as bcv fetch writes it)
  bcv library export <session-id> [--snapshot ID] -o FILE.bcsession|FILE.xlsx
                                        (the session file, or its workbook; both with the review)
  bcv library delete <session-id> [--snapshot ID]
  bcv library upgrade <session-id> | --all
                                        (rewrites format-1 snapshots as format 2, in place)
  bcv library diff <session-id> [--from SNAPSHOT] [--to SNAPSHOT] [--json]
                                        (what changed; default: the two latest snapshots)
  bcv library search <text> [--amount A] [--from dd-mm-yyyy --to dd-mm-yyyy] [--json]
                                        (every saved case: counterparty, UPI handle, account
                                        number, IFSC or narration words; amount in rupees)
Options:
  --library DIR   the library folder (default: ${defaultCliLibraryDir(process.env, '~', process.platform)})`;

export function libraryDirOf(io: CliIo, given: string | undefined): string {
  return given ? resolve(io.cwd, given) : defaultCliLibraryDir(io.env, homedir(), process.platform);
}

/** The library in the folder `--library` names (default: the per-user one); close it after. */
export function openLibrary(io: CliIo, given: string | undefined): LibraryServices {
  return libraryServices({ dir: libraryDirOf(io, given), appVersion: io.appVersion });
}

/** Runs `bcv library ...` (argv after "library"); answers the exit code. */
export async function runLibraryCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    library: { type: 'string' },
    snapshot: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    amount: { type: 'string' },
    output: { type: 'string', short: 'o' },
    json: { type: 'boolean' },
    all: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  const [action, ...rest] = positionals;
  if (values.help || !action) {
    (values.help ? io.stdout : io.stderr)(`${LIBRARY_USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const saved = openLibrary(io, values.library);
  const { library, reviews, workbooks } = saved;
  try {
    switch (action) {
      case 'list':
        return await list(library, io, values.json === true);
      case 'show':
        return await show(library, io, one(rest, 'a session id'), values.json === true);
      case 'import':
        if (rest.length === 0) throw new UsageError('import: give one or more files');
        return await importFiles(reviews, io, rest);
      case 'export': {
        if (!values.output) throw new UsageError('export: give the file to write with -o FILE');
        const sessionId = one(rest, 'a session id');
        const destination = resolve(io.cwd, values.output);
        if (/\.xlsx$/i.test(destination)) {
          // The workbook of the snapshot, with the session's review (Review sheet, flags).
          const result = await workbooks.ofSnapshot(sessionId, values.snapshot, { destination });
          io.stdout(`Wrote ${result.path}: ${result.sheets.length} sheets\n`);
          return 0;
        }
        const path = await reviews.exportSessionFile(sessionId, values.snapshot, destination);
        io.stdout(`Exported to ${path}\n`);
        return 0;
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
        io.stdout(`Deleted ${deleted} snapshot${deleted === 1 ? '' : 's'}\n`);
        return 0;
      }
      default:
        throw new UsageError(`Unknown library command "${action}"`);
    }
  } catch (error) {
    const failure = failureOf(error);
    io.stderr(
      failure.exitCode === EXIT_USAGE
        ? `${failure.message}\n${LIBRARY_USAGE}\n`
        : `bcv library: ${failure.message}\n`,
    );
    return failure.exitCode;
  } finally {
    await saved.close();
  }
}

function one(rest: readonly string[], what: string): string {
  if (rest.length !== 1) throw new UsageError(`Give exactly ${what}`);
  return rest[0]!;
}

function row(entry: LibraryEntry): string[] {
  const months = entry.months.first
    ? `${entry.months.first}..${entry.months.last} (${entry.months.count})`
    : '-';
  return [
    entry.sessionId,
    entry.holderNames.join(', ') || '-',
    entry.banks.join(', ') || '-',
    String(entry.accountCount),
    months,
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
      `Months     ${shown(e.months.first ? `${e.months.first} to ${e.months.last}, ${e.months.count}` : '-')}`,
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
      `Snapshot ${s.snapshotId}: ${s.setAside} item${s.setAside === 1 ? '' : 's'} could not be read and ${s.setAside === 1 ? 'was' : 'were'} set aside (a key its JSON gives twice); opening it lists ${s.setAside === 1 ? 'it' : 'them'}\n`,
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
          ? `; review: ${outcome.reviewAdded} entr${outcome.reviewAdded === 1 ? 'y' : 'ies'} merged`
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
      io.stderr(`bcv library: ${(error as Error).message.split('\n')[0]}\n`);
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
