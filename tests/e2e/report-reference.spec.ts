// The reference page's example session (src/sandbox/data/reference-subscribed-data.json),
// opened from a file: every tab renders every block of the response, light and dark.
import { expect, test } from './support/fixtures';
import {
  REFERENCE_FIXTURE,
  REFERENCE_ID,
  openFromFile,
  panel,
  screenshotEveryTab,
  selectTab,
  selectView,
  tab,
  subTab,
  ANALYSES,
  ANALYSIS_NAMES,
  FINBOX,
  SECTION_NAMES,
} from './report-steps';

const CENTRAL = '8cdcf3f2-e4ba-4be8-b0eb-bc619c6cc753';
const HDFC = 'aee2d55d-2a2b-41d7-9ae8-9ab37eaf6cb7';

test('the reference session renders every tab of both accounts', async ({ app }) => {
  const { page } = app;
  await app.open();
  await openFromFile(app, REFERENCE_FIXTURE, REFERENCE_ID);

  const header = page.getByRole('region', { name: 'Report' });
  await expect(header.getByRole('heading', { name: `Session ${REFERENCE_ID}` })).toBeVisible();
  // An imported file: when it came is ours, its fetch time only what the file says.
  const source = page.getByRole('note', { name: 'Data source' });
  await expect(source).toContainText('Imported file');
  await expect(source).toContainText(/imported on \d{2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}/);
  await expect(source).toContainText('the file says: fetched');
  await expect(source).not.toContainText(/^fetched/);

  const accounts = page.getByRole('radiogroup', { name: 'Accounts' });
  await expect(accounts.getByRole('radio')).toHaveCount(2);
  const central = accounts.getByRole('radio', { name: /central/i });
  const hdfc = accounts.getByRole('radio', { name: /hdfc/i });
  await expect(central).toContainText('XXXXXX0344');
  await expect(hdfc).toContainText('XXXXXXXX3559');
  await central.click();
  await expect(panel(page)).toHaveAttribute('data-account', CENTRAL);

  // Overview: details, coverage with its gap, monthly balances, headline figures.
  await selectView(page, FINBOX, 'Account details');
  const details = page.getByRole('region', { name: 'Account details' });
  // Masked until asked for, then revealed for this account.
  await expect(details).toContainText('XXXXXX0344');
  await expect(details).not.toContainText('3055870344');
  await details.getByRole('button', { name: 'Show account number' }).click();
  await expect(details).toContainText('3055870344');
  await details.getByRole('button', { name: 'Hide account number' }).click();
  await expect(details).toContainText('R K ENTERPRISES');
  await expect(page.getByRole('list', { name: 'Missing data' })).toContainText(
    'Missing 21 Feb 2024 to 21 Apr 2024',
  );
  await expect(page.getByTestId('total-debits')).toHaveText('₹59.00');
  await expect(page.getByTestId('total-credits')).toHaveText('₹59,620.32');

  // Fraud: three items, the statement flagged, explanations, the linked transaction.
  await selectTab(page, 'Fraud');
  await expect(page.getByRole('region', { name: 'Fraudulent statements' })).toContainText(
    '036917f1-06dc-44c1-8f40-509c3a6093aa',
  );
  const items = page.getByRole('region', { name: 'Fraud items' }).getByRole('listitem');
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText('Author fraud');
  await expect(items.nth(0)).toContainText('Statement');
  await expect(items.nth(2)).toContainText('Account-level');
  // The inconsistent transaction's hash is not among this response's two transactions.
  await expect(items.nth(1)).toContainText('Not in this response');

  // EOD: the table has November's balances, negative ones marked.
  await selectView(page, ANALYSES, 'Balances and EOD');
  const eod = page.getByRole('table', { name: 'End-of-day balances' });
  await expect(eod.locator('td[data-month="2023-11"][data-day="1"]')).toHaveText('3,20,772.41');
  await expect(eod.locator('td[data-month="2023-11"][data-day="7"]')).toHaveText('-3,99,480.41');
  await expect(eod.locator('td[data-month="2023-11"][data-day="31"]')).toHaveCount(0);
  // FinBox sent no October series: October is rebuilt from the running balances (the
  // statement starts on 23 Oct, whose last transaction leaves 69,850.81), as Insights does.
  await expect(eod.locator('td[data-month="2023-10"][data-day="23"]')).toHaveText('69,850.81');
  await expect(eod.locator('td[data-month="2023-10"][data-day="22"]')).toHaveText('—');
  await expect(eod.getByRole('columnheader', { name: /Oct 2023/ })).toContainText('†');

  // Monthly: readable labels in groups, the raw key on hover.
  await selectView(page, FINBOX, 'Monthly');
  const monthly = page.getByRole('table', { name: 'Monthly analysis' });
  await expect(monthly.getByRole('columnheader', { name: 'Balances' })).toBeVisible();
  const opening = monthly.getByRole('rowheader', { name: 'Opening balance' });
  await expect(opening).toHaveAttribute('title', 'opening_balance');
  await expect(monthly).toContainText('97,862.41');

  // Predictors: scalars and the expense series pivoted by month.
  await selectView(page, FINBOX, 'Predictors');
  await expect(page.getByRole('region', { name: 'Predictor values' })).toContainText(
    'R K ENTERPRISES',
  );
  const byMonth = page.getByRole('table', { name: 'Predictors by month' });
  await expect(byMonth).toContainText('Feb 2024');
  await expect(byMonth.getByRole('row', { name: /^Expense/ })).toContainText('1,04,15,328.91');
  await expect(byMonth.getByRole('rowheader', { name: 'Expense', exact: true })).toHaveAttribute(
    'title',
    'expense',
  );
  const values = page.getByRole('region', { name: 'Predictor values' });
  await expect(values.getByRole('term').filter({ hasText: 'Customer name' })).toHaveAttribute(
    'title',
    'customer_name',
  );

  await selectView(page, ANALYSES, 'Salary');
  await expect(panel(page)).toContainText('No salary transactions detected');

  await selectView(page, FINBOX, 'Top credits & debits');
  await expect(panel(page)).toContainText('27/10/23 RTGS AMAN FEED I 081343');

  // Every view of both accounts, light and dark, kept as artifacts.
  await screenshotEveryTab(app, 'report-reference-central');
  await hdfc.click();
  await expect(panel(page)).toHaveAttribute('data-account', HDFC);
  await screenshotEveryTab(app, 'report-reference-hdfc');

  // The last account and view are remembered when the session opens again.
  await selectView(page, FINBOX, 'Monthly');
  await page.reload();
  await page.locator('[data-app-ready]').waitFor();
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await page
    .locator(`tr[data-session="${REFERENCE_ID}"]`)
    .getByRole('button', { name: 'Open' })
    .click();
  await expect(tab(page, FINBOX)).toHaveAttribute('aria-selected', 'true');
  await expect(subTab(page, FINBOX, 'Monthly')).toHaveAttribute('aria-selected', 'true');
  await expect(accounts.getByRole('radio', { name: /hdfc/i })).toHaveAttribute(
    'aria-checked',
    'true',
  );
});

