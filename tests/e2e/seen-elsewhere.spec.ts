// Search across saved cases and "seen elsewhere", in Chromium through the test bridge:
// save two sandbox sessions sharing counterparties, search from the Library screen, open
// a result, and see the shared counterparty marked in Insights and on the Summary, each
// mark opening the other case.
import { expect, test } from './support/fixtures';
import { expectNoAxeViolations } from './support/axe';
import { openSession, saveReport } from './support/journey';
import { selectTab, ANALYSES, selectView } from './report-steps';

test('two saved cases sharing a counterparty: search, open, seen elsewhere', async ({ app }) => {
  test.setTimeout(240_000);
  const { page } = app;
  await app.open();
  for (const id of ['demo-retail', 'demo-business']) {
    await openSession(page, id);
    await saveReport(page);
  }

  await page.getByRole('button', { name: 'Library', exact: true }).click();
  const form = page.getByRole('search', { name: 'Search every saved case' });
  // A bad amount: one line, nothing searched.
  await form.getByLabel('Amount (₹, exact)').fill('45k');
  await form.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'The amount "45k" is not an amount in rupees (e.g. 45000 or 45,000.50)',
  );
  await form.getByLabel('Amount (₹, exact)').fill('');
  await form.getByLabel(/Counterparty, UPI handle/).fill('swiggy@icici');
  await form.getByRole('button', { name: 'Search' }).click();
  const results = page.getByLabel('Search results');
  await expect(results.getByRole('status')).toContainText(
    /^2 saved cases, [\d,]+ matching transactions/,
  );
  const retail = results.getByRole('region', { name: 'Matches in demo-retail' });
  await expect(retail).toBeVisible();
  await expect(results.getByRole('region', { name: 'Matches in demo-business' })).toBeVisible();
  await expect(retail.getByRole('cell', { name: 'UPI handle' }).first()).toBeVisible();
  // A Swiggy payment is a debit, shown in words (the API's lower-case `debit` is not).
  await expect(retail.getByRole('cell', { name: 'Debit', exact: true }).first()).toBeVisible();
  await expect(retail.getByRole('cell', { name: 'debit', exact: true })).toHaveCount(0);
  await expect(
    retail.getByRole('cell', { name: /UPI-SWIGGY-swiggy@icici-/ }).first(),
  ).toBeVisible();
  await expectNoAxeViolations(page, 'Library search results');
  await app.screenshot('seen-elsewhere-1-library-search');

  await retail.getByRole('button', { name: 'Open' }).click();
  const banner = page.getByRole('note', { name: 'Saved session' });
  await expect(banner).toContainText('Offline');

  await selectView(page, ANALYSES, 'Counterparties');
  const marks = page.getByTestId('analyses').getByTestId('seen-elsewhere');
  await expect(marks.first()).toHaveText(/^also in 1 other saved case: demo-business\s*$/);
  await expectNoAxeViolations(page, 'Counterparties with seen elsewhere');
  await app.screenshot('seen-elsewhere-2-counterparties');

  await selectTab(page, 'Summary');
  const seen = page.getByRole('region', { name: 'Seen in other saved cases' });
  await expect(seen.locator('summary')).toHaveText(
    /^Seen in other saved cases: \d+ counterparties or account numbers\s+of this session, also in 1 other saved case$/,
  );
  await seen.locator('summary').click();
  // Handles first (each names one party): swiggy@icici among them.
  await expect(seen.getByRole('listitem').filter({ hasText: 'UPI swiggy@icici' })).toContainText(
    'also in 1 other saved case: demo-business',
  );
  await expect(seen.getByRole('listitem').first()).toContainText(/^UPI /);
  await expectNoAxeViolations(page, 'Summary with seen elsewhere');
  await app.screenshot('seen-elsewhere-3-summary');

  // The mark opens the other case.
  await seen.getByRole('button', { name: 'Open saved case demo-business' }).first().click();
  await expect(page.getByRole('region', { name: 'Report' })).toContainText('demo-business');
  await selectTab(page, 'Summary');
  await page.getByRole('region', { name: 'Seen in other saved cases' }).locator('summary').click();
  await expect(
    page
      .getByRole('region', { name: 'Seen in other saved cases' })
      .getByTestId('seen-elsewhere')
      .first(),
  ).toContainText('demo-retail');
});
