// The underwriter's first journey as page steps, shared by the renderer spec (through the
// test bridge) and the Electron spec (the real app).
import { expect, type Page } from '@playwright/test';
import { API_ERRORS } from '../../../src/shared/api/error-codes';

export async function openSession(page: Page, sessionId: string): Promise<void> {
  await page.getByRole('button', { name: 'Session', exact: true }).click();
  await page.getByLabel('Session id').fill(sessionId);
  await page.getByRole('button', { name: 'Open session' }).click();
}

/** Opens a session by its id and waits for its report (a large sandbox session takes a while). */
export async function openReport(page: Page, sessionId: string): Promise<void> {
  await openSession(page, sessionId);
  await expect(page.getByRole('region', { name: 'Report' })).toBeVisible({ timeout: 60_000 });
}

/** Saves the open report to the library (once its actions are there). */
export async function saveReport(page: Page): Promise<void> {
  const actions = page.getByRole('group', { name: 'Session actions' });
  await expect(actions).toBeVisible({ timeout: 60_000 });
  await actions.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved to the library' })).toBeVisible();
}

/** Opens a saved session from the Library's list. */
export async function openFromLibrary(page: Page, sessionId: string): Promise<void> {
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await page
    .locator(`tr[data-session="${sessionId}"]`)
    .getByRole('button', { name: 'Open' })
    .click();
}

/**
 * demo-processing: polling progress (poll count, elapsed, Cancel) while it runs, then the
 * statuses of the completed session. The poll count also stays visible afterwards, so
 * the check does not depend on how fast the sandbox finishes.
 */
export async function watchPolling(page: Page): Promise<void> {
  await openSession(page, 'demo-processing');
  const progress = page.getByRole('status', { name: 'Progress' });
  const summary = page.getByTestId('poll-summary');
  await expect(progress.or(summary)).toBeVisible();
  if (await progress.isVisible()) {
    await expect(progress.getByRole('button', { name: 'Cancel' })).toBeVisible();
    await expect(progress).toContainText('Elapsed');
  }
  await expect(summary).toBeVisible({ timeout: 60_000 });
  await expect(summary).toContainText(/after [1-9]\d* polls/);
  // The session opens on its Summary: the statements and their statuses.
  const statements = page.getByRole('region', { name: 'Statements' });
  await expect(statements).toBeVisible();
  await expect(statements.getByText('completed').first()).toBeVisible();
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
