// `npm start`, `npm run dist:dir` and tests/electron against a STAND-IN Electron release
// (tests/integration/support/stand-in-electron.ts: a script that logs its arguments, not
// Electron) served from 127.0.0.1 as ELECTRON_MIRROR, in a throwaway copy of the project.
// This proves the scripts, the packaging and the launch path on a machine that cannot
// download Electron; it proves nothing about Electron itself. No internet is used.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { extractAll, listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject } from './support/project-copy';
import {
  closedPort,
  serveStandInRelease,
  STAND_IN_MARK,
  type StandInRelease,
} from './support/stand-in-electron';

const root = resolve(__dirname, '../..');
const electronVersion = (
  JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as {
    version: string;
  }
).version;
const STEP_TIMEOUT = 240_000;

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

let copy: string;
let work: string;
let release: StandInRelease;
const launchLog = (): string => join(work, 'launch.log');

/** The user's environment, without the npm and Electron settings of the run around us. */
function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(npm_|electron_|ELECTRON_)/i.test(k) || k === 'INIT_CWD') continue;
    clean[k] = v;
  }
  // The same Node as this run (24): npm and its scripts run on it.
  clean['PATH'] = `${dirname(process.execPath)}${delimiter}${process.env['PATH'] ?? ''}`;
  clean['ELECTRON_GET_NO_PROGRESS'] = '1';
  return { ...clean, electron_config_cache: join(work, 'electron-cache'), ...extra };
}

function run(command: string, args: string[], extra: Record<string, string> = {}): Promise<Run> {
  const started = Date.now();
  return new Promise((done, fail) => {
    const child = spawn(command, args, {
      cwd: copy,
      env: env(extra),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr, ms: Date.now() - started }));
  });
}

const mirror = (): Record<string, string> => ({
  ELECTRON_MIRROR: release.mirror,
  electron_use_remote_checksums: '1',
});
const stderrLines = (r: Run): string[] => r.stderr.split('\n').filter((l) => l.trim() !== '');
const electronDir = (): string => join(copy, 'node_modules/electron');