test("arrow keys move through the account switcher, the sections and a section's views", async ({
  app,
}) => {
  const { page } = app;
  await app.open();
  await openFromFile(app, REFERENCE_FIXTURE, REFERENCE_ID);
  const accounts = page.getByRole('radiogroup', { name: 'Accounts' });
  await accounts.getByRole('radio').first().click();
  await expect(accounts.getByRole('radio').first()).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(accounts.getByRole('radio').nth(1)).toBeFocused();
  await expect(accounts.getByRole('radio').nth(1)).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('ArrowRight'); // wraps
  await expect(accounts.getByRole('radio').first()).toHaveAttribute('aria-checked', 'true');

  await selectTab(page, 'Summary');
  await page.keyboard.press('ArrowRight');
  await expect(tab(page, 'Transactions')).toBeFocused();
  await expect(tab(page, 'Transactions')).toHaveAttribute('aria-selected', 'true');
  const tabs = page.getByRole('tablist', { name: 'Report sections' }).getByRole('tab');
  await expect(tabs).toHaveText(SECTION_NAMES.map((n) => new RegExp(`^${n}`)));
  await page.keyboard.press('End');
  await expect(tabs.last()).toHaveAttribute('aria-selected', 'true');
  await expect(tabs.last()).toHaveText('Review');
  await page.keyboard.press('Home');
  await expect(tab(page, 'Summary')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(tabs.last()).toHaveAttribute('aria-selected', 'true');

  // A section's own views move the same way, one tab stop for the row.
  await selectView(page, ANALYSES, 'Month by month');
  const views = page.getByRole('tablist', { name: ANALYSES }).getByRole('tab');
  await expect(views).toHaveText([...ANALYSIS_NAMES]);
  await expect(views.and(page.locator('[tabindex="0"]'))).toHaveCount(1);
  await page.keyboard.press('ArrowRight');
  await expect(subTab(page, ANALYSES, 'Obligations')).toBeFocused();
  await expect(subTab(page, ANALYSES, 'Obligations')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Obligations' })).toBeVisible();
  await page.keyboard.press('End');
  await expect(subTab(page, ANALYSES, 'All accounts')).toBeFocused();
  // Back to the section: the view left there, not its first.
  await selectTab(page, 'Summary');
  await selectTab(page, ANALYSES);
  await expect(subTab(page, ANALYSES, 'All accounts')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(tab(page, 'Transactions')).toHaveAttribute('aria-selected', 'true');
  // Focus is visible: the focused tab draws an outline.
  type Styles = { getComputedStyle(element: unknown): { outlineStyle: string } };
  const outline = await page
    .locator(':focus')
    .evaluate((el) => (globalThis as unknown as Styles).getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
});
