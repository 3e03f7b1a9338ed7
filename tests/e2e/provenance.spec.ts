// One period, one provenance: a statement's period reads the same on the Summary and in
// More API data, and the "Exported to …" line stays with the session it was of.
import { expect, test } from './support/fixtures';
import { openReport, openSession } from './support/journey';
import { FINBOX, selectView } from './report-steps';

/** Statement id -> period, from a table whose rows hold the id and the period. */
async function periods(
  rows: import('@playwright/test').Locator,
  idOf: (cells: string[], titles: string[]) => string,
  periodAt: number,
): Promise<Map<string, string>> {
  // The report may still be laying out its tables: rows.all() does not wait for them.
  await expect(rows.first()).toBeVisible({ timeout: 30_000 });
  const found = new Map<string, string>();
  for (const row of await rows.all()) {
    const cells = await row.locator('td').allInnerTexts();
    const titles = await row
      .locator('td')
      .evaluateAll((tds) => tds.map((td) => td.getAttribute('title') ?? ''));
    if (cells.length > periodAt) found.set(idOf(cells, titles), cells[periodAt]!.trim());
  }
  return found;
}

test('a statement has one period on the Summary and in More API data', async ({ app }) => {
  const { page } = app;
  await app.open();
  await openReport(page, 'demo-business');
  const summary = await periods(
    page.getByRole('region', { name: 'Statements' }).locator('tbody tr'),
    (_, titles) => titles[0]!,
    2,
  );
  expect(summary.size).toBeGreaterThan(0);
  await selectView(page, FINBOX, 'More API data');
  const more = await periods(
    page.locator('section[aria-labelledby="more-status"] tbody tr'),
    (cells) => cells[0]!.trim(),
    2,
  );
  for (const [id, period] of more) expect(summary.get(id), id).toBe(period);
  expect(more.size).toBeGreaterThan(0);
});

test('the "Exported to" line belongs to its session', async ({ app }) => {
  const { page } = app;
  await app.open();
  await openReport(page, 'demo-retail');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const exported = page.getByRole('status').filter({ hasText: 'Exported to' });
  await expect(exported).toBeVisible({ timeout: 60_000 });
  await openSession(page, 'demo-business');
  await expect(page.getByRole('heading', { level: 1, name: /demo-business/ })).toBeVisible({
    timeout: 60_000,
  });
  await expect(exported).toHaveCount(0);
});
