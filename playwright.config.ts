import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a downloaded browser (`playwright install` is not used here).
const chromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export default defineConfig({
  // The node config carries the `@shared/*` path alias the main-process code uses.
  tsconfig: './tsconfig.node.json',
  outputDir: 'test-results',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [['list']],
  use: {
    headless: true,
    viewport: { width: 1366, height: 768 },
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    // The renderer through the test bridge, in Debian's Chromium.
    { name: 'renderer', testDir: 'tests/e2e' },
    // The real Electron app; skips (saying why) where the Electron binary is not installed.
    { name: 'electron', testDir: 'tests/electron' },
  ],
});
