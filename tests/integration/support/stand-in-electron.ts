// A STAND-IN Electron release, not Electron: a zip named like Electron's Linux release
// whose `electron` is a shell script that records how it was launched, with the
// release's SHASUMS256.txt, served from 127.0.0.1 in the layout ELECTRON_MIRROR expects
// (`<mirror>v<version>/<file>`). It proves the download, install, launch and packaging
// scripts on a machine that cannot download Electron; it proves nothing about Electron.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';

export const STAND_IN_MARK = 'STAND-IN for Electron';

/** The launcher: logs $0, the working folder and every argument, one a line, then exits 0. */
const LAUNCHER = `#!/bin/sh
# ${STAND_IN_MARK}, made by tests/integration/support/stand-in-electron.ts. Not Electron.
echo "${STAND_IN_MARK} launched with: $*"
if [ -n "$STAND_IN_ELECTRON_LOG" ]; then
  { printf '%s\\n' "$0" "$PWD"; for a in "$@"; do printf '%s\\n' "$a"; done; } > "$STAND_IN_ELECTRON_LOG"
fi
exit 0
`;

export interface StandInRelease {
  readonly mirror: string;
  readonly zipName: string;
  /** Request paths served (or refused), in order. */
  readonly requests: string[];
  /** Replace the served SHASUMS256.txt (for the mismatch case). */
  setShasums(text: string): void;
  readonly shasums: string;
  close(): Promise<void>;
}

/** Builds the archive with Debian's `zip` (keeps the launcher's exec bit) and serves it. */
export async function serveStandInRelease(
  workDir: string,
  version: string,
): Promise<StandInRelease> {
  const zipName = `electron-v${version}-linux-x64.zip`;
  const contents = join(workDir, 'contents');
  mkdirSync(contents, { recursive: true });
  writeFileSync(join(contents, 'electron'), LAUNCHER);
  chmodSync(join(contents, 'electron'), 0o755);
  writeFileSync(join(contents, 'version'), version);
  writeFileSync(join(contents, 'LICENSE'), `${STAND_IN_MARK}: no licence text, no Electron.\n`);
  const zipPath = join(workDir, zipName);
  execFileSync('zip', ['-q', '-X', zipPath, 'electron', 'version', 'LICENSE'], { cwd: contents });
  const zip = readFileSync(zipPath);
  const realShasums = `${createHash('sha256').update(zip).digest('hex')} *${zipName}\n`;
  let shasums = realShasums;

  const requests: string[] = [];
  const files = new Map<string, () => Buffer>([
    [`/v${version}/${zipName}`, () => zip],
    [`/v${version}/SHASUMS256.txt`, () => Buffer.from(shasums)],
  ]);
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(path);
    const body = files.get(path)?.();
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': body.length,
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    mirror: `http://127.0.0.1:${address.port}/`,
    zipName,
    requests,
    shasums: realShasums,
    setShasums: (text) => (shasums = text),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A loopback port nothing listens on: a mirror that refuses connections. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}
