// The README's screenshots: the sandbox's demo-business as the tour walks through it,
// through the test bridge in Chromium. Run on purpose, to refresh docs/images:
//   npm run build && README_SCREENSHOTS=1 npm run test:e2e -- tests/e2e/readme-screenshots.spec.ts
// Otherwise skipped, so a test run never rewrites tracked files.
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { openSession } from './support/journey';

const IMAGES = join(__dirname, '../../docs/images');

test.skip(!process.env['README_SCREENSHOTS'], 'README_SCREENSHOTS=1 refreshes docs/images');
test.use({ viewport: { width: 1280, height: 800 } });

test('the tour on demo-business: summary, transactions, insights', async ({ app }) => {
  const { page } = app;
  const shot = (name: string) => page.screenshot({ path: join(IMAGES, `${name}.png`) });
  await app.open();
  await openSession(page, 'demo-business');
  const actions = page.getByRole('group', { name: 'Session actions' });
  await expect(actions).toBeVisible({ timeout: 60_000 });
  const tabs = page.getByRole('tablist', { name: 'Report sections' });
  await expect(tabs.getByRole('tab', { name: 'Summary' })).toHaveAttribute('aria-selected', 'true');
  await page.waitForTimeout(500); // the EOD chart's first frame
  await shot('summary');

  await tabs.getByRole('tab', { name: 'Transactions' }).click();
  await expect(page.getByRole('row').nth(5)).toBeVisible();
  await shot('transactions');

  await tabs.getByRole('tab', { name: 'Analyses' }).click();
  await page.waitForTimeout(500);
  await shot('insights');
});
