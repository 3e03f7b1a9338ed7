#!/usr/bin/env node
// Makes sure Electron's binary is installed before `npm start`, `npm run dev` and the
// installer builds. Since Electron 42 the `electron` package has no install script: the
// binary comes on first use, but electron-vite reads node_modules/electron/path.txt
// directly and never triggers that download. This step fills the gap with the electron
// package's own machinery: @electron/get downloads (so ELECTRON_MIRROR, ELECTRON_CUSTOM_DIR,
// electron_config_cache, electron_use_remote_checksums, ELECTRON_GET_USE_PROXY and the
// npm_config_electron_* settings all apply), then the package's install.js extracts and
// writes path.txt. Free when the binary is there; one line and exit 1 when it cannot be had.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const command = process.env.npm_lifecycle_event ? `npm ${npmCommand()}` : 'npm start';

function npmCommand() {
  const event = process.env.npm_lifecycle_event ?? 'start';
  return event === 'start' ? 'start' : `run ${event}`;
}

/** The one line a user sees when Electron cannot be had; then exit 1, no stack. */
function fail(line) {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  // @electron/get is an ES module that install.js require()s: Node 22.12 or newer only.
  fail(
    `Node ${process.versions.node} is too old for this project (Node 24 is required): ` +
      `run \`nvm use\` (or \`. scripts/use-node.sh\` on Linux), then run \`${command}\` again`,
  );
}

const req = createRequire(join(root, 'package.json'));
let pkgDir;
try {
  pkgDir = dirname(req.resolve('electron/package.json'));
} catch {
  fail(`The electron package is not installed: run \`npm install\`, then run \`${command}\` again`);
}
const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));

// The same choices install.js makes, so both name the same artifact (and cache entry).
const platform =
  process.env.ELECTRON_INSTALL_PLATFORM || process.env.npm_config_platform || process.platform;
const arch = process.env.ELECTRON_INSTALL_ARCH || process.env.npm_config_arch || process.arch;
const platformPath =
  {
    darwin: 'Electron.app/Contents/MacOS/Electron',
    mas: 'Electron.app/Contents/MacOS/Electron',
    win32: 'electron.exe',
  }[platform] ?? 'electron';

/** install.js's own test: the right version, path.txt naming this platform's binary, and the binary. */
function installed() {
  try {
    if (readFileSync(join(pkgDir, 'dist', 'version'), 'utf8').replace(/^v/, '') !== version) {
      return false;
    }
    if (readFileSync(join(pkgDir, 'path.txt'), 'utf8') !== platformPath) return false;
  } catch {
    return false;
  }
  const distPath = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(pkgDir, 'dist');
  return existsSync(join(distPath, platformPath));
}

if (installed()) process.exit(0);

const mirror =
  process.env.npm_config_electron_mirror ||
  process.env.NPM_CONFIG_ELECTRON_MIRROR ||
  process.env.ELECTRON_MIRROR;
const notInstalled = `Electron ${version} is not installed and could not be downloaded`;
const whatToDo = `connect to the internet or set ELECTRON_MIRROR, then run \`${command}\` again`;
process.stderr.write(
  `Downloading Electron ${version} for ${platform}-${arch} (about 110 MB, once) from ` +
    `${mirror ? mirror : "Electron's GitHub releases"}...\n`,
);
const started = Date.now();

try {
  const { downloadArtifact } = await import(
    pathToFileURL(createRequire(join(pkgDir, 'package.json')).resolve('@electron/get')).href
  );
  const remoteChecksums =
    process.env.electron_use_remote_checksums ||
    process.env.npm_config_electron_use_remote_checksums;
  await downloadArtifact({
    version,
    artifactName: 'electron',
    force: process.env.force_no_cache === 'true',
    cacheRoot: process.env.electron_config_cache,
    // The package's pinned checksums, or the release's SHASUMS256.txt when asked for.
    checksums: remoteChecksums ? undefined : req(join(pkgDir, 'checksums.json')),
    platform,
    arch,
  });
} catch (error) {
  fail(`${notInstalled} (${reason(error)}); ${whatToDo}`);
}

// install.js finds the archive in the cache, checks it again, extracts it and writes path.txt.
const stderr = await new Promise((resolve) => {
  const child = spawn(process.execPath, [join(pkgDir, 'install.js')], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, force_no_cache: 'false' },
  });
  let text = '';
  child.stderr.on('data', (chunk) => (text += chunk));
  child.on('close', (code) => resolve(code === 0 ? null : text));
});
if (stderr !== null || !installed()) {
  const first =
    (stderr ?? '').split('\n').find((l) => l.trim() !== '') ??
    'the archive did not hold the binary';
  fail(`${notInstalled} (${first.replace(/^\w*Error: /, '').trim()}); ${whatToDo}`);
}
const seconds = ((Date.now() - started) / 1000).toFixed(1);
process.stderr.write(
  `Electron ${version} installed in ${relative(root, join(pkgDir, 'dist')) || pkgDir} (${seconds} s)\n`,
);

/** A short, human reason: fetch's cause (refused, unknown host...) rather than "fetch failed". */
function reason(error) {
  const cause = error && typeof error === 'object' && 'cause' in error ? error.cause : null;
  const code = cause && typeof cause === 'object' && 'code' in cause ? String(cause.code) : null;
  const host =
    cause && typeof cause === 'object'
      ? (cause.hostname ?? (cause.address ? `${cause.address}:${cause.port}` : null))
      : null;
  const known = {
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'host not found (no DNS)',
    ETIMEDOUT: 'connection timed out',
    ECONNRESET: 'connection reset',
    ENETUNREACH: 'network unreachable',
    EHOSTUNREACH: 'host unreachable',
    UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  };
  if (code) return host ? `${known[code] ?? code}: ${host}` : (known[code] ?? code);
  const causeMessage = cause instanceof Error ? `: ${cause.message}` : '';
  const message = `${error instanceof Error ? error.message : String(error)}${causeMessage}`;
  return message.split('\n')[0].trim() || 'unknown error';
}
