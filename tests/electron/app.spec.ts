// The same first journey in the real Electron app (built main, preload and renderer),
// launched with Playwright's _electron. Runs only where the Electron binary is installed;
// elsewhere it skips and says why.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { expectNotFound, openSession, watchPolling } from '../e2e/support/journey';

const root = join(__dirname, '../..');

/** Why Electron cannot run here, or null when its binary is installed. */
function missingBinary(): string | null {
  let pkg: string;
  try {
    pkg = dirname(require.resolve('electron/package.json', { paths: [root] }));
  } catch {
    return 'the electron package is not installed';
  }
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) {
    return `${pathFile} is missing (installed with ELECTRON_SKIP_BINARY_DOWNLOAD; the binary could not be downloaded)`;
  }
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? null : `${binary} does not exist`;
}

const reason = missingBinary();
if (reason) console.log(`Electron spec skipped: Electron binary not installed: ${reason}`);

test.describe('Electron app', () => {
  test.skip(reason !== null, `Electron binary not installed: ${reason ?? ''}`);

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
