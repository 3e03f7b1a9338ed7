// `bcv team ...`: the team's case library on the team's PostgreSQL server. Every failure is
// one line (`CODE: message`, exit 1); the server's own refusals keep its words.
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
import { parseCommandArgs, UsageError } from '../usage';
import { shown } from '../terminal-safe';
import type { CliIo } from '../io';
import { openTeam } from './team-connection';

export const TEAM_USAGE = `Usage:
  bcv team init [--admin LOGIN]       create the team library's schema (the schema's owner)
  bcv team migrate                    bring the schema to this app's version
  bcv team status                     the server, its schema version and who you are there
  bcv team member set LOGIN --role underwriter|approver|auditor|admin
                  [--team-name T --branch B] [--approves T1,T2]   (an admin)
  bcv team member list
Options:
  --team FILE     the team profile (default: $BCV_TEAM): {"host", "port", "database",
                  "user", "sslmode": "verify-full"|"verify-ca", "caFile", "certFile"}
The login's secret comes from the environment only: BCV_TEAM_PASSWORD, or
BCV_TEAM_CLIENT_KEY (PEM) with a client certificate. See docs/team-library.md.`;

const OPTIONS = {
  team: { type: 'string' },
  admin: { type: 'string' },
  role: { type: 'string' },
  'team-name': { type: 'string' },
  branch: { type: 'string' },
  approves: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseCommandArgs<typeof OPTIONS>>['values'];

export async function runTeamCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  const [action, ...rest] = positionals;
  if (values.help || !action) {
    (values.help ? io.stdout : io.stderr)(`${TEAM_USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const db = await openTeam(io, values.team);
  try {
    switch (action) {
      case 'init':
      case 'migrate':
        return await migrateCommand(db, io, action, values);
      case 'status':
        return await statusCommand(db, io);
      case 'member':
        return await memberCommand(db, io, rest, values);
      default:
        throw new UsageError(`unknown team command "${action}" (bcv team --help lists them)`);
    }
  } finally {
    await db.close();
  }
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
