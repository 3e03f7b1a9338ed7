// Bringing a team server's schema to this app's version (`bcv team init` / `migrate`), and
// checking it before any other work: a schema older than the app asks for a migration, a
// newer one is refused (this app would misread it).
import type { TeamDb } from './connect';
import { TeamError } from './team-errors';
import { LATEST_VERSION, MIGRATIONS, type AppRole } from './migrations';

/** The schema's version on the server: 0 when it has none yet. */
export async function schemaVersion(db: TeamDb): Promise<number> {
  const [exists] = await db.query<{ present: boolean }>(
    "SELECT to_regclass('bcv.schema_version') IS NOT NULL AS present",
  );
  if (!exists?.present) return 0;
  const [row] = await db.query<{ version: number | null }>(
    'SELECT max(version) AS version FROM bcv.schema_version',
  );
  return row?.version ?? 0;
}

function tooNew(version: number): TeamError {
  return new TeamError(
    'TEAM_SCHEMA_NEW',
    `The team server's schema is version ${version}, newer than this app knows (${LATEST_VERSION}): update the app`,
  );
}

export interface MigrateOutcome {
  readonly from: number;
  readonly to: number;
  readonly applied: readonly { readonly version: number; readonly name: string }[];
}

/**
 * Applies the migrations the server lacks, each in its own transaction (a failure leaves
 * the server at the last whole step). Two migrators at once: the second waits on a lock and
 * then finds nothing left to do.
 */
export async function migrate(db: TeamDb, appVersion: string): Promise<MigrateOutcome> {
  const from = await schemaVersion(db);
  if (from > LATEST_VERSION) throw tooNew(from);
  const applied: { version: number; name: string }[] = [];
  for (const migration of MIGRATIONS) {
    await db.transaction(async (tx) => {
      await tx.query("SELECT pg_advisory_xact_lock(hashtext('bcv.migrate'))");
      const current = await schemaVersion(tx);
      if (current >= migration.version) return;
      await tx.query(migration.sql);
      await tx.query(
        'INSERT INTO bcv.schema_version (version, name, app_version) VALUES ($1, $2, $3)',
        [migration.version, migration.name, appVersion],
      );
      applied.push({ version: migration.version, name: migration.name });
    });
  }
  return { from, to: await schemaVersion(db), applied };
}

/** Refuses to go on unless the server's schema is exactly this app's. */
export async function requireCurrentSchema(db: TeamDb): Promise<void> {
  const version = await schemaVersion(db);
  if (version === 0) {
    throw new TeamError(
      'TEAM_NOT_SET_UP',
      'The team server has no team library yet: its owner runs `bcv team init`',
    );
  }
  if (version > LATEST_VERSION) throw tooNew(version);
  if (version < LATEST_VERSION) {
    throw new TeamError(
      'TEAM_SCHEMA_OLD',
      `The team server's schema is version ${version}, older than this app's (${LATEST_VERSION}): its owner runs \`bcv team migrate\``,
    );
  }
}

export interface Member {
  readonly login: string;
  readonly role: AppRole;
  readonly team: string | null;
  readonly branch: string | null;
  readonly approvesFor: readonly string[];
}

interface MemberRow {
  login: string;
  role: AppRole;
  team: string | null;
  branch: string | null;
  approves_for: string[];
}

const memberOf = (r: MemberRow): Member => ({
  login: r.login,
  role: r.role,
  team: r.team,
  branch: r.branch,
  approvesFor: r.approves_for,
});

/** This login's member row; refused when the login is not a member of the team library. */
export async function whoAmI(db: TeamDb): Promise<Member> {
  const [row] = await db.query<MemberRow>(
    'SELECT login, role, team, branch, approves_for FROM bcv.members WHERE login = current_user',
  );
  if (!row) {
    throw new TeamError(
      'TEAM_NOT_MEMBER',
      `The login "${db.login}" is not a member of this team library: a team admin adds it (bcv team member set)`,
    );
  }
  return memberOf(row);
}

export interface MemberInput {
  readonly login: string;
  readonly role: AppRole;
  readonly team: string | null;
  readonly branch: string | null;
  readonly approvesFor: readonly string[];
}

export async function setMember(db: TeamDb, input: MemberInput): Promise<void> {
  await db.query('SELECT bcv.set_member($1, $2, $3, $4, $5)', [
    input.login,
    input.role,
    input.team,
    input.branch,
    input.approvesFor,
  ]);
}

export async function listMembers(db: TeamDb): Promise<Member[]> {
  const rows = await db.query<MemberRow>(
    'SELECT login, role, team, branch, approves_for FROM bcv.members ORDER BY login',
  );
  return rows.map(memberOf);
}
