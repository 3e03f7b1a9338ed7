// The underwriter's first journey as page steps, shared by the renderer spec (through the
// test bridge) and the Electron spec (the real app).
import { expect, type Page } from '@playwright/test';
import { API_ERRORS } from '../../../src/shared/api/error-codes';

export async function openSession(page: Page, sessionId: string): Promise<void> {
  await page.getByRole('button', { name: 'Session', exact: true }).click();
  await page.getByLabel('Session id').fill(sessionId);
  await page.getByRole('button', { name: 'Open session' }).click();
}

/** demo-processing: polls shown live, then the statuses of a completed session. */
export async function watchPolling(page: Page): Promise<void> {
  await openSession(page, 'demo-processing');
  const progress = page.getByRole('status', { name: 'Progress' });
  await expect(progress).toBeVisible();
  await expect(progress.getByText('Cancel')).toBeVisible();
  await expect
    .poll(async () => Number(await page.getByTestId('poll-count').textContent()))
    .toBeGreaterThan(0);
  await expect(progress).toBeHidden({ timeout: 60_000 });
  await expect(page.getByRole('region', { name: 'Statuses' })).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Statuses' }).getByText('completed').first(),
  ).toBeVisible();
}

export async function expectNotFound(page: Page): Promise<void> {
  await openSession(page, 'no-such-session-42');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('SESSION_NOT_FOUND');
  await expect(alert).toContainText(API_ERRORS.SESSION_NOT_FOUND.message);
}

/** Creates a profile on `baseUrl` with the given secrets and makes it active. */
export async function createProfile(
  page: Page,
  profile: { name: string; baseUrl: string; apiKey: string; serverHash: string },
): Promise<void> {
  await page.getByRole('button', { name: 'Connection', exact: true }).click();
  await page.getByRole('button', { name: 'New profile' }).click();
  const form = page.getByRole('form', { name: 'Profile' });
  await form.getByLabel('Name').fill(profile.name);
  await form.getByLabel('Base URL').fill(profile.baseUrl);
  await form.getByLabel('API key').fill(profile.apiKey);
  await form.getByLabel('Server hash').fill(profile.serverHash);
  await form.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByRole('heading', { name: profile.name })).toBeVisible();
  await page.getByRole('button', { name: 'Use this profile' }).click();
  await expect(page.getByLabel('Active profile')).toHaveValue(/.+/);
  await expect(page.getByText('Sandbox data')).toBeHidden();
}
