// The same first journey in the real Electron app (built main, preload and renderer),
// launched with Playwright's _electron. Runs only where a real Electron binary is
// installed (under xvfb-run where there is no display: `npm test` and `npm run test:e2e`
// see to it); elsewhere, and for a stand-in binary, it skips and says why.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { expectNotFound, openSession, watchPolling } from '../e2e/support/journey';

const root = join(__dirname, '../..');

/** Why Electron cannot run here, or null when a real Electron binary is installed. */
function missingBinary(): string | null {
  let pkg: string;
  try {
    pkg = dirname(require.resolve('electron/package.json', { paths: [root] }));
  } catch {
    return 'the electron package is not installed';
  }
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) {
    return `${pathFile} is missing (npm start downloads it; it could not be downloaded here)`;
  }
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return `${binary} does not exist`;
  // A real Electron, run as Node, reports its own version; a stand-in (a script, as the
  // stand-in release test installs) does not.
  const { version } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as {
    version: string;
  };
  const probe = spawnSync(
    binary,
    ['-e', 'process.stdout.write(String(process.versions.electron))'],
    {
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  return probe.stdout === version
    ? null
    : `${binary} is not a real Electron: run as Node it did not report version ${version} (a stand-in?)`;
}

const reason = missingBinary();
if (reason) console.log(`Electron spec skipped: no real Electron binary: ${reason}`);

test.describe('Electron app', () => {
  test.skip(reason !== null, `No real Electron binary: ${reason ?? ''}`);

  let app: ElectronApplication;
  let userData: string;

  test.beforeAll(async () => {
    userData = await mkdtemp(join(tmpdir(), 'bcv-electron-'));
    app = await electron.launch({
      args: [root, `--user-data-dir=${userData}`],
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production' },
    });
  });

  test.afterAll(async () => {
    await app?.close();
    await rm(userData, { recursive: true, force: true });
  });

  test('hardened window, sandbox journey', async () => {
    const page = await app.firstWindow();
    await page.locator('[data-app-ready]').waitFor();
    // The preload exposes named functions only; no Node in the page.
    const surface = await page.evaluate(() => ({
      methods: Object.keys((globalThis as unknown as { bankconnect: object }).bankconnect),
      node: typeof (globalThis as unknown as { process?: unknown }).process,
      require: typeof (globalThis as unknown as { require?: unknown }).require,
    }));
    expect(surface.methods).toContain('fetchSession');
    expect(surface.node).toBe('undefined');
    expect(surface.require).toBe('undefined');
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const w = BrowserWindow.getAllWindows()[0]!;
      return { visible: w.isVisible(), devTools: w.webContents.isDevToolsOpened() };
    });
    expect(prefs.visible).toBe(true);

    await expect(page.getByText('Sandbox data')).toBeVisible();
    await watchPolling(page);
    await openSession(page, 'demo-failed');
    await expect(
      page.getByRole('region', { name: 'Statuses' }).getByText('failed').first(),
    ).toBeVisible();
    await expectNotFound(page);
    await page.screenshot({ path: join(root, 'test-results/screenshots/electron-journey.png') });
  });
});
