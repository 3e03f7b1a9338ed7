// A throwaway PostgreSQL cluster for the team-library tests: initdb in a temporary folder,
// a throwaway CA and a server certificate (openssl), TLS on a loopback port, password
// logins made by the cluster's superuser, stopped and removed at the end. PostgreSQL will
// not run as root: as root (CI) the server runs as the `postgres` system user.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chmod, chown, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface TeamCluster {
  readonly host: '127.0.0.1';
  readonly port: number;
  readonly database: string;
  /** The CA that signed the server's certificate (for `verify-full`). */
  readonly caFile: string;
  /** A CA no server here uses: verify-full against it must be refused. */
  readonly otherCaFile: string;
  readonly dir: string;
  readonly superuser: { readonly user: string; readonly password: string };
  /** Runs SQL as the cluster's superuser (setting up logins, tampering on purpose). */
  superQuery(sql: string, params?: unknown[]): Promise<pg.QueryResult>;
  /** A login (role with LOGIN and a password); answers its password. */
  createLogin(name: string): Promise<string>;
  /**
   * The login `cert_login`, which signs in by a client certificate (CN=cert_login, signed by
   * the cluster's CA) and has no password: its certificate file and key (PEM).
   */
  certificateLogin(): Promise<{ user: string; certFile: string; key: string }>;
  /** A hot standby streaming from this cluster (pg_basebackup), on its own port. */
  startStandby(): Promise<{ port: number }>;
  stop(): Promise<void>;
}

/** Where PostgreSQL's server programs are (Debian: /usr/lib/postgresql/<major>/bin), 15+. */
function serverBin(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const majors = readdirSync(base)
    .map(Number)
    .filter((n) => n >= 15 && existsSync(join(base, String(n), 'bin', 'initdb')))
    .sort((a, b) => b - a);
  return majors.length > 0 ? join(base, String(majors[0]), 'bin') : null;
}

function hasOpenssl(): boolean {
  return ['/usr/bin/openssl', '/bin/openssl'].some((p) => existsSync(p));
}

function systemUser(name: string): { uid: number; gid: number } | null {
  try {
    const line = readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`${name}:`));
    if (!line) return null;
    const [, , uid, gid] = line.split(':');
    return { uid: Number(uid), gid: Number(gid) };
  } catch {
    return null;
  }
}

