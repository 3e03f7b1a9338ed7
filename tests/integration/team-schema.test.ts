// `bcv team init|migrate|status|member` against a real PostgreSQL server (a throwaway
// cluster with TLS; see support/team-cluster.ts): the schema made and versioned, every
// connection failure one line, a schema newer than the app refused. Needs `npm run build`
// and PostgreSQL 15+; without PostgreSQL these tests say why and skip.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../src/core/team/migrations';
import { BCV } from './support/bcv';
import { startTeamCluster, teamClusterUnavailable, type TeamCluster } from './support/team-cluster';
import { newLogin, ownerLogin, profileFile, type Login } from './support/team-logins';
import { bcv } from './support/bcv';

const unavailable = teamClusterUnavailable();
if (unavailable) console.warn(`team library tests skipped: ${unavailable}`);

describe.skipIf(unavailable !== null)('bcv team: schema, connection and members', () => {
  let cluster: TeamCluster;
  let owner: Login;
  let alice: Login;
  beforeAll(async () => {
    if (!existsSync(BCV)) throw new Error('out/cli/bcv.cjs is missing: run `npm run build` first');
    cluster = await startTeamCluster();
    owner = await ownerLogin(cluster);
    alice = await newLogin(cluster, 'alice');
  }, 120_000);
  afterAll(async () => cluster?.stop());

  it('refuses a server with no team library in one line', async () => {
    const run = await alice.run(['team', 'status']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'TEAM_NOT_SET_UP: The team server has no team library yet: its owner runs `bcv team init`\n',
    );
  });

  it('init applies every migration once, each recorded; migrate then has nothing to do', async () => {
    const run = await owner.run(['team', 'init', '--admin', 'team_owner']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Applied schema version 1: members and roles\n');
    expect(run.stdout).toContain(
      `The team library's schema is now at version ${LATEST_VERSION} (was 0)\n`,
    );
    const { rows } = await cluster.superQuery(
      'SELECT version, applied_by FROM bcv.schema_version ORDER BY version',
    );
    expect(rows.map((r) => r.version)).toEqual(
      Array.from({ length: LATEST_VERSION }, (_, i) => i + 1),
    );
    expect(new Set(rows.map((r) => r.applied_by))).toEqual(new Set(['team_owner']));
    const again = await owner.run(['team', 'migrate']);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(
      `The team library's schema is at version ${LATEST_VERSION} already\n`,
    );
    const roles = await cluster.superQuery(
      "SELECT rolname, rolcanlogin FROM pg_roles WHERE rolname LIKE 'bcv\\_%' ORDER BY rolname",
    );
    expect(roles.rows).toEqual([
      { rolname: 'bcv_admin', rolcanlogin: false },
      { rolname: 'bcv_approver', rolcanlogin: false },
      { rolname: 'bcv_auditor', rolcanlogin: false },
      { rolname: 'bcv_underwriter', rolcanlogin: false },
    ]);
  });

  it('an admin sets a member, who then sees who they are; a non-admin cannot', async () => {
    const set = await owner.run([
      'team',
      'member',
      'set',
      'alice',
      '--role',
      'underwriter',
      '--team-name',
      'retail-1',
      '--branch',
      'Pune',
    ]);
    expect(set.stderr).toBe('');
    expect(set.stdout).toBe('alice is now underwriter, team retail-1, branch Pune\n');
    const status = await alice.run(['team', 'status']);
    expect(status.code).toBe(0);
    expect(status.stdout).toBe(
      `Server 127.0.0.1:${cluster.port}/${cluster.database}, schema version ${LATEST_VERSION}\n` +
        'You are alice: underwriter, team retail-1, branch Pune\n',
    );
    // PostgreSQL's own grant: alice holds bcv_underwriter and nothing else.
    const held = await cluster.superQuery(
      "SELECT r.rolname FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = 'alice'",
    );
    expect(held.rows.map((r) => r.rolname)).toEqual(['bcv_underwriter']);
    const refused = await alice.run(['team', 'member', 'set', 'alice', '--role', 'admin']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      'TEAM_REFUSED: Refused by the team server: permission denied for function set_member\n',
    );
  });

  it('signs in by a client certificate, its key from the environment', async () => {
    const login = await cluster.certificateLogin();
    const profile = await profileFile(cluster, login.user, { certFile: login.certFile });
    const run = await bcv(['team', 'status', '--team', profile], {
      BCV_TEAM_CLIENT_KEY: login.key,
    });
    // Signed in (the server checked the certificate): then told it is not a member yet.
    expect(run.stderr).toBe(
      'TEAM_NOT_MEMBER: The login "cert_login" is not a member of this team library: a team admin adds it (bcv team member set)\n',
    );
    expect(run.stdout).toMatch(/^Server 127\.0\.0\.1:\d+\/bcv_team, schema version \d+\n$/);
    // A password login given only a key: the server asks for the password, said in one line.
    const noPassword = await bcv(['team', 'status', '--team', alice.profile], {
      BCV_TEAM_CLIENT_KEY: login.key,
    });
    expect(noPassword.stderr).toBe(
      `TEAM_LOGIN: The team server 127.0.0.1:${cluster.port}/${cluster.database} asks the login "alice" for a password, and none is set\n`,
    );
    // Without its key, the profile's certificate is refused before any connection.
    const keyless = await bcv(['team', 'status', '--team', profile], { BCV_TEAM_PASSWORD: 'x' });
    expect(keyless.stderr).toBe(
      'TEAM_PROFILE: The team profile names a client certificate but its key is not set\n',
    );
  });

  it('says in one line when the login is refused', async () => {
    const run = await alice.run(['team', 'status'], { BCV_TEAM_PASSWORD: 'not-her-password' });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `TEAM_LOGIN: The team server 127.0.0.1:${cluster.port}/${cluster.database} refused the login "alice": check the user name and its password or key\n`,
    );
  });

  it('says in one line when the server cannot be reached', async () => {
    const profile = await profileFile(cluster, 'alice', { port: 1 });
    const run = await bcv(['team', 'status', '--team', profile], {
      BCV_TEAM_PASSWORD: alice.password,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `TEAM_UNREACHABLE: The team server 127.0.0.1:1/${cluster.database} cannot be reached (ECONNREFUSED): check the host, the port and the network\n`,
    );
  });

  it('refuses a server whose certificate another CA signed (verify-full), in one line', async () => {
    const profile = await profileFile(cluster, 'alice', { caFile: cluster.otherCaFile });
    const run = await bcv(['team', 'status', '--team', profile], {
      BCV_TEAM_PASSWORD: alice.password,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(
        `^TEAM_TLS: TLS with the team server 127\\.0\\.0\\.1:${cluster.port}/${cluster.database} was refused: .+ \\(check the CA file and the host name the certificate names\\)\\n$`,
      ),
    );
    expect(run.stderr.split('\n')).toHaveLength(2);
  });

  it('refuses a host name the certificate does not name under verify-full, not under verify-ca', async () => {
    // The certificate names localhost and 127.0.0.1; the server listens on 127.0.0.2 too.
    const strict = await profileFile(cluster, 'alice', { host: '127.0.0.2' });
    const run = await bcv(['team', 'status', '--team', strict], {
      BCV_TEAM_PASSWORD: alice.password,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^TEAM_TLS: TLS with the team server 127\.0\.0\.2:.*IP: 127\.0\.0\.2 is not in the cert's list/,
    );
    const caOnly = await profileFile(cluster, 'alice', { host: '127.0.0.2', sslmode: 'verify-ca' });
    const ok = await bcv(['team', 'status', '--team', caOnly], {
      BCV_TEAM_PASSWORD: alice.password,
    });
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
  });

  it('refuses a schema newer than the app knows, and asks for a migration when older', async () => {
    await cluster.superQuery(
      "INSERT INTO bcv.schema_version (version, name, app_version) VALUES (999, 'from the future', 'next')",
    );
    try {
      for (const args of [
        ['team', 'status'],
        ['team', 'migrate'],
      ]) {
        const run = await (args[1] === 'migrate' ? owner : alice).run(args);
        expect(run.code).toBe(1);
        expect(run.stderr).toBe(
          `TEAM_SCHEMA_NEW: The team server's schema is version 999, newer than this app knows (${LATEST_VERSION}): update the app\n`,
        );
      }
    } finally {
      await cluster.superQuery('DELETE FROM bcv.schema_version WHERE version = 999');
    }
    const saved = await cluster.superQuery(
      'DELETE FROM bcv.schema_version WHERE version = $1 RETURNING *',
      [LATEST_VERSION],
    );
    try {
      const run = await alice.run(['team', 'status']);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        `TEAM_SCHEMA_OLD: The team server's schema is version ${LATEST_VERSION - 1}, older than this app's (${LATEST_VERSION}): its owner runs \`bcv team migrate\`\n`,
      );
    } finally {
      const r = saved.rows[0];
      await cluster.superQuery(
        'INSERT INTO bcv.schema_version (version, name, applied_at, applied_by, app_version) VALUES ($1, $2, $3, $4, $5)',
        [r.version, r.name, r.applied_at, r.applied_by, r.app_version],
      );
    }
  });

  it('asks for the profile and the secret in one usage line each', async () => {
    const none = await bcv(['team', 'status']);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(
      'USAGE: No team profile: pass --team FILE or set BCV_TEAM (docs/team-library.md)\n',
    );
    const noSecret = await bcv(['team', 'status', '--team', alice.profile]);
    expect(noSecret.code).toBe(2);
    expect(noSecret.stderr).toMatch(/^USAGE: The team login needs a secret/);
  });
});
