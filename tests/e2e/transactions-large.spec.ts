// A large session's Transactions tab holds every row: the count says 20,000, and scrolled
// to its end the table shows the session's last transaction (the last of the latest day,
// in the API's order), with only a window of rows in the page.
import { generateSession } from '../../src/sandbox/generator';
import { largePlan } from '../../src/sandbox/sessions';
import { expect, test } from './support/fixtures';
import { openSession } from './support/journey';
import { selectTab } from './report-steps';

const SIZE = 20_000;

/** The sandbox's own data for demo-large-20000, read as FinBox sends it. */
function lastOfTheApi(): { narration: string; count: number } {
  const { accounts } = generateSession(largePlan(SIZE)).subscribed as unknown as {
    accounts: Record<string, { transactions: { date: string; transaction_note: string }[] }>;
  };
  const [account] = Object.values(accounts);
  const rows = account!.transactions;
  // By date, ties in the API's order: the last row is the last listed on the latest date.
  const latest = rows.reduce((max, t) => (t.date > max ? t.date : max), '');
  const lastOfLatest = rows.filter((t) => t.date === latest).at(-1)!;
  return { narration: lastOfLatest.transaction_note, count: rows.length };
}

test('a 20,000-transaction session scrolls to its last row, and every row is counted', async ({
  app,
}) => {
  test.setTimeout(180_000);
  const expected = lastOfTheApi();
  expect(expected.count).toBe(SIZE);
  const { page } = app;
  await app.open();
  await openSession(page, `demo-large-${SIZE}`);
  await expect(page.getByRole('region', { name: 'Report' })).toBeVisible({ timeout: 120_000 });
  await selectTab(page, 'Transactions');

  await expect(page.getByTestId('shown-count')).toHaveText('20,000');
  await expect(page.getByLabel('Shown totals')).toContainText('of 20,000 transactions');
  const table = page.getByRole('table', { name: 'Transactions', exact: true });
  // The header row, then one per transaction.
  await expect(table).toHaveAttribute('aria-rowcount', String(SIZE + 1));

  const scroller = page.getByRole('region', { name: 'Transactions table, scrollable' });
  await scroller.evaluate((element) => (element.scrollTop = element.scrollHeight));
  const last = table.locator(`tbody tr[aria-rowindex="${SIZE + 1}"]`);
  await expect(last).toBeVisible();
  // tick, fraud mark, date, narration...
  await expect(last.locator('td').nth(3)).toHaveText(expected.narration);
  // Virtualised: a window of rows, not 20,000.
  expect(await table.locator('tbody tr[data-index]').count()).toBeLessThan(100);
});