/** Why the cluster cannot be started here, or null when it can. */
export function teamClusterUnavailable(): string | null {
  if (!serverBin())
    return "PostgreSQL 15 or newer is not installed (no initdb under /usr/lib/postgresql; .ci/run installs Debian's postgresql)";
  if (!hasOpenssl()) return 'openssl is not installed (the tests make a throwaway CA with it)';
  if (userInfo().uid === 0 && !systemUser('postgres'))
    return 'running as root and there is no `postgres` system user to run the server as';
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function openssl(args: string[], cwd: string): Promise<void> {
  await run('openssl', args, { cwd });
}

/** `<name>.key` and `<name>.crt` for `subject`, signed by the test CA in `dir`. */
async function signedByTestCa(dir: string, name: string, subject: string, extFile?: string) {
  await openssl(
    [
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.csr`,
      '-subj',
      subject,
    ],
    dir,
  );
  await openssl(
    [
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      `${name}.crt`,
      ...(extFile ? ['-extfile', extFile] : []),
      '-days',
      '2',
    ],
    dir,
  );
}

/** A self-signed CA, `${name}.key` and `${name}.crt`, valid for two days. */
function selfSignedCa(dir: string, name: string, subject: string): Promise<void> {
  return openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.crt`,
      '-subj',
      subject,
      '-days',
      '2',
    ],
    dir,
  );
}

async function makeCertificates(dir: string): Promise<void> {
  await selfSignedCa(dir, 'ca', '/CN=bcv test CA');
  await selfSignedCa(dir, 'other-ca', '/CN=another CA');
  await writeFile(join(dir, 'san.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
  await signedByTestCa(dir, 'server', '/CN=localhost', 'san.ext');
}

export async function startTeamCluster(): Promise<TeamCluster> {
  const asRoot = userInfo().uid === 0;
  const owner = asRoot ? systemUser('postgres')! : null;
  // Not under the test run's private temporary folder: the server's user must reach it.
  const dir = await mkdtemp(join(owner && existsSync('/tmp') ? '/tmp' : tmpdir(), 'bcv-team-pg-'));
  try {
    return await startIn(dir, owner);
  } catch (error) {
    // A start that failed half way leaves no server and no folder behind.
    const bin = serverBin()!;
    const stop = [join(bin, 'pg_ctl'), '-D', join(dir, 'data'), '-m', 'immediate', 'stop'];
    await (
      owner ? run('runuser', ['-u', 'postgres', '--', ...stop]) : run(stop[0]!, stop.slice(1))
    ).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

async function startIn(
  dir: string,
  owner: { uid: number; gid: number } | null,
): Promise<TeamCluster> {
  const bin = serverBin()!;
  await chmod(dir, 0o755); // the server's user reaches its files and socket through it
  const data = join(dir, 'data');
  const sup = { user: 'cluster_super', password: `super-${process.pid}-${Date.now()}` };
  await makeCertificates(dir);
  await writeFile(join(dir, 'pw'), `${sup.password}\n`);
  if (owner) {
    await chown(dir, owner.uid, owner.gid);
    for (const f of ['pw', 'server.key', 'server.crt', 'ca.crt'])
      await chown(join(dir, f), owner.uid, owner.gid);
  }
  await chmod(join(dir, 'server.key'), 0o600);
  const as = (cmd: string, args: string[]) =>
    owner ? run('runuser', ['-u', 'postgres', '--', cmd, ...args]) : run(cmd, args);
  await as(join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    sup.user,
    '--pwfile',
    join(dir, 'pw'),
    '--auth=scram-sha-256',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
  ]);
  // TLS only: a connection without it is rejected by the server itself.
  await writeFile(
    join(dir, 'hba.conf'),
    [
      'hostssl all cert_login 127.0.0.0/8 cert',
      'hostssl all all 127.0.0.0/8 scram-sha-256',
      'hostssl replication cluster_super 127.0.0.0/8 scram-sha-256',
      'hostnossl all all 127.0.0.0/8 reject',
      'local all all scram-sha-256',
      '',
    ].join('\n'),
  );
  if (owner) await chown(join(dir, 'hba.conf'), owner.uid, owner.gid);
  const port = await freePort();
  const optionsFor = (p: number) =>
    [
      `-c port=${p}`,
      // 127.0.0.2 too: an address the certificate does not name (verify-full must refuse it).
      "-c listen_addresses='127.0.0.1,127.0.0.2'",
      `-c unix_socket_directories='${dir}'`,
      '-c ssl=on',
      `-c ssl_cert_file='${join(dir, 'server.crt')}'`,
      `-c ssl_key_file='${join(dir, 'server.key')}'`,
      `-c ssl_ca_file='${join(dir, 'ca.crt')}'`,
      `-c hba_file='${join(dir, 'hba.conf')}'`,
      '-c fsync=off',
      '-c max_connections=40',
    ].join(' ');
  const options = optionsFor(port);
  await as(join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    join(dir, 'server.log'),
    '-o',
    options,
    '-w',
    '-t',
    '60',
    'start',
  ]);
  const caFile = join(dir, 'ca.crt');
  const ca = await readFile(caFile, 'utf8');
  const database = 'bcv_team';
  const superClient = async () => {
    const client = new pg.Client({
      host: '127.0.0.1',
      port,
      user: sup.user,
      password: sup.password,
      database: 'postgres',
      ssl: { ca, servername: 'localhost' },
    });
    await client.connect();
    return client;
  };
  const boot = await superClient();
  await boot.query(`CREATE DATABASE ${database}`);
  await boot.end();
  const superQuery = async (sql: string, params: unknown[] = []) => {
    const client = new pg.Client({
      host: '127.0.0.1',
      port,
      user: sup.user,
      password: sup.password,
      database,
      ssl: { ca, servername: 'localhost' },
    });
    await client.connect();
    try {
      return await client.query(sql, params);
    } finally {
      await client.end();
    }
  };
  let stopped = false;
  const standby = join(dir, 'standby');
  let standbyRunning = false;
  return {
    host: '127.0.0.1',
    port,
    database,
    caFile,
    otherCaFile: join(dir, 'other-ca.crt'),
    dir,
    superuser: sup,
    superQuery,
    async createLogin(name) {
      const password = `pw-${name}-${Math.random().toString(36).slice(2)}`;
      await superQuery(`CREATE ROLE ${name} LOGIN PASSWORD '${password}'`);
      return password;
    },
    async certificateLogin() {
      await signedByTestCa(dir, 'client', '/CN=cert_login');
      await superQuery('CREATE ROLE cert_login LOGIN');
      return {
        user: 'cert_login',
        certFile: join(dir, 'client.crt'),
        key: await readFile(join(dir, 'client.key'), 'utf8'),
      };
    },
    async startStandby() {
      const standbyPort = await freePort();
      const env = ['env', `PGPASSWORD=${sup.password}`, 'PGSSLMODE=require'];
      const basebackup = [
        join(bin, 'pg_basebackup'),
        '-D',
        standby,
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
        '-U',
        sup.user,
        '-R',
        '-X',
        'stream',
        // An immediate checkpoint: the default spreads it, which takes the better part of
        // two minutes on a quiet cluster.
        '-c',
        'fast',
      ];
      await (owner
        ? run('runuser', ['-u', 'postgres', '--', ...env, ...basebackup])
        : run(env[0]!, [...env.slice(1), ...basebackup]));
      await as(join(bin, 'pg_ctl'), [
        '-D',
        standby,
        '-l',
        join(dir, 'standby.log'),
        '-o',
        optionsFor(standbyPort),
        '-w',
        '-t',
        '60',
        'start',
      ]);
      standbyRunning = true;
      return { port: standbyPort };
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      if (standbyRunning) {
        await as(join(bin, 'pg_ctl'), ['-D', standby, '-m', 'immediate', '-w', 'stop']).catch(
          () => undefined,
        );
      }
      await as(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(
        () => undefined,
      );
      await rm(dir, { recursive: true, force: true });
    },
  };
}
