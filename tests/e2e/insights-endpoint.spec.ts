// The Insights endpoint end to end in Chromium: the Sandbox profile switched to insights/,
// a session with two unreadable items fetched, the header's notice naming them, the newer
// blocks and the Other API data tree shown, exported, saved and opened offline.
import { exportedWorkbook } from './support/export';
import { expect, test } from './support/fixtures';
import { openFromLibrary, openSession, saveReport } from './support/journey';
import { expectNoPlaceholders, FINBOX, selectView } from './report-steps';

test('the Insights shape: fetch, notice of what was set aside, newer blocks, export, save, open offline', async ({
  app,
}) => {
  const { page, host } = app;
  await app.open();
  await page.getByRole('button', { name: 'Connection', exact: true }).click();
  await page.getByLabel('Data endpoint').selectOption('insights');
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByRole('status')).toContainText(
    'Both data endpoints answer (subscribed_data and insights); this profile calls insights',
  );

  await openSession(page, 'demo-unreadable');
  const report = page.getByRole('region', { name: 'Report' });
  await expect(report).toBeVisible({ timeout: 60_000 });
  const fetched = host.exchanges.filter((x) => x.channel === 'session:fetch').at(-1)!;
  expect(fetched.response).toContain('"dataShape":"insights"');

  const notice = page.getByRole('alert', { name: 'Items that could not be read' });
  await expect(notice).toContainText('2 items of the response could not be read');
  await notice.getByText('could not be read').click();
  await expect(notice.getByRole('table')).toContainText('.transactions[2].amount');
  await expect(notice.getByRole('table')).toContainText('"n/a"');
  await expect(notice.getByRole('table')).toContainText('"TOTAL CARRIED FORWARD"');
  await app.screenshot('insights-endpoint-01-notice');

  await selectView(page, FINBOX, 'More API data');
  const panel = page.getByRole('tabpanel', { name: 'More API data' });
  await expect(panel.getByRole('heading', { name: 'Statements' })).toBeVisible();
  await expect(panel).toContainText('BankConnect score');
  await expect(panel.getByRole('region', { name: 'Recurring debits' })).toBeVisible();
  await expect(panel).toContainText("This response links to FinBox's own Excel report");
  await expectNoPlaceholders(page);
  await app.screenshot('insights-endpoint-02-more-api-data');

  const workbook = await exportedWorkbook(app, 'demo-unreadable');
  const other = workbook.getWorksheet('Other API data')!;
  const kinds: string[] = [];
  other.eachRow((row) => kinds.push(String(row.getCell(2).value)));
  expect(kinds).toEqual(expect.arrayContaining(['Score', 'Set aside (could not be read)']));

  await saveReport(page);
  await openFromLibrary(page, 'demo-unreadable');
  await expect(page.getByRole('note', { name: 'Saved session' })).toContainText('Offline');
  await expect(page.getByRole('alert', { name: 'Items that could not be read' })).toContainText(
    '2 items of the response could not be read',
  );
  await selectView(page, FINBOX, 'More API data');
  await expect(page.getByRole('tabpanel', { name: 'More API data' })).toContainText(
    'BankConnect score',
  );
});
