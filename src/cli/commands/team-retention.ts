// `bcv team retention set --days N` and `bcv team purge [--dry-run]`: the team's retention
// policy (an admin's), applied to decided cases.
import { plural } from '@shared/format/value';
import { messageLine } from '../../core/core-error';
import type { TeamConnection } from '../../core/team/connect';
import {
  dueForPurge,
  purgeDue,
  retentionDays,
  setRetentionDays,
  type FinBoxDeletion,
} from '../../core/team/retention';
import {
  createBankConnectClient,
  DEFAULT_API_VERSION,
  DEFAULT_BASE_URL,
} from '../../core/api/client';
import { formatLocalTime } from '@shared/format/local-time';
import type { CliIo } from '../io';
import { shown } from '../terminal-safe';
import { UsageError } from '../usage';

export const RETENTION_FLAGS = {
  days: { type: 'string', arg: 'N', help: "days after a case's decision its data is kept" },
  'dry-run': { type: 'boolean', help: 'list what would be purged; purge nothing' },
  finbox: {
    type: 'boolean',
    help: 'ask FinBox to delete each purged session too (BANKCONNECT_API_KEY, BANKCONNECT_SERVER_HASH)',
  },
  'base-url': {
    type: 'string',
    arg: 'URL',
    help: `with --finbox: the API (default BANKCONNECT_BASE_URL, else ${DEFAULT_BASE_URL})`,
  },
} as const;

/** FinBox's DELETE for each purged session, with the API's credentials from the environment. */
function finboxDeleter(
  io: CliIo,
  baseUrl: string | undefined,
): (sessionId: string) => Promise<FinBoxDeletion> {
  const apiKey = io.env['BANKCONNECT_API_KEY'];
  const serverHash = io.env['BANKCONNECT_SERVER_HASH'];
  if (!apiKey || !serverHash) {
    throw new UsageError('--finbox: set BANKCONNECT_API_KEY and BANKCONNECT_SERVER_HASH');
  }
  const client = createBankConnectClient({
    baseUrl: baseUrl ?? io.env['BANKCONNECT_BASE_URL'] ?? DEFAULT_BASE_URL,
    apiVersion: io.env['BANKCONNECT_API_VERSION'] ?? DEFAULT_API_VERSION,
    apiKey,
    serverHash,
    fetch,
  });
  return async (sessionId) => {
    try {
      return await client.deleteSession(sessionId);
    } catch (error) {
      return { failed: messageLine(error) };
    }
  };
}

const finboxSaid = (d: FinBoxDeletion | null): string =>
  d === null ? '' : `  FinBox: ${typeof d === 'string' ? d : `not deleted (${d.failed})`}`;

export const RETENTION_SUBCOMMANDS = [
  {
    name: 'retention',
    args: 'set | show',
    summary: "the team's retention policy (an admin sets it)",
    flags: ['days'],
  },
  {
    name: 'purge',
    args: '',
    summary:
      "purge decided cases' data past the retention policy (an admin); decisions and the audit trail stay",
    flags: ['dry-run', 'finbox', 'base-url'],
  },
] as const;

export async function retentionCommand(
  db: TeamConnection,
  io: CliIo,
  action: 'retention' | 'purge',
  rest: readonly string[],
  values: {
    readonly days?: string | undefined;
    readonly 'dry-run'?: boolean | undefined;
    readonly finbox?: boolean | undefined;
    readonly 'base-url'?: string | undefined;
  },
): Promise<number> {
  if (action === 'retention') {
    if (rest[0] === 'set') {
      if (!values.days || !/^\d+$/.test(values.days))
        throw new UsageError('retention set: give --days N');
      await setRetentionDays(db, Number(values.days));
      io.stdout(`A decided case's data is purged ${Number(values.days)} days after its decision\n`);
      return 0;
    }
    if (rest[0] !== 'show') throw new UsageError('retention: give set --days N, or show');
    const days = await retentionDays(db);
    io.stdout(
      days === null
        ? 'No retention policy: nothing is purged\n'
        : `Decided cases' data is kept ${days} days after the decision\n`,
    );
    return 0;
  }
  if (rest.length > 0) throw new UsageError(`purge: unexpected "${rest[0]}"`);
  if (values['dry-run']) {
    const due = await dueForPurge(db);
    io.stdout(`${plural(due.length, 'case')} would be purged\n`);
    for (const d of due) {
      io.stdout(
        `${shown(d.sessionId)}  ${shown(d.owner)}, team ${shown(d.team)}  decided ${formatLocalTime(d.decidedAt)}  ${plural(d.snapshots, 'snapshot')}\n`,
      );
    }
    return 0;
  }
  const purged = await purgeDue(
    db,
    values.finbox ? { deleteAtFinBox: finboxDeleter(io, values['base-url']) } : {},
  );
  io.stdout(`Purged ${plural(purged.length, 'case')} (their decisions and audit trail kept)\n`);
  for (const p of purged) {
    io.stdout(
      `${shown(p.sessionId)}  ${plural(p.snapshots, 'snapshot')}${shown(finboxSaid(p.finbox))}\n`,
    );
  }
  return 0;
}
