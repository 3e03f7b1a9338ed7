#!/usr/bin/env node
// Runs a command with a display: as it is where there is one (a desktop, macOS, Windows),
// under `xvfb-run -a` on Linux without one (CI), so the real-Electron tests can open a window.
import { spawnSync } from 'node:child_process';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  process.stderr.write('usage: node scripts/with-display.mjs <command> [args...]\n');
  process.exit(2);
}
const headless =
  process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const hasXvfb =
  headless && spawnSync('sh', ['-c', 'command -v xvfb-run'], { stdio: 'ignore' }).status === 0;
if (headless && !hasXvfb) {
  process.stderr.write(
    'No display and no xvfb-run: Electron windows cannot open (apt-get install xvfb)\n',
  );
}
const run = hasXvfb
  ? spawnSync('xvfb-run', ['-a', '-s', '-screen 0 1920x1080x24', command, ...args], {
      stdio: 'inherit',
    })
  : spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
if (run.error) {
  process.stderr.write(`${command}: ${run.error.message}\n`);
  process.exit(1);
}
process.exit(run.status ?? 1);
