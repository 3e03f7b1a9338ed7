// The Transactions tab reads like a statement at the sizes underwriters work at (1366x768,
// 1920x1080), light and dark: the narration keeps its width with the details open (beside
// the table when both fit, else below it) and shows a typical narration whole without the
// table scrolling sideways, every amount is whole in its cell, channel and category are
// never cut inside a word, search finds a category ("emi" finds Loan EMI).
import { join } from 'node:path';
import { channelName, channelShortName } from '../../src/shared/format/channel-names';
import { expect, SCREENSHOTS, test, type AppFixture } from './support/fixtures';
import { openReport } from './support/journey';
import { selectTab, selectView } from './report-steps';

async function openTransactions(app: AppFixture): Promise<void> {
  await app.open();
  await openReport(app.page, 'demo-business');
  await selectTab(app.page, 'Transactions');
}

const TABLE = /^Transactions table, scrollable$/;

/** Every rendered row's cells as measured: text, full title, and whether the text overflows. */
async function cells(app: AppFixture, table = TABLE) {
  const rows = app.page.getByRole('region', { name: table }).locator('tbody tr:not(.spacer)');
  // evaluateAll does not wait: the virtual list may not have laid out its rows yet.
  await expect(rows.first()).toBeVisible();
  return rows.evaluateAll((trs) =>
    trs.map((tr) => {
      const at = (selector: string) => {
        const td = tr.querySelector(selector)!;
        return {
          text: td.textContent ?? '',
          title: td.getAttribute('title') ?? '',
          overflows: td.scrollWidth > td.clientWidth + 0.5,
          width: td.getBoundingClientRect().width,
        };
      };
      return {
        narration: at('td.narration'),
        amounts: [at('td.debit'), at('td.credit'), at('td.balance')],
        channel: at('td.channel'),
        category: at('td.category'),
      };
    }),
  );
}

/** Whole words of the full name, then "…", or the full name itself. */
function cutAtWord(shown: string, full: string): boolean {
  if (shown === full) return true;
  if (!shown.endsWith('…')) return false;
  const kept = shown.slice(0, -1);
  return full.startsWith(kept) && /[\s/(),-]/.test(full.charAt(kept.length) || ' ');
}

for (const size of [
  { width: 1366, height: 768, panel: 'below' },
  { width: 1920, height: 1080, panel: 'beside' },
] as const) {
  test(`at ${size.width}x${size.height} narrations keep their width with the details open (${size.panel})`, async ({
    app,
  }) => {
    const { page } = app;
    await page.setViewportSize({ width: size.width, height: size.height });
    await openTransactions(app);
    const before = await cells(app);
    expect(before.length).toBeGreaterThan(10);
    const narrationWidth = before[0]!.narration.width;
    expect(narrationWidth).toBeGreaterThanOrEqual(300);
    for (const row of before.filter((r) => r.narration.text.length <= 60)) {
      expect(row.narration.overflows, row.narration.text).toBe(false);
    }
    // At 1920 px Ref has its column beside a narration of full width.
    const shape = await tableShape(app);
    expect(shape.labels.includes('Ref')).toBe(size.width === 1920);
    expect(shape.sideways).toBeLessThanOrEqual(0);
    for (const row of before) {
      for (const amount of row.amounts) expect(amount.overflows, amount.text).toBe(false);
      // The cell's title ends with the channel as sent (after its full name when the cell
      // shortens it); the cell shows its full or short name, cut only at a space.
      const sent = row.channel.title.split(' — ').pop()!;
      const shown = row.channel.text;
      const names = [channelName(sent), channelShortName(sent)];
      expect(
        names.some((name) => cutAtWord(shown, name)),
        shown,
      ).toBe(true);
      expect(cutAtWord(row.category.text, row.category.title), row.category.text).toBe(true);
    }

    await page.getByRole('tabpanel').locator('tbody tr button.open').nth(2).click();
    const details = page.getByRole('complementary', { name: 'Transaction details' });
    await expect(details).toBeVisible();
    const after = await cells(app);
    // Beside, the narration gives up the panel's width down to its floor; below, nothing.
    if (size.panel === 'below') expect(after[0]!.narration.width).toBeCloseTo(narrationWidth, 0);
    else expect(after[0]!.narration.width).toBeGreaterThanOrEqual(300);
    const table = await page
      .getByRole('region', { name: /^Transactions table, scrollable$/ })
      .boundingBox();
    const panel = (await details.boundingBox())!;
    if (size.panel === 'beside') expect(panel.x).toBeGreaterThanOrEqual(table!.x + table!.width);
    else expect(panel.y).toBeGreaterThanOrEqual(table!.y + table!.height);
    // The panel is on screen, not below the fold.
    expect(panel.y + Math.min(panel.height, 120)).toBeLessThanOrEqual(size.height);

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({
        path: join(SCREENSHOTS, `transactions-details-${size.width}-${scheme}.png`),
      });
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });
}

