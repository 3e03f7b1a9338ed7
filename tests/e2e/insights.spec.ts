// The Analyses on the sandbox's demo-business session: the headline figures equal the
// insights computed from the sandbox's own data, a click lists exactly the transactions
// behind a figure, the All accounts view lists the planted own-account transfers, and
// both colour schemes are captured.
import { parseSessionData } from '../../src/shared/api/parse';
import { computeSessionInsights } from '../../src/shared/insights';
import { formatRupees } from '../../src/shared/model/money';
import { normalizeSession } from '../../src/shared/model/normalize';
import { expect, test } from './support/fixtures';
import { sandboxSession } from './support/sandbox-data';
import { openReport } from './support/journey';
import {
  expectNoPlaceholders,
  openFromFile,
  panel,
  REFERENCE_FIXTURE,
  REFERENCE_ID,
  selectView,
  ANALYSES,
} from './report-steps';

test("demo-business: the analyses' figures, their transactions and the whole session", async ({
  app,
}) => {
  const { page } = app;
  const generated = sandboxSession('demo-business');
  const view = normalizeSession(parseSessionData(generated.subscribed));
  const insights = computeSessionInsights(view);
  const current = insights.accounts[0]!;

  await app.open();
  await openReport(page, 'demo-business');
  await selectView(page, ANALYSES, 'Month by month');
  const tab = panel(page).getByTestId('analyses');
  await expect(tab).toBeVisible();
  await expectNoPlaceholders(page);

  // A headline figure shows the computed count (EMIs honoured is a count everywhere) and
  // lists exactly its transactions.
  const cards = tab.getByRole('group', { name: 'Whole period' }).or(tab.locator('dl.cards'));
  const emi = current.obligations.period.emi;
  const emiButton = cards.getByRole('button', { name: /^EMIs honoured:/ });
  await expect(emiButton).toHaveText(String(emi.count));
  await emiButton.click();
  const trace = page.getByRole('region', { name: 'Transactions behind the figure' });
  await expect(trace).toBeVisible();
  await expect(trace.getByTestId('shown-count')).toHaveText(String(emi.count));
  await expect(trace.getByTestId('shown-debits')).toHaveText(formatRupees(emi.amount));
  await app.screenshot('insights-01-emi-traced');

  // A month cell: the first month's credits.
  const first = current.flows.months[0]!;
  const row = tab.locator('tr[data-figure="credits"]');
  await row.getByRole('button').first().click();
  await expect(trace.getByTestId('shown-count')).toHaveText(String(first.credits.count));
  await expect(trace.getByTestId('shown-credits')).toHaveText(formatRupees(first.credits.amount));
  await trace.getByRole('button', { name: 'Close list' }).click();
  await expect(trace).toBeHidden();
  // A link only where the list adds up to the figure: the credits are links, the balance
  // levels (read off the day-end balances) plain numbers.
  expect(await row.getByRole('button').count()).toBeGreaterThan(0);
  for (const level of ['averageBalance', 'minBalance', 'maxBalance', 'abb']) {
    const cells = tab.locator(`tr[data-figure="${level}"] td`);
    await expect(cells.first()).toHaveText(/₹/);
    await expect(tab.locator(`tr[data-figure="${level}"] button`)).toHaveCount(0);
  }
  await expect(cards.getByRole('button', { name: /^ABB/ })).toHaveCount(0);

  // Bounces: one row per planted return and charge.
  await selectView(page, ANALYSES, 'Bounces');
  const planted = generated.planted.accounts[0]!;
  const bounces = tab.getByRole('region', { name: 'Bounces and penal charges' });
  await expect(bounces.locator('tbody tr')).toHaveCount(planted.bounces.length * 2);

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await app.screenshot(`insights-02-account-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // The whole session: the planted own-account transfers, both legs behind each.
  await selectView(page, ANALYSES, 'All accounts');
  const session = tab.getByTestId('session-insights');
  await expect(session).toBeVisible();
  const transfers = session.getByRole('region', {
    name: 'Transfers between the session’s own accounts',
  });
  await expect(transfers.locator('tbody tr')).toHaveCount(generated.planted.ownTransfers.length);
  await transfers.locator('tbody tr').first().getByRole('button').click();
  await expect(trace).toBeVisible();
  await expect(trace.getByRole('heading', { level: 4 })).toHaveCount(2);
  await expectNoPlaceholders(page);
  await app.screenshot('insights-03-session');
});

test('reference response: balances from the EOD series where the API sent one, no placeholders', async ({
  app,
}) => {
  const { page } = app;
  await app.open();
  await openFromFile(app, REFERENCE_FIXTURE, REFERENCE_ID);
  await selectView(page, ANALYSES, 'All accounts');
  const tab = panel(page).getByTestId('analyses');
  await expect(tab).toContainText('All the session’s accounts together (2 accounts).');
  await selectView(page, ANALYSES, 'Balances and EOD');
  // The Central Bank account's November balances come from the EOD series.
  const abb = tab.getByRole('region', { name: 'Balances on the ABB dates, scrollable' });
  await expect(abb.getByRole('row', { name: /Nov 2023/ })).toContainText('EOD series');
  await expect(abb.getByRole('row', { name: /Nov 2023/ })).toContainText('-₹3,94,202.41');
  await expectNoPlaceholders(page);
  await app.screenshot('insights-04-reference');
});
