#!/usr/bin/env node
// Draws build/icon.png (1024 x 1024, transparent corners) from build/icon.svg in Debian's
// Chromium. electron-builder makes the Windows .ico, the macOS .icns and the Linux sizes
// from this one PNG. Run it after editing the SVG: `node scripts/make-icon.mjs`.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const build = join(dirname(fileURLToPath(import.meta.url)), '..', 'build');
const svg = readFileSync(join(build, 'icon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: join(build, 'icon.png'), omitBackground: true });
} finally {
  await browser.close();
}
console.log(`wrote ${join(build, 'icon.png')}`);
