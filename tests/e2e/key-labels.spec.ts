// FinBox's keys under readable names, grouped, with the raw key on hover: the Monthly and
// Predictors tabs of demo-business (known metrics, and the sandbox's own `is_fraud` and
// `total_emi`, which FinBox's key lists do not have: under Other, by their words).
import { join } from 'node:path';
import { expectNoAxeViolations } from './support/axe';
import { expect, SCREENSHOTS, test } from './support/fixtures';
import { openReport } from './support/journey';
import { FINBOX, selectView } from './report-steps';

test('Monthly and Predictors show grouped labels, raw keys on hover, unknown keys raw', async ({
  app,
}) => {
  const { page } = app;
  await app.open();
  await openReport(page, 'demo-business');

  await selectView(page, FINBOX, 'Monthly');
  const monthly = page.getByRole('table', { name: 'Monthly analysis' });
  const groups = monthly.locator('tr.group th');
  await expect(groups).toHaveText([
    'Balances',
    'Credits',
    'Debits',
    'Cash',
    'Bounces and charges',
    'Loans and EMIs',
    'Salary and income',
  ]);
  await expect(monthly.getByRole('rowheader', { name: 'Average balance' })).toHaveAttribute(
    'title',
    'avg_bal',
  );
  await expect(
    monthly.getByRole('rowheader', { name: 'Inward cheque bounces (insufficient funds): count' }),
  ).toHaveAttribute('title', 'cnt_inward_cheque_bounce_insuff_funds');
  const chart = page.getByRole('combobox', { name: 'Chart' });
  await expect(chart.locator('optgroup')).toHaveCount(7);
  await chart.selectOption({ label: 'Cash deposits' });
  await expect(monthly.getByRole('row', { name: /^Cash deposits/ })).toHaveClass(/current/);
  await expectNoAxeViolations(page, 'Monthly tab with grouped labels');
  await page.screenshot({ path: join(SCREENSHOTS, 'key-labels-monthly.png'), fullPage: true });

  await selectView(page, FINBOX, 'Predictors');
  const values = page.getByRole('region', { name: 'Predictor values' });
  await expect(values.getByRole('heading', { level: 4 })).toHaveText([
    'Overdraft and limits',
    'Account and period',
    'Other',
  ]);
  await expect(values.getByRole('term').filter({ hasText: 'IFSC code' })).toHaveAttribute(
    'title',
    'ifsc_code',
  );
  // Not a key FinBox is known to send: under Other, by its words, the key on hover.
  await expect(
    values.locator('dl[aria-label="Other"]').getByRole('term').filter({ hasText: 'Is fraud' }),
  ).toHaveAttribute('title', 'is_fraud');
  const byMonth = page.getByRole('table', { name: 'Predictors by month' });
  await expect(
    byMonth.getByRole('rowheader', { name: 'Average balance of 6 dates' }),
  ).toHaveAttribute('title', 'bal_avgof_6dates');
  // By its words, never the key itself (the key on hover).
  const totalEmi = byMonth.locator('th[title="total_emi"]');
  await expect(totalEmi).toHaveText(/EMI/);
  await expect(totalEmi).not.toHaveText('total_emi');
  await expectNoAxeViolations(page, 'Predictors tab with grouped labels');
  await page.screenshot({ path: join(SCREENSHOTS, 'key-labels-predictors.png'), fullPage: true });
});
