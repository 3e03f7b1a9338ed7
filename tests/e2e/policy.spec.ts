// The credit policy in the app: chosen from a file (main reads and checks it), it makes
// the Summary's FOIR as it says and is named there; a bad file is one line and changes
// nothing; the app's workbook names and uses it; "Use default" goes back. demo-retail's
// figures are worked out by hand from the sandbox's plan (src/sandbox/sessions.ts).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { rowsOf, sheet } from '../unit/export/helpers';
import { exportedWorkbook } from './support/export';
import { expect, test } from './support/fixtures';
import { openSession } from './support/journey';
import { ANALYSES, panel, selectView, tab } from './report-steps';

test('a chosen policy makes FOIR, is named on the Summary and in the workbook', async ({ app }) => {
  const { page, host } = app;
  const salaried = join(host.exportDir, 'salaried.json');
  await writeFile(
    salaried,
    JSON.stringify({ name: 'Salaried 12%', foirIncomeBasis: 'salary', foirLimit: 0.12 }),
  );
  const bad = join(host.exportDir, 'bad.json');
  await writeFile(bad, JSON.stringify({ foirLimit: 12 }));

  await app.open();
  await openSession(page, 'demo-retail');
  await expect(tab(page, 'Summary')).toHaveAttribute('aria-selected', 'true', { timeout: 60_000 });
  const band = panel(page).getByTestId('obligations');
  await expect(band.getByTestId('policy-name')).toHaveText('Policy: Default policy');
  const foir = band.locator('[data-figure="foir"] dd');
  // The Bajaj EMI: 12,450 a month (paid April to August; September's came back).
  await expect(band.locator('[data-figure="monthlyObligations"] dd')).toContainText('₹12,450.00');

  host.setOpenFiles([salaried]);
  await band.getByRole('button', { name: 'Choose…' }).click();
  await expect(band.getByTestId('policy-name')).toHaveText('Policy: Salaried 12%');
  // Over salary: 86,450 credited on the 1st of each of the 6 months, 86,450 a month;
  // 12,450 / 86,450 = 0.14401... = 14.4%, above the 12% limit.
  await expect(foir).toContainText('14.4%');
  await expect(foir).toContainText('limit 12%');
  await expect(foir.locator('.bad')).toHaveCount(1);

  // A bad file: one line naming the setting; the chosen policy stays.
  host.setOpenFiles([bad]);
  await band.getByRole('button', { name: 'Choose…' }).click();
  await expect(band.getByTestId('policy-error')).toHaveText(
    'bad.json: foirLimit must be a number above 0 and at most 1 (0.5 is 50%) (it is 12)',
  );
  await expect(band.getByTestId('policy-name')).toHaveText('Policy: Salaried 12%');

  // The app's workbook is made with it and says so.
  const rows = rowsOf(sheet(await exportedWorkbook(app, 'demo-retail'), 'Summary'));
  expect(rows.find((r) => r[0] === 'Policy')?.[1]).toBe('Salaried 12%');
  // 14.40 as the percentage, to two decimals.
  expect(rows.find((r) => r[0] === 'FOIR')?.[1]).toBe(14.4);

  await band.getByRole('button', { name: 'Use default' }).click();
  await expect(band.getByTestId('policy-name')).toHaveText('Policy: Default policy');
  await expect(band.getByRole('button', { name: 'Use default' })).toHaveCount(0);
});

test('an every-day ABB policy heads the ABB dates table by its days, each row under them', async ({
  app,
}) => {
  const { page, host } = app;
  const everyDay = join(host.exportDir, 'every-day.json');
  await writeFile(everyDay, JSON.stringify({ name: 'Every day ABB', abbDays: 'every' }));
  await app.open();
  await openSession(page, 'demo-retail');
  await expect(tab(page, 'Summary')).toHaveAttribute('aria-selected', 'true', { timeout: 60_000 });
  const band = panel(page).getByTestId('obligations');
  host.setOpenFiles([everyDay]);
  await band.getByRole('button', { name: 'Choose…' }).click();
  await expect(band.getByTestId('policy-name')).toHaveText('Policy: Every day ABB');

  await selectView(page, ANALYSES, 'Balances and EOD');
  const abb = panel(page)
    .getByTestId('analyses')
    .getByRole('region', { name: 'Balances on the ABB dates, scrollable' });
  const head = abb.locator('thead tr');
  // Month, Day 1 to Day 31 (the longest month's), the policy's ABB, ABB (5/15/25), From.
  await expect(head.locator('th')).toHaveCount(1 + 31 + 3);
  await expect(head.locator('th').nth(31)).toHaveText('Day 31');
  await expect(head.locator('th').nth(32)).toHaveText('ABB (every day)');
  // A 30-day month's row still has a cell under each heading, its 31st empty.
  const rows = abb.locator('tbody tr');
  expect(await rows.count()).toBeGreaterThan(1);
  for (const row of await rows.all()) await expect(row.locator('th, td')).toHaveCount(35);
  await app.screenshot('policy-every-day-abb');
});
