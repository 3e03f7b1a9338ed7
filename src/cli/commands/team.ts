// `bcv team ...`: the team's case library on the team's PostgreSQL server. Every failure is
// one line (`CODE: message`, exit 1); the server's own refusals keep its words.
import { plural } from '@shared/format/value';
import { JSON_FLAG, SNAPSHOT_FLAG } from '../shared-flags';
import { APP_ROLES, type AppRole } from '../../core/team/migrations';
import {
  listMembers,
  migrate,
  requireCurrentSchema,
  schemaVersion,
  setMember,
  whoAmI,
} from '../../core/team/schema';
import type { TeamConnection } from '../../core/team/connect';
import { libraryServices } from '../../core/services';
import {
  listCases,
  openCase,
  publishSnapshot,
  syncAll,
  type TeamLibraryParts,
} from '../../core/team/cases';
import { formatLocalTime } from '@shared/format/local-time';
import { libraryDirOf } from './library';
import { auditCommand } from './team-audit';
import { RETENTION_FLAGS, RETENTION_SUBCOMMANDS, retentionCommand } from './team-retention';
import {
  SEARCH_FLAGS,
  SEARCH_SUBCOMMANDS,
  teamSearchCommand,
  teamSeenCommand,
} from './team-search';
import { DECISION_FLAGS, DECISION_SUBCOMMANDS, decisionsCommand } from './team-decisions';
import { reportAction } from '../../core/team/audit';
import { parseSubcommand, UsageError, type GroupSpec } from '../usage';
import { shown } from '../terminal-safe';
import type { CliIo } from '../io';
import { openTeam, teamSettings, type TeamSession } from './team-connection';
import { outOfReach, type QueueOutcome } from '../../core/team/audit-queue';
import { auditRows } from './team-export';
import { QUEUE_SUBCOMMANDS, queueCommand, sendQueueFirst } from './team-queue';

export const TEAM_SPEC = {
  name: 'team',
  summary: "The team's case library on its PostgreSQL server (see docs/team-library.md).",
  flags: {
    team: {
      type: 'string',
      arg: 'FILE',
      help: 'the team profile (default: BCV_TEAM): host, port, database, user, sslmode, caFile, certFile',
    },
    library: {
      type: 'string',
      arg: 'DIR',
      help: 'the local library folder (BCV_LIBRARY); its queued export audit rows are sent first',
    },
    ...SNAPSHOT_FLAG,
    admin: { type: 'string', arg: 'LOGIN', help: 'make this login a team admin' },
    role: { type: 'string', arg: 'R', help: `the member's role: ${APP_ROLES.join(', ')}` },
    'team-name': { type: 'string', arg: 'T', help: "the member's team" },
    branch: { type: 'string', arg: 'B', help: "the member's branch" },
    approves: { type: 'string', arg: 'T1,T2', help: 'the teams the member approves for' },
    ...JSON_FLAG,
    case: { type: 'string', arg: 'ID', help: "one case's history" },
    ...DECISION_FLAGS,
    ...SEARCH_FLAGS,
    ...RETENTION_FLAGS,
  },
  subcommands: [
    {
      name: 'init',
      args: '',
      summary: "create the team library's schema (the schema's owner)",
      flags: ['admin'],
    },
    {
      name: 'migrate',
      args: '',
      summary: "bring the schema to this app's version",
      flags: [],
    },
    {
      name: 'status',
      args: '',
      summary: 'the server, its schema version and who you are there',
      flags: [],
    },
    {
      name: 'member',
      args: 'set LOGIN | list',
      summary: "set a member's role, team, branch and approvals (an admin), or list the members",
      flags: ['role', 'team-name', 'branch', 'approves'],
    },
    {
      name: 'publish',
      args: '<session-id>',
      summary: 'a saved snapshot and its review, to the team',
      flags: ['snapshot'],
    },
    { name: 'cases', args: '', summary: "the team's cases you may read", flags: ['json'] },
    {
      name: 'open',
      args: '<session-id>',
      summary: 'a team case into this library (it opens offline after)',
      flags: [],
    },
    {
      name: 'sync',
      args: '',
      summary:
        "reviews of this library's team cases, both ways, and the audit rows of exports made without the server",
      flags: [],
    },
    ...SEARCH_SUBCOMMANDS,
    ...DECISION_SUBCOMMANDS,
    ...RETENTION_SUBCOMMANDS,
    ...QUEUE_SUBCOMMANDS,
    {
      name: 'audit',
      args: 'verify | --case ID',
      summary: "walk the audit trail's hash chain, or print a case's history",
      flags: ['case'],
    },
  ],
  everyCommandTakes: ['team', 'library'],
  notes: `The login's secret comes from the environment only: BCV_TEAM_PASSWORD, or
BCV_TEAM_CLIENT_KEY (PEM) with a client certificate.
Every command first sends the export audit rows this library queued for this login while
the server was out of reach (one line on stderr when some are sent or held); a row the
server refuses stays held until its login sets it aside: bcv team queue lists the rows and
why, bcv team queue set-aside ID --reason TEXT keeps it in .team-audit-queue/set-aside.`,
} as const satisfies GroupSpec;

