// axe-core (through @axe-core/playwright) on the page as it is now, in both colour schemes:
// zero violations, each one named with its rule, help text and the elements it found.
// Each screen checked is also captured in that scheme for the gallery
// (test-results/gallery/<screen>-<scheme>.png): the journeys that check a screen are the
// ones that show it, so the gallery costs no extra walk.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const GALLERY = join(__dirname, '../../../test-results/gallery');

/** `Transactions with the detail panel` -> `transactions-with-the-detail-panel`. */
export function gallerySlug(where: string): string {
  return where
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  await mkdir(GALLERY, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: join(GALLERY, `${gallerySlug(where)}-${scheme}.png`) });
    const results = await new AxeBuilder({ page }).analyze();
    const found = results.violations.map(
      (v) =>
        `${v.id} (${v.impact ?? 'no impact'}): ${v.help}\n    ${v.nodes
          .slice(0, 5)
          .map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n')[1] ?? ''}`)
          .join('\n    ')}`,
    );
    expect(found, `axe on ${where}, ${scheme}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Exactly one h1 on the screen. */
export async function expectOneH1(page: Page): Promise<void> {
  await expect(page.locator('h1')).toHaveCount(1);
}
