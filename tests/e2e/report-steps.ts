// Steps the report journeys share: open a session from a file through the library (no
// sandbox needed), walk the sections and their views, take light and dark screenshots, read the page's text.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { SCREENSHOTS, type AppFixture } from './support/fixtures';
import { ANALYSES, ANALYSIS_NAMES, FINBOX, FINBOX_NAMES } from './support/report-names';

export {
  ANALYSES,
  ANALYSIS_NAMES,
  FINBOX,
  FINBOX_NAMES,
  SECTION_NAMES,
} from './support/report-names';

export const REFERENCE_FIXTURE = join(
  __dirname,
  '../../src/sandbox/data/reference-subscribed-data.json',
);
export const REFERENCE_ID = 'fdf6fe90-c1a0-41f7-964f-bb2425975309';

/** Every screen of an account's report after the Summary: [section, view in it]. */
export const EVERY_VIEW: readonly (readonly [string, string | null])[] = [
  ['Transactions', null],
  ...ANALYSIS_NAMES.map((v) => [ANALYSES, v] as const),
  ['Fraud', null],
  ...FINBOX_NAMES.map((v) => [FINBOX, v] as const),
];

/** Every screen of an account's report, the Summary and the Review included. */
export const EVERY_SCREEN: readonly (readonly [string, string | null])[] = [
  ['Summary', null],
  ...EVERY_VIEW,
  ['Review', null],
];

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

/** A section's sub-navigation tab (Analyses and FinBox's data have one). */
export function subTab(page: Page, section: string, name: string) {
  return page.getByRole('tablist', { name: section, exact: true }).getByRole('tab', {
    name,
    exact: true,
  });
}

/** Opens a section's view: Analyses > Obligations is `selectView(page, ANALYSES, 'Obligations')`. */
export async function selectView(page: Page, section: string, name: string): Promise<void> {
  await selectTab(page, section);
  await subTab(page, section, name).click();
  await expect(subTab(page, section, name)).toHaveAttribute('aria-selected', 'true');
}

/** Opens a screen of EVERY_VIEW. */
export async function selectEntry(
  page: Page,
  [section, view]: readonly [string, string | null],
): Promise<void> {
  if (view === null) await selectTab(page, section);
  else await selectView(page, section, view);
}

/** The section's panel (with the view's own panel inside, when the section has views). */
export function panel(page: Page) {
  return page.locator('#report-panel');
}

/** The report's visible text must never show a JavaScript placeholder for a missing value. */
export async function expectNoPlaceholders(page: Page): Promise<void> {
  const text = await page.getByRole('region', { name: 'Report' }).innerText();
  expect(text).not.toMatch(/\bundefined\b|\bNaN\b|\bnull\b|\[object Object\]|Infinity/);
}

/** Screenshots of every view, light then dark, under test-results/screenshots/. */
export async function screenshotEveryTab(app: AppFixture, prefix: string): Promise<void> {
  const { page } = app;
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [i, entry] of EVERY_VIEW.entries()) {
      await selectEntry(page, entry);
      await expectNoPlaceholders(page);
      const name = entry[1] ?? entry[0];
      const slug = name.toLowerCase().replace(/[^a-z]+/g, '-');
      const file = `${prefix}-${scheme}-${String(i + 1).padStart(2, '0')}-${slug}`;
      // The table views fill the window (their height follows it): capture what a 1366x768
      // screen shows. The others are captured whole.
      if (name === 'Transactions' || name === 'Salary') {
        await mkdir(SCREENSHOTS, { recursive: true });
        await page.screenshot({ path: join(SCREENSHOTS, `${file}.png`) });
      } else await app.screenshot(file);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