type Values = ReturnType<typeof parseSubcommand<(typeof TEAM_SPEC)['flags']>>['values'];

export async function runTeamCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { subcommand: action, values, positionals: rest } = parseSubcommand(argv, TEAM_SPEC);
  const libraryDir = libraryDirOf(io, values.library);
  const settings = await teamSettings(io, values.team);
  let db: TeamSession;
  try {
    db = await openTeam(io, settings);
  } catch (error) {
    // The queue is listed without the server too, as the library holds it (nothing is sent,
    // nothing set aside: setting aside takes the login, signed in).
    if (action !== 'queue' || rest[0] === 'set-aside' || !outOfReach(error)) throw error;
    io.stderr(`${shown((error as Error).message)}; the queue as this library holds it:\n`);
    return await queueCommand(io, libraryDir, settings.profile.user, rest, values);
  }
  try {
    const queue = await sendQueueFirst(db, io, libraryDir);
    switch (action) {
      case 'init':
      case 'migrate':
        return await migrateCommand(db, io, action, values);
      case 'status':
        return await statusCommand(db, io);
      case 'member':
        return await memberCommand(db, io, rest, values);
      case 'publish':
      case 'open':
      case 'cases':
      case 'sync':
        await signIn(db);
        return await casesCommand(db, io, action, rest, values, queue);
      case 'assign':
      case 'reason':
      case 'policy':
      case 'submit':
      case 'deviation':
      case 'decide':
      case 'state':
        await signIn(db);
        return await decisionsCommand(db, io, action, rest, values);
      case 'search':
        await signIn(db);
        return await teamSearchCommand(db, io, rest, values);
      case 'seen':
        await signIn(db);
        return await teamSeenCommand(
          db,
          io,
          partsOf(io, values).library,
          rest,
          values.json === true,
        );
      case 'retention':
      case 'purge':
        await signIn(db);
        return await retentionCommand(db, io, action, rest, values);
      case 'queue':
        // No sign-in: a login that lost its membership still sets aside what it made.
        return await queueCommand(io, libraryDir, db.login, rest, values);
      case 'audit':
        await signIn(db);
        return await auditCommand(db, io, rest, values.case);
      default:
        throw new UsageError(`unknown team command "${action}" (bcv team --help lists them)`);
    }
  } finally {
    await db.close();
  }
}

/** The schema checked, this login a member, and its login recorded in the audit trail. */
async function signIn(db: TeamConnection): Promise<void> {
  await requireCurrentSchema(db);
  await whoAmI(db);
  await reportAction(db, 'login', null, { program: 'bcv' });
}

async function migrateCommand(
  db: TeamConnection,
  io: CliIo,
  action: 'init' | 'migrate',
  values: Values,
): Promise<number> {
  const outcome = await migrate(db, io.appVersion);
  for (const step of outcome.applied) {
    io.stdout(`Applied schema version ${step.version}: ${step.name}\n`);
  }
  io.stdout(
    outcome.applied.length === 0
      ? `The team library's schema is at version ${outcome.to} already\n`
      : `The team library's schema is now at version ${outcome.to} (was ${outcome.from})\n`,
  );
  if (action === 'init' && values.admin) {
    await setMember(db, {
      login: values.admin,
      role: 'admin',
      team: null,
      branch: null,
      approvesFor: [],
    });
    io.stdout(`${shown(values.admin)} is a team admin\n`);
  }
  return 0;
}

async function statusCommand(db: TeamConnection, io: CliIo): Promise<number> {
  const version = await schemaVersion(db);
  const { host, port, database } = db.server;
  io.stdout(`Server ${shown(host)}:${port}/${shown(database)}, schema version ${version}\n`);
  await requireCurrentSchema(db);
  const me = await whoAmI(db);
  io.stdout(`You are ${shown(me.login)}: ${describeMember(me)}\n`);
  return 0;
}

function describeMember(m: {
  role: AppRole;
  team: string | null;
  branch: string | null;
  approvesFor: readonly string[];
}): string {
  const parts: string[] = [m.role];
  if (m.team) parts.push(`team ${shown(m.team)}`);
  if (m.branch) parts.push(`branch ${shown(m.branch)}`);
  if (m.approvesFor.length > 0) parts.push(`approves for ${m.approvesFor.map(shown).join(', ')}`);
  return parts.join(', ');
}

function parseRole(text: string | undefined): AppRole {
  if (text && (APP_ROLES as readonly string[]).includes(text)) return text as AppRole;
  throw new UsageError(`--role: give one of ${APP_ROLES.join(', ')}`);
}

