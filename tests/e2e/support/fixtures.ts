// Playwright fixture for renderer end-to-end tests through the test bridge.
//
//   import { test, expect } from './support/fixtures';
//   test('opens a demo session', async ({ app }) => {
//     await app.open();                       // loads the built renderer, bridge installed
//     await app.page.getByLabel('Session id').fill('demo-business');
//     ...
//     await app.screenshot('my-area-step');   // -> test-results/screenshots/my-area-step.png
//     expect(app.host.exchanges.some((x) => x.channel === 'session:fetch')).toBe(true);
//   });
//
// `app.host` is the TestHost (tests/e2e/support/host.ts): url, userDataDir, exportDir (the
// stubbed save dialog writes there), exchanges (every bridge call and JSON answer),
// shellCalls, setOpenFiles(paths) for the open dialog, setSaveCancelled(bool). Each test
// gets a fresh host with its own temporary user-data folder. Build first
// (`flock /tmp/build.lock npm run build`): the host serves out/renderer.
// To change a dependency (e.g. a `basic_text` safeStorage), use
//   test.use({ hostOptions: { deps: { safeStorage: fakeSafeStorage({ backend: 'basic_text' }) } } })
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { BRIDGE_EVENTS } from '../../../src/shared/ipc/api';
import { bridgeInitScript } from './bridge-client';
import { startTestHost, type HostOptions, type TestHost } from './host';

export { expect } from '@playwright/test';
export { fakeSafeStorage } from '../../fakes/safe-storage';

export const SCREENSHOTS = join(__dirname, '../../../test-results/screenshots');

export interface AppFixture {
  readonly page: Page;
  readonly host: TestHost;
  readonly userDataDir: string;
  /** Navigates to the app and waits until it has rendered its frame. */
  open(): Promise<void>;
  /** Full-page screenshot kept as an artifact under test-results/screenshots/. */
  screenshot(name: string): Promise<string>;
}

export const test = base.extend<{ app: AppFixture; hostOptions: HostOptions }>({
  hostOptions: [{}, { option: true }],
  app: async ({ page, hostOptions }, use) => {
    const host = await startTestHost(hostOptions);
    // summary:pdf prints the page with the options the app gives Electron's printToPDF
    // (main/ipc/memo-print.ts): Playwright names the page size `format`.
    host.setPrinter(({ pageSize, ...options }) => page.pdf({ ...options, format: pageSize }));
    await page.addInitScript(bridgeInitScript({ events: BRIDGE_EVENTS, dropFolder: host.dropDir }));
    const app: AppFixture = {
      page,
      host,
      userDataDir: host.userDataDir,
      async open() {
        await page.goto(host.url);
        await page.locator('[data-app-ready]').waitFor();
      },
      async screenshot(name) {
        await mkdir(SCREENSHOTS, { recursive: true });
        const path = join(SCREENSHOTS, `${name}.png`);
        await page.screenshot({ path, fullPage: true });
        return path;
      },
    };
    await use(app);
    await page.close();
    await host.close();
  },
});
