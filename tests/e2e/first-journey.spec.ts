// The underwriter's first journey in Chromium, through the test bridge to the same
// createHandlers the app registers, against the built-in sandbox server.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { API_ERRORS } from '../../src/shared/api/error-codes';
import type { IpcEnvelope, LoadedSession, ProfileSummary } from '../../src/shared/ipc/contract';
import { expect, fakeSafeStorage, test } from './support/fixtures';
import { createProfile, expectNotFound, openSession, watchPolling } from './support/journey';

test('sandbox: polling, statuses, every error message, not found', async ({ app }) => {
  const { page } = app;
  await app.open();
  await expect(page.getByText('Sandbox data')).toBeVisible();
  await app.screenshot('journey-01-start');

  await watchPolling(page);
  await app.screenshot('journey-02-processing-done');

  await openSession(page, 'demo-failed');
  const statuses = page.getByRole('region', { name: 'Statuses' });
  await expect(statuses.getByText('failed').first()).toBeVisible();
  // Every account and statement code the session reports shows its message.
  const fetched = app.host.exchanges.filter((x) => x.channel === 'session:fetch').at(-1)!;
  // The transactions crossed packed as columns, as the app's IPC sends them: the answer
  // came as a frame, its header naming the typed arrays sent after it (bridge-frame.ts).
  expect(fetched.response).toContain('"type":"Float64Array"');
  const loaded = (JSON.parse(fetched.response) as { value: IpcEnvelope<LoadedSession> }).value as {
    ok: true;
    result: LoadedSession;
  };
  const coded = loaded.result.view
    .status!.accounts.flatMap((a) => [a, ...a.statements])
    .filter((x) => x.errorCode);
  expect(coded.length).toBeGreaterThan(1);
  for (const item of coded) {
    await expect(statuses.getByText(item.message!, { exact: false }).first()).toBeVisible();
    await expect(statuses.locator('code', { hasText: item.errorCode! }).first()).toBeVisible();
  }
  await app.screenshot('journey-03-failed-statuses');

  await expectNotFound(page);
  await app.screenshot('journey-04-not-found');
});

test('user profile with wrong credentials: ACCESS_DENIED, and the secret appears nowhere', async ({
  app,
}) => {
  const { page } = app;
  await app.open();
  const list = (await app.host.handlers.handle('profiles:list', {}, { emit: () => undefined })) as {
    ok: true;
    result: { profiles: ProfileSummary[] };
  };
  const sandboxUrl = list.result.profiles.find((p) => p.sandbox)!.baseUrl;
  const apiKey = 'wrong_key_SECRET_7f3a9c2e';
  const serverHash = 'wrong_hash_SECRET_0b1d4e6f';
  await createProfile(page, { name: 'Wrong creds', baseUrl: sandboxUrl, apiKey, serverHash });
  await expect(page.getByText(`ends in ••••${apiKey.slice(-4)}`)).toBeVisible();

  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'credentials not accepted' }),
  ).toBeVisible();
  await app.screenshot('journey-05-test-connection-denied');

  await openSession(page, 'demo-business');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('ACCESS_DENIED');
  await expect(alert).toContainText(API_ERRORS.ACCESS_DENIED.message);
  await app.screenshot('journey-06-access-denied');

  const html = await page.content();
  const inputs = await page
    .locator('input')
    .evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value));
  for (const secret of [apiKey, serverHash]) {
    expect(html).not.toContain(secret);
    expect(inputs.join('\n')).not.toContain(secret);
    // Every answer the renderer got, including the answer to the save itself.
    for (const x of app.host.exchanges) expect(x.response).not.toContain(secret);
  }
});

test.describe('without a real secret store (basic_text)', () => {
  test.use({ hostOptions: { deps: { safeStorage: fakeSafeStorage({ backend: 'basic_text' }) } } });

  test('the app says so and keeps secrets for this session until the user agrees', async ({
    app,
  }) => {
    const { page } = app;
    await app.open();
    await page.getByRole('button', { name: 'Connection', exact: true }).click();
    const notice = page.getByRole('region', { name: 'Secret storage' });
    await expect(notice).toContainText('no protected secret store (basic_text)');
    await page.getByRole('button', { name: 'New profile' }).click();
    const form = page.getByRole('form', { name: 'Profile' });
    await form.getByLabel('Name').fill('Memory only');
    await form.getByLabel('API key').fill('memory_only_key_1234ABCD');
    await form.getByRole('button', { name: 'Create profile' }).click();
    await expect(page.getByText('set, ends in ••••ABCD (this session only)')).toBeVisible();
    await app.screenshot('vault-01-basic-text');
    expect(await readFile(join(app.userDataDir, 'vault.json'), 'utf8')).not.toContain('profile:');

    await notice.getByRole('button', { name: 'Keep secrets on disk anyway' }).click();
    await expect(page.getByText('set, ends in ••••ABCD', { exact: true })).toBeVisible();
    const onDisk = await readFile(join(app.userDataDir, 'vault.json'), 'utf8');
    expect(onDisk).toContain('profile:');
    expect(onDisk).not.toContain('memory_only_key_1234ABCD');
  });
});
