// The report on the sandbox: demo-business end to end (accounts, a filter checked against
// the sandbox's own data, a fraud item to its transaction, an EOD value, export to disk),
// and demo-large-200000 scrolled to the end with fewer than 300 rows in the DOM.
import { join } from 'node:path';
import type { SubscribedDataResponse } from '../../src/shared/api/schemas';
import { fraudTypeLabel } from '../../src/shared/format/fraud-types';
import { formatAmount, formatRupees } from '../../src/shared/model/money';
import { readBack } from '../unit/export/helpers';
import { exportedWorkbook, exportReport } from './support/export';
import { expect, test } from './support/fixtures';
import { sandboxSession } from './support/sandbox-data';
import { openReport, openSession, saveReport } from './support/journey';
import {
  ANALYSES,
  FINBOX,
  panel,
  screenshotEveryTab,
  selectTab,
  selectView,
  subTab,
  tab,
} from './report-steps';

function sandboxData(sessionId: string): SubscribedDataResponse {
  return sandboxSession(sessionId).subscribed;
}

test('demo-business: accounts, a filter equal to the sandbox data, fraud to its transaction, EOD, export', async ({
  app,
}) => {
  const { page, host } = app;
  const data = sandboxData('demo-business');
  const [currentId, savingsId] = Object.keys(data.accounts) as [string, string];
  const current = data.accounts[currentId]!;

  await app.open();
  await openSession(page, 'demo-business');
  const report = page.getByRole('region', { name: 'Report' });
  await expect(report).toBeVisible({ timeout: 60_000 });
  await expect(report.getByText('Sandbox session')).toBeVisible();
  await expect(page.getByRole('note', { name: 'Data source' })).toContainText('Live from Sandbox');
  // It opens on Summary; the account details are on Overview.
  await expect(tab(page, 'Summary')).toHaveAttribute('aria-selected', 'true');
  await selectView(page, FINBOX, 'Account details');

  // Switch accounts: the panel follows, and the holder shows.
  const accounts = page.getByRole('radiogroup', { name: 'Accounts' });
  await accounts.getByRole('radio', { name: /State Bank of India/ }).click();
  await expect(panel(page)).toHaveAttribute('data-account', savingsId);
  await expect(page.getByRole('region', { name: 'Account details' })).toContainText('RAJESH KUMAR');
  await accounts.getByRole('radio', { name: /icici/i }).click();
  await expect(panel(page)).toHaveAttribute('data-account', currentId);
  await expect(page.getByRole('region', { name: 'Account details' })).toContainText(
    'R K ENTERPRISES',
  );

  // Filter to a known narration: count and totals equal the sandbox's own transactions.
  const needle = 'TCFBL0634521';
  const matching = (current.transactions ?? []).filter((t) =>
    (t.transaction_note ?? '').toUpperCase().includes(needle),
  );
  expect(matching.length).toBeGreaterThan(2);
  const paise = (type: string) =>
    matching
      .filter((t) => t.transaction_type === type)
      .reduce((sum, t) => sum + Math.round(t.amount * 100), 0) / 100;
  await selectTab(page, 'Transactions');
  await page.getByRole('searchbox', { name: 'Search transactions' }).fill(needle.toLowerCase());
  await expect(page.getByTestId('shown-count')).toHaveText(String(matching.length));
  await expect(page.getByTestId('shown-debits')).toHaveText(formatRupees(paise('debit')));
  await expect(page.getByTestId('shown-credits')).toHaveText(formatRupees(paise('credit')));
  await app.screenshot('report-sandbox-01-filtered');
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(page.getByTestId('shown-count')).toHaveText(
    formatAmount(current.transactions!.length).replace(/\.00$/, ''),
  );

  // A fraud item opens its transaction: Transactions tab, the row marked, every field shown.
  const fraud = (current.fraud?.fraud_type ?? []).find(
    (f) => f.transaction_hash && current.transactions!.some((t) => t.hash === f.transaction_hash),
  )!;
  await selectTab(page, 'Fraud');
  const item = page
    .getByRole('region', { name: 'Fraud items' })
    .getByRole('listitem')
    .filter({ hasText: fraudTypeLabel(fraud.fraud_type) })
    .filter({ has: page.getByRole('button', { name: /Open transaction/ }) })
    .first();
  await item.getByRole('button', { name: /Open transaction/ }).click();
  await expect(tab(page, 'Transactions')).toHaveAttribute('aria-selected', 'true');
  const details = page.getByRole('complementary', { name: 'Transaction details' });
  await expect(details).toContainText(fraud.transaction_hash!);
  const index = current.transactions!.findIndex((t) => t.hash === fraud.transaction_hash);
  const row = page.locator(`tr[data-index="${index}"]`);
  await expect(row).toBeVisible();
  await expect(row).toHaveClass(/selected/);
  await expect(row).toHaveClass(/fraud/);
  await app.screenshot('report-sandbox-02-fraud-transaction');
  await details.getByRole('button', { name: 'Close transaction details' }).click();
  await expect(details).toBeHidden();

  // An EOD value read from the table equals the sandbox's balance for that day.
  const eod = current.eod_balances!;
  const label = eod.Months_order[5]!; // e.g. Mar-24
  const balances = (eod as unknown as Record<string, (number | null)[]>)[label]!;
  const day = balances.findIndex((v, i) => i >= 14 && typeof v === 'number') + 1;
  const [mon, yy] = label.split('-') as [string, string];
  const monthKey = `20${yy}-${String(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].indexOf(mon) + 1).padStart(2, '0')}`;
  await selectView(page, ANALYSES, 'Balances and EOD');
  await expect(
    page
      .getByRole('table', { name: 'End-of-day balances' })
      .locator(`td[data-month="${monthKey}"][data-day="${day}"]`),
  ).toHaveText(formatAmount(balances[day - 1]));

  // Export with progress; the workbook is on disk and opens.
  const workbook = await exportedWorkbook(app, 'demo-business');
  expect(workbook.worksheets.map((w) => w.name)).not.toContain('Transactions (all fields)');
  expect(workbook.worksheets.length).toBeGreaterThan(1);

  // Again with every API field: the extra sheet comes last.
  await page.getByRole('checkbox', { name: 'All API fields' }).check();
  await exportReport(page);
  // The first export's message may still be up: wait for the file itself to change.
  await expect
    .poll(
      async () =>
        (await readBack(join(host.exportDir, 'demo-business.xlsx'))).worksheets.at(-1)!.name,
      { timeout: 60_000 },
    )
    .toBe('Transactions (all fields)');

  // Every tab of both accounts, light and dark.
  await accounts.getByRole('radio', { name: /icici/i }).click();
  await screenshotEveryTab(app, 'report-business-current');
  await accounts.getByRole('radio', { name: /State Bank of India/ }).click();
  await screenshotEveryTab(app, 'report-business-savings');
});

