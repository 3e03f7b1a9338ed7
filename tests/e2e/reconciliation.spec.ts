// The Reconciliation with FinBox on the Insights tab, for demo-retail: the sandbox's
// FinBox figures count September's returned Bajaj EMI (12,450) as debited, ours count it
// as returned, so exactly the two EMI figures of September differ, by definition; the
// Summary's line says the same.
import { join } from 'node:path';
import { expect, SCREENSHOTS, test } from './support/fixtures';
import { openSession } from './support/journey';
import { ANALYSES, panel, selectView, tab } from './report-steps';

test('demo-retail: Analyses > Reconciliation sets FinBox figures beside ours, with the reason for each difference', async ({
  app,
}) => {
  const { page } = app;
  await app.open();
  await openSession(page, 'demo-retail');
  await expect(tab(page, 'Summary')).toHaveAttribute('aria-selected', 'true', { timeout: 60_000 });
  const line = (await panel(page).getByTestId('reconciliation-line').textContent())!.trim();
  expect(line).toMatch(/^\d+ of \d+ of FinBox's figures agree; 2 differ \(2 by definition\)$/);

  await selectView(page, ANALYSES, 'Reconciliation');
  const section = panel(page).getByTestId('reconciliation');
  await section.scrollIntoViewIfNeeded();
  await expect(section.getByRole('heading', { name: 'Reconciliation with FinBox' })).toBeVisible();
  await expect(section.getByTestId('reconciliation-summary')).toHaveText(`${line}.`);
  // The differences: September's EMI in monthly_analysis and in the predictors.
  const differ = section.locator(':scope > table tbody tr');
  await expect(differ).toHaveCount(2);
  for (const row of await differ.all()) {
    await expect(row).toContainText('Sep 2024');
    await expect(row).toContainText('₹12,450.00');
    await expect(row).toContainText('a different definition');
    await expect(row).toContainText('FinBox counts a returned EMI');
  }
  await section.screenshot({ path: join(SCREENSHOTS, 'insights-reconciliation-demo-retail.png') });
});
