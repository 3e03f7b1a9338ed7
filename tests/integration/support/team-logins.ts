// Team profiles for the logins of a throwaway cluster, and running the built `bcv` as one
// of them (its own process, its own environment, its own library folder).
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bcv, type Run } from './bcv';
import type { TeamCluster } from './team-cluster';
import { connectTeam, type TeamConnection } from '../../../src/core/team/connect';
import type { AppRole } from '../../../src/core/team/migrations';
import type { TeamProfile } from '../../../src/core/team/profile';
import { migrate, setMember } from '../../../src/core/team/schema';
import { addReason, setPolicyLimit } from '../../../src/core/team/decisions';

export interface Login {
  readonly user: string;
  readonly password: string;
  readonly profile: string;
  readonly library: string;
  /** `bcv` as this login: the profile and the secret in the environment. */
  run(args: string[], extraEnv?: Record<string, string>): Promise<Run>;
}

export async function profileFile(
  cluster: TeamCluster,
  user: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `bcv-team-${user}-`));
  const file = join(dir, 'team.json');
  await writeFile(
    file,
    JSON.stringify({
      host: cluster.host,
      port: cluster.port,
      database: cluster.database,
      user,
      caFile: cluster.caFile,
      ...overrides,
    }),
  );
  return file;
}

export async function loginOf(
  cluster: TeamCluster,
  user: string,
  password: string,
): Promise<Login> {
  const profile = await profileFile(cluster, user);
  const library = await mkdtemp(join(tmpdir(), `bcv-library-${user}-`));
  return {
    user,
    password,
    profile,
    library,
    run: (args, extraEnv = {}) =>
      bcv(args, {
        BCV_TEAM: profile,
        BCV_TEAM_PASSWORD: password,
        BCV_REVIEWER: user,
        ...extraEnv,
      }),
  };
}

/** A login made on the cluster now, with its profile. */
export async function newLogin(cluster: TeamCluster, user: string): Promise<Login> {
  return loginOf(cluster, user, await cluster.createLogin(user));
}

/** The DBA's login that owns the team schema: may create roles, owns the database. */
export async function ownerLogin(cluster: TeamCluster): Promise<Login> {
  const login = await newLogin(cluster, 'team_owner');
  await cluster.superQuery('ALTER ROLE team_owner CREATEROLE');
  await cluster.superQuery(`ALTER DATABASE ${cluster.database} OWNER TO team_owner`);
  return login;
}

export interface MemberSpec {
  readonly role: AppRole;
  readonly team?: string;
  readonly branch?: string;
  readonly approvesFor?: readonly string[];
}

/**
 * The schema made by the owner's login and these logins made members, through core's own
 * calls (the CLI's init and member commands are tested in team-schema.test.ts).
 */
export async function setUpTeam<K extends string>(
  cluster: TeamCluster,
  members: Record<K, MemberSpec>,
): Promise<{ owner: Login; logins: Record<K, Login> }> {
  const owner = await ownerLogin(cluster);
  const db = await connectTeam(
    { ...teamProfileOf(cluster, owner.user) },
    { password: owner.password, clientKey: null },
  );
  const logins = {} as Record<K, Login>;
  try {
    await migrate(db, 'test');
    for (const [user, spec] of Object.entries(members) as [K, MemberSpec][]) {
      logins[user] = await newLogin(cluster, user);
      await setMember(db, {
        login: user,
        role: spec.role,
        team: spec.team ?? null,
        branch: spec.branch ?? null,
        approvesFor: spec.approvesFor ?? [],
      });
    }
  } finally {
    await db.close();
  }
  return { owner, logins };
}

export function teamProfileOf(cluster: TeamCluster, user: string): TeamProfile {
  return {
    host: cluster.host,
    port: cluster.port,
    database: cluster.database,
    user,
    sslmode: 'verify-full',
    caFile: cluster.caFile,
    certFile: null,
  };
}

/** A connection as this login through core (for what the CLI does not print). */
export function connectAs(cluster: TeamCluster, login: Login): Promise<TeamConnection> {
  return connectTeam(teamProfileOf(cluster, login.user), {
    password: login.password,
    clientKey: null,
  });
}

/** retail-1's one reason to approve, as its admin adds it and a submission gives it. */
export const RETAIL_APPROVE_REASON = {
  recommendation: 'approve',
  reason: 'Income verified',
  subReason: 'Salary credits',
} as const;

/**
 * The team the app's tests use: alice and bob underwriters of retail-1 (branch Pune), ravi
 * its approver, adm an admin; retail-1's one reason to approve (Income verified / Salary
 * credits) and its FOIR limit of 50 (a submitted FOIR over it raises a deviation).
 */
export async function setUpRetailTeam(
  cluster: TeamCluster,
): Promise<Record<'alice' | 'bob' | 'ravi' | 'adm', Login>> {
  const { logins } = await setUpTeam(cluster, {
    alice: { role: 'underwriter', team: 'retail-1', branch: 'Pune' },
    bob: { role: 'underwriter', team: 'retail-1', branch: 'Pune' },
    ravi: { role: 'approver', approvesFor: ['retail-1'] },
    adm: { role: 'admin' },
  });
  const admin = await connectAs(cluster, logins.adm);
  try {
    await addReason(admin, { team: 'retail-1', ...RETAIL_APPROVE_REASON });
    await setPolicyLimit(admin, {
      team: 'retail-1',
      rule: 'foir_pct',
      maxValue: '50',
      label: 'FOIR %',
    });
  } finally {
    await admin.close();
  }
  return logins;
}

/**
 * `bcv team submit` of case-a as the retail team's approval with its reason, sub-reason and a
 * FOIR of 62.5 typed in (over the team's limit of 50, so it raises a deviation).
 */
export function submitCaseAOverFoir(login: Login): Promise<Run> {
  return login.run([
    'team',
    'submit',
    'case-a',
    'approve',
    '--reason',
    'Income verified',
    '--sub-reason',
    'Salary credits',
    '--figure',
    'foir_pct=62.5',
    '--note',
    'FOIR over, salary stable',
  ]);
}
