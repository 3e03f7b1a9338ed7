// Layout at the sizes an underwriter works at: at least 18 transaction rows fully visible at
// 1366x768 (counted from the rendered rows' boxes, with demo-business's real data).
import { expect, test } from './support/fixtures';
import { openSession } from './support/journey';
import { selectTab } from './report-steps';

type Box = { x: number; y: number; width: number; height: number };

/** The rows whose whole box lies inside the scroller's view below the header, and the window. */
function fullyVisible(rows: readonly Box[], view: Box, headerBottom: number, windowHeight: number) {
  const bottom = Math.min(view.y + view.height, windowHeight);
  return rows.filter((r) => r.y >= headerBottom - 0.5 && r.y + r.height <= bottom + 0.5).length;
}

test('at 1366x768 the Transactions tab shows at least 18 whole rows', async ({ app }) => {
  const { page } = app;
  expect(page.viewportSize()).toEqual({ width: 1366, height: 768 });
  await app.open();
  await openSession(page, 'demo-business');
  await expect(page.getByRole('region', { name: 'Report' })).toBeVisible({ timeout: 60_000 });
  await selectTab(page, 'Transactions');
  const scroller = page.getByRole('region', { name: /table, scrollable$/ });
  await expect(scroller.locator('tbody tr:not(.spacer)').first()).toBeVisible();
  // The scroller's inner box: its client area (a horizontal scrollbar takes rows away).
  const view = await scroller.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y + el.clientTop, width: el.clientWidth, height: el.clientHeight };
  });
  const header = (await scroller.locator('thead tr').boundingBox())!;
  const rows = await scroller.locator('tbody tr:not(.spacer)').evaluateAll((trs) =>
    trs.map((tr) => {
      const r = tr.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
  // The page itself does not scroll: the table ends inside the window.
  expect(
    await page.evaluate('document.documentElement.scrollHeight - window.innerHeight'),
  ).toBeLessThanOrEqual(0);
  const visible = fullyVisible(rows, view, header.y + header.height, 768);
  await app.screenshot('layout-transactions-1366x768');
  expect(
    visible,
    `whole rows visible at 1366x768 (of ${rows.length} rendered)`,
  ).toBeGreaterThanOrEqual(18);
});