test('demo-retail: salary transactions in the same table', async ({ app }) => {
  const { page } = app;
  const data = sandboxData('demo-retail');
  const account = Object.values(data.accounts)[0]!;
  const salary = account.salary_transactions ?? [];
  expect(salary.length).toBeGreaterThan(0);
  await app.open();
  await openReport(page, 'demo-retail');
  await selectView(page, ANALYSES, 'Salary');
  await expect(page.getByTestId('shown-count')).toHaveText(String(salary.length));
  await expect(page.getByRole('table', { name: 'Salary transactions' })).toContainText(
    salary[0]!.transaction_note!,
  );
  await app.screenshot('report-retail-salary');

  // Save keeps a snapshot; Refresh fetches again and comes back to the same tab.
  const actions = page.getByRole('group', { name: 'Session actions' });
  await saveReport(page);
  await actions.getByRole('button', { name: 'Refresh' }).click();
  await expect
    .poll(() => app.host.exchanges.filter((x) => x.channel === 'session:refresh').length)
    .toBe(1);
  await expect(actions.getByRole('button', { name: 'Refresh' })).toBeEnabled({ timeout: 60_000 });
  await expect(subTab(page, ANALYSES, 'Salary')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('shown-count')).toHaveText(String(salary.length));
});

test('demo-large-200000: the table keeps fewer than 300 rows in the DOM while scrolling to the end', async ({
  app,
}) => {
  test.setTimeout(300_000);
  const { page } = app;
  await app.open();
  await openSession(page, 'demo-large-200000');
  await expect(page.getByRole('region', { name: 'Report' })).toBeVisible({ timeout: 240_000 });
  await selectTab(page, 'Transactions');
  await expect(page.getByTestId('shown-count')).toHaveText('2,00,000');
  const table = page.getByRole('table', { name: 'Transactions' });
  const scroller = page.getByRole('region', { name: 'Transactions table, scrollable' });
  const rows = table.locator('tbody tr');

  let most = 0;
  for (let step = 0; step < 1000; step++) {
    const atEnd = await scroller.evaluate((el) => {
      el.scrollTop += el.clientHeight * 150;
      return el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
    });
    most = Math.max(most, await rows.count());
    if (atEnd) break;
  }
  // The last row is rendered, and the DOM never held more than a screenful and a margin.
  await expect(table.locator('tr[aria-rowindex="200001"]')).toBeVisible();
  most = Math.max(most, await rows.count());
  expect(most).toBeLessThan(300);
  expect(most).toBeGreaterThan(5);
  await app.screenshot('report-large-end');

  // Sorting and filtering 200,000 rows keep the same small DOM.
  await table.getByRole('button', { name: /Debit/ }).click();
  await expect(table.locator('th[aria-sort="descending"]')).toContainText('Debit');
  expect(await rows.count()).toBeLessThan(300);
});
