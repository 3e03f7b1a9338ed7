// The reviewer's journey in Chromium: sign as a reviewer, flag two transactions from the
// table (ticks and one key press), exclude one from eligible credits, see the adjusted
// figure beside the unadjusted one, record a verdict, then read all of it back from the
// exported workbook.
import ExcelJS from 'exceljs';
import { parseSubscribedData } from '../../src/shared/api/parse';
import { formatRupees, toPaise } from '../../src/shared/model/money';
import { normalizeSession } from '../../src/shared/model/normalize';
import { builtInSession } from '../../src/sandbox/sessions';
import { expect, test } from './support/fixtures';
import { openSession } from './support/journey';
import { panel, selectTab } from './report-steps';

test('flag two transactions, exclude one, set a verdict, read them back from the workbook', async ({
  app,
}) => {
  const { page, host } = app;
  const made = builtInSession('demo-retail');
  if (!made || made.kind !== 'data') throw new Error('demo-retail is not a data session');
  const view = normalizeSession(parseSubscribedData(made.session.subscribed));
  const account = view.accounts[0]!;

  await app.open();
  await openSession(page, 'demo-retail');
  await expect(page.getByRole('region', { name: 'Report' })).toBeVisible({ timeout: 60_000 });

  // Sign first: every change is signed with the name from the app's settings.
  await selectTab(page, 'Review');
  await panel(page).getByLabel('Reviewer').fill('Asha Rao');
  await panel(page).getByRole('button', { name: 'Save name' }).click();
  await expect(panel(page).getByText('Changes are signed by Asha Rao')).toBeVisible();

  // Two credits ticked in the table, flagged "Not business income" with key 2.
  await selectTab(page, 'Transactions');
  const table = panel(page).getByRole('table', { name: 'Transactions' });
  const credits = table.locator('tbody tr[data-index]').filter({
    has: page.locator('td.credit:not(:empty)'),
  });
  const first = credits.nth(0);
  const second = credits.nth(1);
  const firstIndex = Number(await first.getAttribute('data-index'));
  const secondIndex = Number(await second.getAttribute('data-index'));
  const a = account.transactions[firstIndex]!;
  const b = account.transactions[secondIndex]!;
  await first.getByRole('checkbox').check();
  await second.getByRole('checkbox').check();
  await expect(panel(page).getByTestId('flag-targets')).toHaveText('2 rows:');
  await page.keyboard.press('2');
  await expect(first.locator('td.flags')).toHaveText('Not business income');
  await expect(second.locator('td.flags')).toHaveText('Not business income');

  // Only the first, excluded from eligible credits with X.
  await second.getByRole('checkbox').uncheck();
  await page.keyboard.press('x');
  await expect(first.locator('td.flags')).toHaveText(
    'Not business income; excluded from eligible credits',
  );
  // The flagged-only filter shows the two.
  await panel(page).getByRole('checkbox', { name: 'Flagged only' }).check();
  await expect(panel(page).getByTestId('shown-count')).toHaveText('2');
  await app.screenshot('review-01-flags-in-table');

  // The adjustment beside the figure; the unadjusted figure one click away.
  await selectTab(page, 'Review');
  const adjusted = panel(page).getByTestId('adjusted-eligible');
  await expect(adjusted).toContainText(
    `adjusted by the reviewer: 1 transaction, ${formatRupees(a.amount)}`,
  );
  const shownAdjusted = await adjusted.locator('strong').innerText();
  await adjusted.getByRole('button', { name: /^Unadjusted:/ }).click();
  const shownUnadjusted = await adjusted.locator('strong').innerText();
  const paise = (text: string) => Number(text.replace(/[₹,.]/g, ''));
  expect(paise(shownUnadjusted) - paise(shownAdjusted)).toBe(toPaise(a.amount));

  // Beside the eligible-credits figure of the Insights tab too, unadjusted one click away.
  await selectTab(page, 'Insights');
  const note = panel(page).getByTestId('eligible-adjusted');
  await expect(note).toContainText(
    `adjusted by the reviewer: 1 transaction, ${formatRupees(a.amount)}`,
  );
  const eligibleTable = panel(page).getByRole('table', { name: 'Eligible credits' });
  const reviewerLine = eligibleTable.getByRole('row', { name: /less excluded by the reviewer/i });
  await expect(reviewerLine).toContainText(formatRupees(a.amount));
  await note.getByRole('button', { name: 'Show unadjusted' }).click();
  await expect(reviewerLine).not.toContainText(formatRupees(a.amount));
  await app.screenshot('review-03-insights-eligible');
  await selectTab(page, 'Review');

  // A verdict with its reason.
  await panel(page).getByRole('radio', { name: 'Refer' }).check();
  await panel(page).getByLabel('Reason').fill('Ask for the ITR; the sale is one-off');
  await panel(page).getByRole('button', { name: 'Record verdict' }).click();
  await expect(panel(page).getByTestId('verdict')).toContainText(
    'Refer: Ask for the ITR; the sale is one-off (Asha Rao,',
  );
  await expect(
    panel(page).getByRole('table', { name: 'Flagged transactions' }).locator('tbody tr'),
  ).toHaveCount(2);
  await app.screenshot('review-02-review-tab');

  // The workbook carries it all.
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Exported to' })).toBeVisible({
    timeout: 60_000,
  });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(`${host.exportDir}/demo-retail.xlsx`);
  const sheet = workbook.getWorksheet('Review');
  expect(sheet).toBeDefined();
  const rows: unknown[][] = [];
  sheet!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  expect(rows.find((r) => r[0] === 'Verdict')?.slice(1, 3)).toEqual([
    'Refer',
    'Ask for the ITR; the sale is one-off',
  ]);
  const flagged = rows.filter((r) => r[8] === a.hash || r[8] === b.hash);
  expect(flagged.map((r) => [r[2], r[5], r[7]])).toEqual([
    [a.narration, 'Not business income', 'Excluded from eligible credits'],
    [b.narration, 'Not business income', undefined],
  ]);
  const eligible = rows.find((r) => r[1] === 'Eligible credits')!;
  expect(toPaise(eligible[2] as number) - toPaise(eligible[4] as number)).toBe(toPaise(a.amount));
  const tx = workbook.getWorksheet('Transactions')!;
  const header = (tx.getRow(1).values as unknown[]).slice(1);
  const flagsColumn = header.indexOf('Review flags');
  const hashColumn = header.indexOf('Hash');
  const inTransactions: string[] = [];
  tx.eachRow((row, n) => {
    const values = (row.values as unknown[]).slice(1);
    if (n > 1 && values[flagsColumn]) inTransactions.push(`${String(values[hashColumn])}`);
  });
  expect(inTransactions.sort()).toEqual([a.hash, b.hash].sort());
});