async function memberCommand(
  db: TeamConnection,
  io: CliIo,
  rest: readonly string[],
  values: Values,
): Promise<number> {
  await requireCurrentSchema(db);
  const [what, login] = rest;
  if (what === 'list') {
    for (const m of await listMembers(db)) io.stdout(`${shown(m.login)}  ${describeMember(m)}\n`);
    return 0;
  }
  if (what !== 'set' || !login) throw new UsageError('member: give `set LOGIN --role R` or `list`');
  const role = parseRole(values.role);
  const approvesFor = (values.approves ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  await setMember(db, {
    login,
    role,
    team: values['team-name'] ?? null,
    branch: values.branch ?? null,
    approvesFor,
  });
  io.stdout(
    `${shown(login)} is now ${describeMember({ role, team: values['team-name'] ?? null, branch: values.branch ?? null, approvesFor })}\n`,
  );
  return 0;
}

/** The library's snapshots and reviews, built by the composition root as every command's are. */
function partsOf(io: CliIo, values: Values): TeamLibraryParts {
  const { library, reviewStore } = libraryServices({
    dir: libraryDirOf(io, values.library),
    appVersion: io.appVersion,
  });
  return { library, reviews: reviewStore };
}

function oneSession(rest: readonly string[], action: string): string {
  const [sessionId, extra] = rest;
  if (!sessionId) throw new UsageError(`${action}: give a session id`);
  if (extra !== undefined) throw new UsageError(`${action}: unexpected "${extra}"`);
  return sessionId;
}

async function casesCommand(
  db: TeamConnection,
  io: CliIo,
  action: 'publish' | 'open' | 'cases' | 'sync',
  rest: readonly string[],
  values: Values,
  queue: QueueOutcome | null,
): Promise<number> {
  switch (action) {
    case 'publish': {
      const sessionId = oneSession(rest, action);
      const out = await publishSnapshot(db, partsOf(io, values), sessionId, values.snapshot);
      io.stdout(
        out.published
          ? `Published snapshot ${shown(out.snapshotId)} of ${shown(sessionId)}: ${out.transactions} transactions, file SHA-256 ${out.fileSha256}${out.fileStored ? '' : ' (the team library had these bytes already)'}\n`
          : `Snapshot ${shown(out.snapshotId)} of ${shown(sessionId)} was in the team library already\n`,
      );
      if (out.reportsSent > 0) {
        io.stdout(`Sent FinBox's report kept with it (${plural(out.reportsSent, 'file')})\n`);
      }
      if (out.reviewSent > 0) io.stdout(`Sent ${out.reviewSent} review entries\n`);
      return 0;
    }
    case 'open': {
      const sessionId = oneSession(rest, action);
      const out = await openCase(db, partsOf(io, values), sessionId);
      const c = out.teamCase;
      io.stdout(
        `Opened ${shown(sessionId)} (${shown(c.owner)}'s case, team ${shown(c.team)}, branch ${shown(c.branch)}, ${c.state}): ` +
          `${out.imported} of ${out.snapshots} snapshots brought into the library, ` +
          `${out.reviewReceived} review entries received, ${out.reviewSent} sent` +
          (out.reports > 0
            ? `; FinBox's report kept with it (${plural(out.reports, 'file')})`
            : '') +
          '\n',
      );
      return 0;
    }
    case 'cases': {
      if (rest.length > 0) throw new UsageError(`cases: unexpected "${rest[0]}"`);
      const cases = await listCases(db);
      if (values.json) {
        io.stdout(`${JSON.stringify(cases, null, 2)}\n`);
        return 0;
      }
      io.stdout(`${plural(cases.length, 'case')} you may read\n`);
      for (const c of cases) {
        io.stdout(
          `${shown(c.sessionId)}  ${c.state.padEnd(9)}  ${shown(c.owner)}, team ${shown(c.team)}, branch ${shown(c.branch)}  ${shown(c.holderNames.join(', ') || '-')}  published ${formatLocalTime(c.publishedAt)}\n`,
        );
      }
      return 0;
    }
    case 'sync': {
      if (rest.length > 0) throw new UsageError(`sync: unexpected "${rest[0]}"`);
      let failed = 0;
      const parts = partsOf(io, values);
      for (const entry of await syncAll(db, parts)) {
        if ('error' in entry.outcome) {
          failed++;
          io.stderr(`${shown(entry.sessionId)}: not synced: ${entry.outcome.error}\n`);
        } else {
          io.stdout(
            `${shown(entry.sessionId)}: ${entry.outcome.received} review entries received, ${entry.outcome.sent} sent\n`,
          );
        }
      }
      // The queue was sent before the command (sendQueueFirst): what it left is named here.
      if (queue && queue.waiting > 0) {
        io.stdout(`${auditRows(queue.waiting)} queued by another login kept for it\n`);
      }
      for (const f of queue?.failed ?? []) {
        failed++;
        io.stderr(
          `${shown(f.sessionId)}: export audit row ${shown(f.id)} held: ${shown(f.message)}\n`,
        );
      }
      return failed > 0 ? 1 : 0;
    }
  }
}
