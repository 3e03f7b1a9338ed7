// Steps the report journeys share: open a session from a file through the library (no
// sandbox needed), walk the tabs, take light and dark screenshots, read the page's text.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { SCREENSHOTS, type AppFixture } from './support/fixtures';

export const REFERENCE_FIXTURE = join(
  __dirname,
  '../../src/sandbox/data/reference-subscribed-data.json',
);
export const REFERENCE_ID = 'fdf6fe90-c1a0-41f7-964f-bb2425975309';

export const TAB_NAMES = [
  'Overview',
  'Transactions',
  'EOD Balances',
  'Monthly',
  'Top Credits & Debits',
  'Fraud',
  'Predictors',
  'Salary',
  'More API data',
] as const;

/** Imports a response file with the library's Import… and opens it offline. */
export async function openFromFile(
  app: AppFixture,
  file: string,
  sessionId: string,
): Promise<void> {
  const { page, host } = app;
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  host.setOpenFiles([file]);
  await page.getByRole('button', { name: 'Import…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText(
    'Imported 1 file',
  );
  await page
    .locator(`tr[data-session="${sessionId}"]`)
    .getByRole('button', { name: 'Open' })
    .click();
  await expect(page.getByRole('region', { name: 'Report' })).toBeVisible();
}

export function tab(page: Page, name: string) {
  return page.getByRole('tablist', { name: 'Report sections' }).getByRole('tab', {
    name,
    exact: name !== 'Fraud',
  });
}

export async function selectTab(page: Page, name: string): Promise<void> {
  await tab(page, name).click();
  await expect(tab(page, name)).toHaveAttribute('aria-selected', 'true');
}

export function panel(page: Page) {
  return page.getByRole('tabpanel');
}

/** The report's visible text must never show a JavaScript placeholder for a missing value. */
export async function expectNoPlaceholders(page: Page): Promise<void> {
  const text = await page.getByRole('region', { name: 'Report' }).innerText();
  expect(text).not.toMatch(/\bundefined\b|\bNaN\b|\bnull\b|\[object Object\]|Infinity/);
}

/** Screenshots of every tab, light then dark, under test-results/screenshots/. */
export async function screenshotEveryTab(app: AppFixture, prefix: string): Promise<void> {
  const { page } = app;
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [i, name] of TAB_NAMES.entries()) {
      await selectTab(page, name);
      await expectNoPlaceholders(page);
      const slug = name.toLowerCase().replace(/[^a-z]+/g, '-');
      const file = `${prefix}-${scheme}-${String(i + 1).padStart(2, '0')}-${slug}`;
      // The table tabs fill the window (their height follows it): capture what a 1366x768
      // screen shows. The others are captured whole.
      if (name === 'Transactions' || name === 'Salary') {
        await mkdir(SCREENSHOTS, { recursive: true });
        await page.screenshot({ path: join(SCREENSHOTS, `${file}.png`) });
      } else await app.screenshot(file);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
