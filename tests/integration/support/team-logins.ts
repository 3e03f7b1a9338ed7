// Team profiles for the logins of a throwaway cluster, and running the built `bcv` as one
// of them (its own process, its own environment, its own library folder).
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bcv, type Run } from './bcv';
import type { TeamCluster } from './team-cluster';

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
