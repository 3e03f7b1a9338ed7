// The saved-session library in Chromium, through the test bridge to the same handlers the
// app registers: fetch, save, stop the sandbox, open offline; import, search, export, delete.
import type { Stats } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { ClientFactory, SandboxServer, SandboxStarter } from '../../src/core/deps';
import { startSandbox } from '../../src/core/integrations';
import { decodeSessionFile } from '../../src/core/library/format';
import { expect, test, type AppFixture } from './support/fixtures';
import { fakeClientFactory } from '../fakes/bankconnect-client';
import { openSession, saveReport } from './support/journey';

const FIXTURE = join(__dirname, '../../src/sandbox/data/reference-subscribed-data.json');
const REFERENCE_ID = 'fdf6fe90-c1a0-41f7-964f-bb2425975309';

/** The report's text without the banner, form and notices: what must match offline. */
function reportText(page: Page): Promise<string> {
  // Typed loosely: this file compiles under the Node config but the callback runs in the page.
  type Node = { remove(): void };
  type Element = {
    cloneNode(deep: boolean): Element;
    querySelectorAll(selector: string): { forEach(each: (node: Node) => void): void };
    textContent: string | null;
  };
  return page.locator('main').evaluate((main) => {
    const copy = (main as unknown as Element).cloneNode(true);
    copy.querySelectorAll('form, [role="note"], [role="status"]').forEach((n) => n.remove());
    return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
  });
}

// Lets the test stop the sandbox server the handlers started ("the network goes away").
const servers: SandboxServer[] = [];
const trackedSandbox: SandboxStarter = async (credentials) => {
  const server = await startSandbox(credentials);
  servers.push(server);
  return server;
};