test('search finds transactions by category and channel: "emi" finds the Loan EMI debits', async ({
  app,
}) => {
  const { page } = app;
  await openTransactions(app);
  const count = page.getByTestId('shown-count');
  const all = await count.textContent();
  await page.getByRole('searchbox', { name: 'Search transactions' }).fill('emi');
  await expect(count).not.toHaveText(all!);
  await expect(count).not.toHaveText('0');
  const found = await cells(app);
  expect(found.length).toBeGreaterThan(0);
  for (const row of found) expect(`${row.narration.text} ${row.category.title}`).toMatch(/emi/i);
  expect(found.some((row) => /loan emi/i.test(row.category.title))).toBe(true);
});

/** The scroller's sideways overflow, and the widest header cell's label. */
async function tableShape(app: AppFixture, table = TABLE) {
  return app.page.getByRole('region', { name: table }).evaluate((scroller) => {
    const heads = [...scroller.querySelectorAll('thead th')].map((th) => ({
      label: th.textContent?.replace(/[▲▼]/g, '').trim() ?? '',
      width: th.getBoundingClientRect().width,
    }));
    return {
      sideways: scroller.scrollWidth - scroller.clientWidth,
      widest: heads.reduce((a, b) => (b.width > a.width ? b : a)).label,
      labels: heads.map((h) => h.label),
    };
  });
}

for (const id of ['demo-business', 'demo-retail']) {
  test(`at 1366x768 ${id}'s narrations up to 60 characters are whole, details open or closed, and nothing scrolls sideways`, async ({
    app,
  }) => {
    const { page } = app;
    expect(page.viewportSize()).toEqual({ width: 1366, height: 768 });
    await app.open();
    await openReport(page, id);
    await selectTab(page, 'Transactions');
    for (const details of ['closed', 'open'] as const) {
      if (details === 'open') {
        await page.getByRole('tabpanel').locator('tbody tr button.open').nth(1).click();
        await expect(
          page.getByRole('complementary', { name: 'Transaction details' }),
        ).toBeVisible();
      }
      const rows = (await cells(app)).slice(0, 20);
      expect(rows.length, details).toBeGreaterThanOrEqual(details === 'open' ? 5 : 18);
      // A typical NEFT/RTGS/IMPS narration is 40-60 characters; longer ones (UPI's, with
      // the VPA and a trailer) are in full on hover and in the details.
      const typical = rows.filter((row) => row.narration.text.length <= 60);
      expect(typical.length, details).toBeGreaterThanOrEqual(details === 'open' ? 3 : 10);
      for (const row of typical) expect(row.narration.overflows, row.narration.text).toBe(false);
      for (const row of rows) expect(row.narration.title).toContain(row.narration.text);
      const shape = await tableShape(app);
      expect(shape.sideways, details).toBeLessThanOrEqual(0);
      expect(shape.widest, details).toBe('Narration');
      // Ref gives way to the narration at this size: it is on the narration's hover.
      expect(shape.labels, details).not.toContain('Ref');
      expect(
        rows.some((row) => /\nRef \S+$/.test(row.narration.title)),
        details,
      ).toBe(true);
    }
  });
}

test('at 1366x768 the transactions behind a figure read the same: typical narrations whole, nothing scrolls sideways', async ({
  app,
}) => {
  const { page } = app;
  await app.open();
  await openReport(page, 'demo-business');
  await selectView(page, 'Analyses', 'Month by month');
  const analyses = page.getByRole('tabpanel').getByTestId('analyses');
  await analyses.locator('tr[data-figure="credits"]').getByRole('button').first().click();
  await expect(page.getByRole('region', { name: 'Transactions behind the figure' })).toBeVisible();
  const list = /^Behind the figure .* table, scrollable$/;
  const rows = await cells(app, list);
  const typical = rows.filter((row) => row.narration.text.length <= 60);
  expect(typical.length).toBeGreaterThanOrEqual(10);
  for (const row of typical) expect(row.narration.overflows, row.narration.text).toBe(false);
  const shape = await tableShape(app, list);
  expect(shape.sideways).toBeLessThanOrEqual(0);
  expect(shape.widest).toBe('Narration');
});
