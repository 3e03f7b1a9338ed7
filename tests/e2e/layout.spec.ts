// Layout at the sizes an underwriter works at: at least 18 transaction rows fully visible at
// 1366x768 (counted from the rendered rows' boxes, with demo-business's real data), coverage
// labels that fit 24 months at 1366 and 1024 px, the month tables' Total and Average.
import { formatAmount } from '../../src/shared/model/money';
import { expect, test, type AppFixture } from './support/fixtures';
import { sandboxSession } from './support/sandbox-data';
import { openReport } from './support/journey';
import { ANALYSES, FINBOX, selectTab, selectView } from './report-steps';

/** The app, a session opened from the sandbox, its report on screen. */
async function startWithReport(app: AppFixture, sessionId: string): Promise<void> {
  await app.open();
  await openReport(app.page, sessionId);
}

type Box = { x: number; y: number; width: number; height: number };

/** The rows whose whole box lies inside the scroller's view below the header, and the window. */
function fullyVisible(rows: readonly Box[], view: Box, headerBottom: number, windowHeight: number) {
  const bottom = Math.min(view.y + view.height, windowHeight);
  return rows.filter((r) => r.y >= headerBottom - 0.5 && r.y + r.height <= bottom + 0.5).length;
}

test('at 1366x768 the Transactions tab shows at least 18 whole rows', async ({ app }) => {
  const { page } = app;
  expect(page.viewportSize()).toEqual({ width: 1366, height: 768 });
  await startWithReport(app, 'demo-business');
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
    await startWithReport(app, 'demo-large-2000');
    await selectView(page, FINBOX, 'Account details');
    const coverage = page.getByRole('region', { name: 'Coverage' });
    await expect(coverage.getByRole('img')).toBeVisible();
    const measured = await coverage.evaluate((section) => {
      const box = (el: {
        getBoundingClientRect(): { left: number; right: number; width: number };
      }) => {
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

test('the month tables end with Total and Average: the Monthly total of credits is the raw sum to the paisa', async ({
  app,
}) => {
  const { page } = app;
  const first = Object.values(sandboxSession('demo-business').subscribed.accounts)[0]!;
  const credits = first.monthly_analysis as Record<string, Record<string, number>>;
  const paise = Object.values(credits['total_credit']!).reduce(
    (s, v) => s + Math.round(v * 100),
    0,
  );
  await startWithReport(app, 'demo-business');
  await selectView(page, FINBOX, 'Monthly');
  const table = page.getByRole('table', { name: 'Monthly analysis' });
  await expect(table.getByRole('columnheader', { name: 'Total', exact: true })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Average (12 months)' })).toBeAttached();
  const row = table.getByRole('row', { name: /^Total credits/ });
  await expect(row.locator('[data-total]')).toHaveText(formatAmount(paise / 100));
  // Balances are averaged, never summed.
  await expect(
    table.getByRole('row', { name: /^Closing balance/ }).locator('[data-total]'),
  ).toHaveText('—');
  await page
    .getByRole('region', { name: 'Monthly analysis, scrollable' })
    .evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  await app.screenshot('layout-monthly-totals');
  await selectView(page, ANALYSES, 'Month by month');
  const months = page.getByRole('region', { name: 'Month by month, scrollable' });
  await expect(months.getByRole('columnheader', { name: 'Total', exact: true })).toBeAttached();
  await expect(months.locator('tr[data-figure="averageBalance"] [data-total]')).toHaveText('—');
  await expect(months.locator('tr[data-figure="credits"] [data-total]')).toHaveText(
    /^₹[\d,]+\.\d\d$/,
  );
});

test('the account switcher names each bank as people do: ICICI Bank, State Bank of India', async ({
  app,
}) => {
  const { page } = app;
  await startWithReport(app, 'demo-business');
  const accounts = page.getByRole('radiogroup', { name: 'Accounts' });
  // As rendered (innerText applies CSS text-transform), not only as written in the DOM.
  const banks = await accounts
    .locator('.bank')
    .evaluateAll((els) => els.map((el) => (el as unknown as { innerText: string }).innerText));
  expect(banks).toEqual(['ICICI Bank', 'State Bank of India']);
});

test('channels by their names in the table and the filter, the value as sent in the tooltip', async ({
  app,
}) => {
  const { page } = app;
  await startWithReport(app, 'demo-business');
  await selectTab(page, 'Transactions');
  const upi = page.getByRole('cell', { name: 'UPI', exact: true }).first();
  await expect(upi).toHaveAttribute('title', 'upi');
  await expect(page.getByRole('cell', { name: 'net_banking_transfer' })).toHaveCount(0);
  const channel = page.getByLabel('Channel');
  await expect(channel.locator('option[value="chq"]')).toHaveText('Cheque');
  await channel.selectOption('upi');
  await expect(page.getByTestId('shown-count')).not.toHaveText('0');
  await app.screenshot('layout-channel-names');
});

test('at 1366 px the Monthly table scrolls sideways with its first column frozen and a cue at the right', async ({
  app,
}) => {
  const { page } = app;
  await startWithReport(app, 'demo-business');
  await selectView(page, FINBOX, 'Monthly');
  const region = page.getByRole('region', { name: 'Monthly analysis, scrollable' });
  await expect(region).toBeVisible();
  const wrap = region.locator('xpath=..');
  const wide = await region.evaluate((el) => el.scrollWidth > el.clientWidth);
  // demo-business's 12 months, Total and Average do not fit 1366 px: the table scrolls.
  expect(wide).toBe(true);
  await expect(wrap).toHaveClass(/more-right/);
  await app.screenshot('layout-monthly-cue-1366');
  const label = region.getByRole('rowheader').first();
  const before = (await label.boundingBox())!;
  await region.evaluate((el) => el.scrollBy({ left: 400 }));
  await expect.poll(async () => (await label.boundingBox())!.x).toBeCloseTo(before.x, 0);
  await region.evaluate((el) => el.scrollBy({ left: el.scrollWidth }));
  await expect(wrap).not.toHaveClass(/more-right/);
});

test('the Top tab lists more than five a month when asked: the ten largest from the transactions', async ({
  app,
}) => {
  const { page } = app;
  await startWithReport(app, 'demo-business');
  await selectView(page, FINBOX, 'Top credits & debits');
  const first = page.getByRole('region', { name: /^Top credits and debits, / }).first();
  await expect(first.locator('ol').first().getByRole('listitem')).toHaveCount(5);
  await page.getByLabel('Per month').selectOption({ label: 'Top 10 (from the transactions)' });
  const credits = first.locator('ol').first().getByRole('listitem');
  // demo-business has dozens of credits a month: ten, largest first, each linked.
  await expect(credits).toHaveCount(10);
  const amounts = (await credits.locator('.amount').allInnerTexts()).map((a) =>
    Number(a.replace(/[₹,]/g, '')),
  );
  expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
  await expect(credits.getByRole('button')).toHaveCount(10);
  await credits.getByRole('button').first().click();
  await expect(page.getByRole('complementary', { name: 'Transaction details' })).toBeVisible();
});

test('a hatched missing-data gap never covers the month label under it', async ({ app }) => {
  const { page } = app;
  await startWithReport(app, 'demo-business');
  await selectView(page, FINBOX, 'Account details');
  const strip = page.getByRole('region', { name: 'Coverage' }).locator('.strip');
  await expect(strip.locator('.gap')).not.toHaveCount(0);
  // A label under a gap is on top of the hatching and on its own (mostly opaque) ground,
  // so the hatching does not run through its letters.
  const unreadable = await strip.evaluate((el) => {
    const gaps = [...el.querySelectorAll('.gap')].map((g) => g.getBoundingClientRect());
    const alpha = (color: string): number => {
      const slash = /\/\s*([\d.]+)\s*\)$/.exec(color);
      if (slash) return Number(slash[1]);
      const rgba = /^rgba\([^)]*,\s*([\d.]+)\)$/.exec(color);
      return rgba ? Number(rgba[1]) : 1;
    };
    return [...el.querySelectorAll('.month span')].flatMap((span) => {
      const r = span.getBoundingClientRect();
      const under = gaps.some((g) => g.left < r.right && g.right > r.left);
      if (r.width === 0 || !under) return [];
      const top = el.ownerDocument.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      const view = el.ownerDocument.defaultView!;
      const ground = alpha(view.getComputedStyle(span).backgroundColor);
      return top === span && ground >= 0.5 ? [] : [`${span.textContent} (ground ${ground})`];
    });
  });
  expect(unreadable).toEqual([]);
  await app.screenshot('layout-coverage-gap-label');
});
