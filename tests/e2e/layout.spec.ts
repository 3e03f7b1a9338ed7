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

for (const width of [1366, 1024]) {
  test(`24 months of coverage at ${width} px: every label fits its month and none overlaps the next`, async ({
    app,
  }) => {
    const { page } = app;
    await page.setViewportSize({ width, height: 768 });
    await app.open();
    await openSession(page, 'demo-large-2000');
    await expect(page.getByRole('region', { name: 'Report' })).toBeVisible({ timeout: 60_000 });
    await selectTab(page, 'Overview');
    const coverage = page.getByRole('region', { name: 'Coverage' });
    await expect(coverage.getByRole('img')).toBeVisible();
    const measured = await coverage.evaluate((section) => {
      const box = (el: Element) => {
        const r = el.getBoundingClientRect();
        return { left: r.left, right: r.right, width: r.width };
      };
      return {
        months: [...section.querySelectorAll('.month')].map((month) => {
          const label = month.querySelector('span')!;
          return { month: box(month), label: box(label), text: label.textContent ?? '' };
        }),
        years: [...section.querySelectorAll('.years span')].map((year) => ({
          ...box(year),
          text: year.textContent ?? '',
          clipped: year.scrollWidth > year.clientWidth,
        })),
      };
    });
    expect(measured.months).toHaveLength(24);
    for (const [i, m] of measured.months.entries()) {
      expect(m.text.trim(), `month ${i} has a label`).not.toBe('');
      expect(m.label.left, `month ${i} "${m.text}" starts inside`).toBeGreaterThanOrEqual(
        m.month.left - 0.5,
      );
      expect(m.label.right, `month ${i} "${m.text}" ends inside`).toBeLessThanOrEqual(
        m.month.right + 0.5,
      );
      const next = measured.months[i + 1];
      if (next) expect(m.label.right).toBeLessThanOrEqual(next.label.left + 0.5);
    }
    // Short month labels carry their years on a line below, unclipped and apart.
    const labelled = measured.years.filter((y) => y.text !== '');
    if (measured.months[0]!.text.length <= 3) expect(labelled.length).toBeGreaterThanOrEqual(2);
    for (const [i, y] of labelled.entries()) {
      expect(y.clipped, `year ${y.text} is not clipped`).toBe(false);
      const next = labelled[i + 1];
      if (next) expect(y.right).toBeLessThanOrEqual(next.left + 0.5);
    }
    await app.screenshot(`layout-coverage-24-months-${width}`);
  });
}