/** Fetch a session, save it, cut the network, open it from the library: same figures. */
async function saveThenOpenOffline(
  app: AppFixture,
  cutNetwork: () => Promise<void>,
  shot: string,
  sessionId = 'demo-business',
  afterSave: () => Promise<void> = () => Promise.resolve(),
): Promise<void> {
  const { page } = app;
  await app.open();
  await openSession(page, sessionId);
  const actions = page.getByRole('group', { name: 'Session actions' });
  await expect(actions).toBeVisible({ timeout: 60_000 });
  const liveText = await reportText(page);
  expect(liveText).toMatch(/\d/); // a report with figures, not an empty page
  await saveReport(page);
  await afterSave();

  await cutNetwork();
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  const row = page.locator(`tr[data-session="${sessionId}"]`);
  await row.getByRole('button', { name: 'Open' }).click();
  const banner = page.getByRole('note', { name: 'Saved session' });
  await expect(banner).toContainText('Offline');
  await expect(banner.getByTestId('snapshot-date')).toHaveText(
    /^\d{2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/,
  );
  expect(await reportText(page)).toBe(liveText);
  await app.screenshot(shot);
  // Nothing reached the network while opening from the library.
  const calls = app.host.exchanges.map((x) => x.channel);
  expect(calls.slice(calls.lastIndexOf('library:list'))).not.toContain('session:fetch');
}

test.describe('the sandbox journey', () => {
  test.use({ hostOptions: { deps: { startSandbox: trackedSandbox } } });

  test('fetch demo-business, save, stop the sandbox, open offline: same figures', async ({
    app,
  }) => {
    await saveThenOpenOffline(
      app,
      async () => {
        for (const server of servers.splice(0)) await server.close();
      },
      'library-01-demo-business-offline',
    );
  });
});

test.describe('a large session, with views kept for this build', () => {
  test.use({ hostOptions: { deps: { startSandbox: trackedSandbox, buildFingerprint: 'e2e' } } });

  test('fetch demo-large-20000, save, stop the sandbox, open its kept view: same figures', async ({
    app,
  }) => {
    const dir = join(app.host.userDataDir, 'view-cache');
    let kept: Stats | null = null;
    await saveThenOpenOffline(
      app,
      async () => {
        for (const server of servers.splice(0)) await server.close();
      },
      'library-01c-large-kept-view',
      'demo-large-20000',
      async () => {
        // The view is kept beside the save, once the answer has gone.
        await expect
          .poll(async () =>
            (await readdir(dir).catch(() => [])).filter((n) => /^\w.*\.view$/.test(n)),
          )
          .toHaveLength(1);
        const [name] = (await readdir(dir)).filter((n) => /^\w.*\.view$/.test(n));
        kept = await stat(join(dir, name!));
      },
    );
    // The open read the kept view: a full open would have kept a new file in its place.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const names = (await readdir(dir)).filter((n) => /^\w.*\.view$/.test(n));
    const after = await stat(join(dir, names[0]!));
    expect([names.length, after.ino, after.mtimeMs]).toEqual([1, kept!.ino, kept!.mtimeMs]);
  });
});

test.describe('the same journey on a BankConnect double (runs without the sandbox)', () => {
  let online = true;
  const double = fakeClientFactory();
  const client: ClientFactory = (connection) => {
    const real = double.factory(connection);
    const guard = <T>(work: () => Promise<T>): Promise<T> =>
      online
        ? work()
        : Promise.reject(
            Object.assign(new Error('The network is unreachable'), { code: 'NETWORK_ERROR' }),
          );
    return {
      host: real.host,
      sessionStatus: (id, signal) => guard(() => real.sessionStatus(id, signal)),
      subscribedData: (id, signal) => guard(() => real.subscribedData(id, signal)),
      data: (id, endpoint, signal) => guard(() => real.data(id, endpoint, signal)),
      progress: (id, signal) => guard(() => real.progress(id, signal)),
      waitForCompletion: (id, options) => guard(() => real.waitForCompletion(id, options)),
    };
  };
  test.use({
    hostOptions: {
      deps: {
        createClient: client,
        startSandbox: () =>
          Promise.resolve({ url: 'http://127.0.0.1:9', close: () => Promise.resolve() }),
      },
    },
  });

  test('fetch, save, network gone, open offline: same figures', async ({ app }) => {
    online = true;
    await saveThenOpenOffline(
      app,
      () => {
        online = false;
        return Promise.resolve();
      },
      'library-01b-double-offline',
    );
  });
});

test('import by dialog, search, open offline, export, delete with confirmation', async ({
  app,
}) => {
  const { page, host } = app;
  await app.open();
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await expect(page.getByText('No saved sessions yet')).toBeVisible();

  host.setOpenFiles([FIXTURE]);
  await page.getByRole('button', { name: 'Import…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toHaveText(
    'Imported 1 file',
  );
  const row = page.locator(`tr[data-session="${REFERENCE_ID}"]`);
  await expect(row).toContainText('R K ENTERPRISES, MR. LEELA SANKAR PRASAD ASURU');
  await expect(row).toContainText('central, hdfc');
  await expect(row).toContainText('Oct 2023 to Apr 2024 (7 months)');

  const search = page.getByLabel('Search saved sessions');
  await search.fill('0000');
  await expect(row).toBeHidden();
  await search.fill('3559');
  await expect(row).toBeVisible();
  await app.screenshot('library-02-list');

  await row.getByRole('button', { name: 'Open' }).click();
  const banner = page.getByRole('note', { name: 'Saved session' });
  await expect(banner).toContainText('Offline');
  await expect(banner).toContainText('Imported snapshot, the file says of');
  await expect(banner).toContainText('imported on');
  // The figures from the saved data: the first account open, the second in the switcher.
  // Account numbers are masked until revealed.
  await expect(page.locator('main')).toContainText('XXXXXX0344');
  await expect(page.locator('main')).toContainText('R K ENTERPRISES');
  await expect(page.locator('main')).toContainText('MR. LEELA SANKAR PRASAD ASURU');
  await app.screenshot('library-03-opened-offline');

  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Recently opened' })).toContainText(
    REFERENCE_ID,
  );
  await row.getByRole('button', { name: 'Export…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Exported to' })).toBeVisible();
  const exported = host.exchanges.filter((x) => x.channel === 'library:export').at(-1)!;
  const path = (JSON.parse(exported.response) as { result: { path: string } }).result.path;
  const decoded = await decodeSessionFile(await readFile(path));
  expect(decoded.subscribedData).toEqual(JSON.parse(await readFile(FIXTURE, 'utf8')));

  await row.getByRole('button', { name: 'Delete…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Confirm delete' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: 'Delete…' }).click();
  await dialog.getByRole('button', { name: 'Move to trash' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Moved 1 snapshot' })).toBeVisible();
  await expect(row).toBeHidden();
  expect(host.shellCalls.map((c) => c.action)).toEqual(['trash']);
});

test('files dropped on the window are imported; a bad one is reported by name', async ({ app }) => {
  const { page } = app;
  await app.open();
  // Dropped files cross as their paths: main reads them from the disk.
  await writeFile(join(app.host.dropDir, 'fetched.json'), await readFile(FIXTURE));
  await writeFile(join(app.host.dropDir, 'broken.bcsession'), 'not gzip');
  const transfer = await page.evaluateHandle(() => {
    const page = globalThis as unknown as {
      DataTransfer: new () => { items: { add(file: unknown): void } };
      File: new (parts: string[], name: string, options?: { type: string }) => unknown;
    };
    const data = new page.DataTransfer();
    data.items.add(new page.File(['{}'], 'fetched.json', { type: 'application/json' }));
    data.items.add(new page.File([''], 'broken.bcsession'));
    return data;
  });
  await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText(
    'Imported 1 file; 1 could not be imported',
  );
  await expect(page.getByRole('list', { name: 'Import problems' })).toContainText(
    'broken.bcsession: not a .bcsession file',
  );
  await expect(page.locator(`tr[data-session="${REFERENCE_ID}"]`)).toBeVisible();
});