describe('with a stand-in Electron release served from 127.0.0.1', () => {
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'bcv-stand-in-release-'));
    copy = copyProject(root, 'bcv-stand-in-project-');
    release = await serveStandInRelease(work, electronVersion);
  });

  afterAll(async () => {
    await release?.close();
    for (const dir of [copy, work]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('an unreachable mirror: one line saying what failed and what to do, exit 1, no stack', async () => {
    const port = await closedPort();
    const r = await run('npm', ['start'], {
      ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
      electron_use_remote_checksums: '1',
    });
    expect(r.code).toBe(1);
    const failure = `Electron ${electronVersion} is not installed and could not be downloaded (connection refused: 127.0.0.1:${port}); connect to the internet or set ELECTRON_MIRROR, then run \`npm start\` again`;
    expect(stderrLines(r)).toEqual([
      `Downloading Electron ${electronVersion} for linux-x64 (about 110 MB, once) from http://127.0.0.1:${port}/...`,
      failure,
    ]);
    expect(r.stdout + r.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(join(electronDir(), 'path.txt'))).toBe(false);
  });

  it('a SHASUMS256.txt that does not match: refused the same way, nothing installed', async () => {
    release.setShasums(`${'0'.repeat(64)} *${release.zipName}\n`);
    try {
      const r = await run('node', ['scripts/ensure-electron.mjs'], mirror());
      expect(r.code).toBe(1);
      expect(stderrLines(r)[1]).toMatch(
        new RegExp(
          `^Electron ${electronVersion.replace(/\./g, '\\.')} is not installed and could not be downloaded \\(.*checksum.*\\); connect to the internet`,
        ),
      );
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(existsSync(join(electronDir(), 'path.txt'))).toBe(false);
    } finally {
      release.setShasums(release.shasums);
    }
  });

  it(
    'npm start downloads the stand-in (checked against the remote SHASUMS256.txt) and launches it on the main bundle',
    async () => {
      const before = release.requests.length;
      const r = await run('npm', ['start'], { ...mirror(), STAND_IN_ELECTRON_LOG: launchLog() });
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(r.code).toBe(0);
      expect(release.requests.slice(before)).toEqual(
        expect.arrayContaining([
          `/v${electronVersion}/${release.zipName}`,
          `/v${electronVersion}/SHASUMS256.txt`,
        ]),
      );
      expect(r.stderr).toMatch(
        new RegExp(
          `Electron ${electronVersion.replace(/\./g, '\\.')} installed in node_modules/electron/dist \\(\\d+\\.\\d s\\)`,
        ),
      );
      expect(readFileSync(join(electronDir(), 'path.txt'), 'utf8')).toBe('electron');
      expect(r.stdout).toContain(`${STAND_IN_MARK} launched with:`);

      const [binary, cwd, ...args] = readFileSync(launchLog(), 'utf8').trimEnd().split('\n');
      expect(binary).toBe(join(electronDir(), 'dist/electron'));
      expect(args[0]).toBeDefined();
      const appDir = resolve(cwd!, args[0]!);
      const main = (
        JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')) as { main: string }
      ).main;
      expect(resolve(appDir, main)).toBe(join(copy, 'out/main/index.js'));
      // electron-vite built the bundle it launched, in this copy.
      expect(statSync(join(copy, 'out/main/index.js')).size).toBeGreaterThan(10_000);
      console.log(`stand-in: npm start (download + install + build + launch) ${r.ms} ms`);
    },
    STEP_TIMEOUT,
  );

  it('once installed, the pre-step is free: no request, no output', async () => {
    const before = release.requests.length;
    const r = await run('node', ['scripts/ensure-electron.mjs'], mirror());
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(release.requests.length).toBe(before);
  });

  it(
    'tests/electron skips (does not fail) when the installed binary is a stand-in',
    async () => {
      const r = await run('npx', ['playwright', 'test', '--project', 'electron']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Electron spec skipped: .*not a real Electron/);
      expect(r.stdout).toMatch(/\b1 skipped\b/);
      expect(r.stdout).not.toMatch(/\bpassed\b|\bfailed\b/);
    },
    STEP_TIMEOUT,
  );

  it(
    'npm run dist:dir packages the app with it: app.asar holds out/, package.json and production dependencies only',
    async () => {
      const r = await run('npm', ['run', 'dist:dir'], mirror());
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(r.code).toBe(0);
      const unpacked = join(copy, 'dist/linux-unpacked');
      // The stand-in, renamed to the app's executable by electron-builder.
      expect(readFileSync(join(unpacked, 'bankconnect-viewer'), 'utf8')).toContain(STAND_IN_MARK);
      const asarPath = join(unpacked, 'resources/app.asar');
      const files = listPackage(asarPath, { isPack: false }).map((f) =>
        f.replace(/\\/g, '/').replace(/^\//, ''),
      );

      const outside = files.filter(
        (f) =>
          !/^(out|out\/(main|preload|renderer)(\/.*)?|package\.json|node_modules(\/.*)?)$/.test(f),
      );
      expect(outside).toEqual([]);
      for (const part of ['out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html']) {
        expect(files).toContain(part);
      }
      for (const gone of ['src', 'tests', 'bench', '.ci', 'scripts', 'build', 'out/cli']) {
        expect(files.some((f) => f === gone || f.startsWith(`${gone}/`))).toBe(false);
      }

      // Packages inside = exactly the production dependency tree (npm's own view of it).
      const packed = new Set(
        files
          .map((f) => /^(?:.*\/)?node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(f)?.[1])
          // a scope folder alone (`node_modules/@types`) is not a package
          .filter((n): n is string => !!n && !n.startsWith('.') && !/^@[^/]+$/.test(n)),
      );
      const prodTree = await run('npm', ['ls', '--omit=dev', '--all', '--parseable']);
      const production = new Set(
        prodTree.stdout
          .split('\n')
          .map((p) => /node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(p.replace(/\\/g, '/'))?.[1])
          .filter((n): n is string => !!n),
      );
      expect([...packed].filter((n) => !production.has(n))).toEqual([]);
      expect([...production].filter((n) => !packed.has(n))).toEqual([]);
      for (const dev of ['electron', 'electron-vite', 'vite', 'svelte', 'vitest', 'typescript']) {
        expect(packed.has(dev)).toBe(false);
      }

      // Every module the main bundle requires resolves inside the archive (Node's own
      // resolution, from an extracted copy with no node_modules above it), and loads.
      const extracted = mkdtempSync(join(tmpdir(), 'bcv-asar-'));
      try {
        extractAll(asarPath, extracted);
        const mainDir = join(extracted, 'out/main');
        const bundle = join(mainDir, 'index.js');
        // Loaded at start (require) or on first use (import(), as exceljs is), by the bundle
        // or by a chunk of it split off for first use (pg's, for the team library).
        const chunks = readdirSync(mainDir).filter((f) => f.endsWith('.js'));
        const required = chunks.flatMap((chunk) =>
          [
            ...readFileSync(join(mainDir, chunk), 'utf8').matchAll(
              /\b(?:require|import)\(["']([^"']+)["']\)/g,
            ),
          ].map((m) => m[1]!),
        );
        const relative = [...new Set(required)].filter((m) => m.startsWith('./'));
        for (const chunk of relative) expect(existsSync(join(mainDir, chunk))).toBe(true);
        const external = [...new Set(required)].filter(
          (m) => !m.startsWith('node:') && !isBuiltin(m) && !m.startsWith('./') && m !== 'electron',
        );
        // Exactly the production dependencies: none missing, none shipped unused.
        const { dependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
          dependencies: Record<string, string>;
        };
        expect(external.sort()).toEqual(Object.keys(dependencies).sort());
        const fromBundle = createRequire(bundle);
        for (const name of external) {
          expect(fromBundle.resolve(name).startsWith(extracted)).toBe(true);
          expect(fromBundle(name)).toBeTruthy();
        }
        const mb = (statSync(asarPath).size / 1024 / 1024).toFixed(1);
        console.log(
          `stand-in: npm run dist:dir ${r.ms} ms; app.asar ${mb} MB, ${files.length} entries, ${packed.size} packages`,
        );
      } finally {
        rmSync(extracted, { recursive: true, force: true });
      }
    },
    STEP_TIMEOUT,
  );
});
