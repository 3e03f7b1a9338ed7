#!/usr/bin/env node
// What `npm test` needs besides npm's packages, checked before anything is built: each
// missing program is named with the package that brings it, and the run stops (exit 1).
import { accessSync, constants } from 'node:fs';
import { spawnSync } from 'node:child_process';

const onPath = (name) =>
  spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
const executable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const headless =
  process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const needs = [
  {
    what: `Chromium at ${chromium} (the app's screens are tested in it)`,
    found: executable(chromium),
    fix: process.env.CHROMIUM_PATH
      ? 'point CHROMIUM_PATH at a Chromium or Chrome binary'
      : 'sudo apt-get install chromium, or set CHROMIUM_PATH to a Chromium or Chrome binary',
  },
  {
    what: 'xvfb-run (a display for the real-Electron tests on a machine without one)',
    found: !headless || onPath('xvfb-run'),
    fix: 'sudo apt-get install xvfb xauth',
  },
  {
    what: 'zip (packs a stand-in Electron release)',
    found: onPath('zip'),
    fix: 'sudo apt-get install zip',
  },
  {
    what: 'pdftoppm (renders the PDF memo to look at)',
    found: onPath('pdftoppm'),
    fix: 'sudo apt-get install poppler-utils',
  },
];
const missing = needs.filter((n) => !n.found);
for (const n of missing) process.stderr.write(`npm test needs ${n.what}: ${n.fix}\n`);
process.exit(missing.length > 0 ? 1 : 0);
