// No raw API word where a person reads: every screen of the demo sessions (each tab, every
// account) and every sheet of their workbook, scanned for snake_case and the API's
// lower-case tokens. What the API sent as data (a narration, a ref, a UPI handle, an id, a
// raw key shown on hover or in an "API field" column) is allowed: it sits in elements the
// app marks as data, or matches the few data patterns in support/raw-words.ts.
import { exportedWorkbook } from './support/export';
import { expect, test, type AppFixture } from './support/fixtures';
import { openReport } from './support/journey';
import { EVERY_SCREEN, panel, selectEntry, selectTab } from './report-steps';
import { rawWords } from './support/raw-words';

/**
 * The page's visible text, leaving out what the app marks as data ([data-raw]) and a
 * figure's "How is this computed?", which cites the API fields it is made from by name.
 */
async function visibleWords(app: AppFixture, where: string, into: Map<string, Set<string>>) {
  // A string: this project's test types have no DOM.
  const lines = await app.page.evaluate<string[]>(`(() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent || parent.closest('[data-raw], script, style, option, [hidden], .sr-only, details.how dd')) continue;
      const box = parent.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (getComputedStyle(parent).visibility === 'hidden') continue;
      out.push(n.textContent ?? '');
    }
    return out;
  })()`);
  for (const line of lines) {
    for (const word of rawWords(line)) {
      if (!into.has(word)) into.set(word, new Set());
      into.get(word)!.add(`${where}: ${line.trim().slice(0, 120)}`);
    }
  }
}

function report(found: Map<string, Set<string>>): string[] {
  return [...found].map(([word, places]) => `${word}  <- ${[...places].slice(0, 3).join(' | ')}`);
}

test('no raw API word on any screen of the demo sessions', async ({ app }) => {
  test.setTimeout(300_000);
  const { page } = app;
  const found = new Map<string, Set<string>>();
  await app.open();
  await visibleWords(app, 'start', found);
  await page.getByRole('button', { name: 'Connection', exact: true }).click();
  await visibleWords(app, 'Connection', found);
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await visibleWords(app, 'Library', found);

  for (const session of ['demo-business', 'demo-retail']) {
    await openReport(page, session);
    const accounts = page.getByRole('radiogroup', { name: /account/i }).getByRole('radio');
    const accountCount = Math.max(1, await accounts.count());
    for (let a = 0; a < accountCount; a++) {
      if ((await accounts.count()) > 0) await accounts.nth(a).click();
      for (const entry of EVERY_SCREEN) {
        await selectEntry(page, entry);
        const label = entry.filter(Boolean).join(' > ');
        await visibleWords(app, `${session} account ${a + 1} ${label}`, found);
      }
    }
    // The detail panel of a transaction.
    await selectTab(page, 'Transactions');
    await panel(page).locator('tbody tr button.open').first().click();
    await visibleWords(app, `${session} transaction details`, found);
    await page.keyboard.press('Escape');
  }
  expect(report(found)).toEqual([]);
});

test('no raw API word in any sheet of the workbook', async ({ app }) => {
  const { page } = app;
  await app.open();
  await openReport(page, 'demo-business');
  const workbook = await exportedWorkbook(app, 'demo-business');
  const found = new Map<string, Set<string>>();
  for (const sheet of workbook.worksheets) {
    // Columns headed "API field" (or "… (API)", or FinBox's field) hold the API's names, and
    // a figure's "How it is computed" cites the fields it is made from, by their API names.
    const rawColumns = new Set<number>();
    sheet.eachRow((row) => {
      row.eachCell((cell, col) => {
        if (/\bAPI\b|^FinBox's field$|^How it is computed$/.test(cell.text)) rawColumns.add(col);
      });
    });
    sheet.eachRow((row, r) => {
      row.eachCell((cell, col) => {
        if (rawColumns.has(col) || typeof cell.value !== 'string') return;
        for (const word of rawWords(cell.text)) {
          if (!found.has(word)) found.set(word, new Set());
          found.get(word)!.add(`${sheet.name}!R${r}C${col}: ${cell.text.slice(0, 100)}`);
        }
      });
    });
  }
  expect(report(found)).toEqual([]);
});
