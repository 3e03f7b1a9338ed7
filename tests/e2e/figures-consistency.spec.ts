// A consistency test, not a correctness test: for the demo sessions and FinBox's published
// example (the sandbox's reference response), each credit figure shown on the Summary tab
// (Chromium) is the same on the workbook's Summary sheet, its Insights and EOD sheets, the
// memo (the PDF the app prints: its figures, month tables and counterparties) and the
// workbook `bcv export` writes. It proves the surfaces
// lay out one computation; the values themselves are checked by hand in the unit tests
// (tests/unit/insights/*, tests/integration/export-policy.test.ts).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { FigureKind } from '../../src/shared/insights';
import { abbLabel, DEFAULT_POLICY } from '../../src/shared/insights/policy';
import { bcv } from '../integration/support/bcv';
import { readBack, rowsOf, sheet } from '../unit/export/helpers';
import { exportReport, saveCreditMemo } from './support/export';
import { expect, test } from './support/fixtures';
import { sandboxSummary } from './support/sandbox-data';
import { openSession } from './support/journey';
import { panel, REFERENCE_ID, tab } from './report-steps';
import { rupees } from './support/rupees';

type Rows = unknown[][];

async function sheetRows(path: string, name: string): Promise<Rows> {
  return rowsOf(sheet(await readBack(path), name));
}

/** The rows of each titled block (`… credit summary`, `… end-of-day balances`), in order. */
function blocks(rows: Rows, isTitle: (first: string) => boolean): Rows[] {
  const out: Rows[] = [];
  for (const row of rows) {
    const first = typeof row[0] === 'string' ? row[0] : '';
    if (isTitle(first)) out.push([]);
    else if (out.length > 0 && !/credit summary$|end-of-day balances$/.test(first))
      out[out.length - 1]!.push(row);
  }
  return out;
}

/** A Summary-tab text as a number: `-₹9,61,563.86`, `14.4%`, `97.32×`, `11`. */
function numberOf(text: string): number | null {
  const m = /^(-)?₹?([\d,]+(?:\.\d+)?)(%|×)?$/.exec(text.replace(/\s/g, ''));
  if (!m) return null;
  return (m[1] ? -1 : 1) * Number(m[2]!.replace(/,/g, ''));
}

/** The screen's text and the sheet's cell say the same, to the precision each shows. */
function same(kind: FigureKind, screen: string, cell: unknown): boolean {
  if (cell === null || cell === '') return screen === '—';
  if (typeof cell === 'string') return screen === cell;
  const n = numberOf(screen);
  if (n === null || typeof cell !== 'number') return false;
  // Shares: the sheet keeps a percentage to two decimals, the screen shows one.
  if (kind === 'share') return Math.abs(n - cell) <= 0.05 + 1e-9;
  if (kind === 'ratio') return Math.abs(n - cell) <= 0.005 + 1e-9;
  if (kind === 'money') return Math.round(n * 100) === Math.round(cell * 100);
  return n === cell;
}

/** The memo's month table columns, as the Insights sheet names its rows (abbLabel: policy's). */
const MEMO_MONTH_COLUMNS: readonly { label: string; kind: FigureKind; summed: boolean }[] = [
  { label: 'Credits', kind: 'money', summed: true },
  { label: 'Eligible credits', kind: 'money', summed: true },
  { label: 'Debits', kind: 'money', summed: true },
  { label: 'EMIs honoured, amount', kind: 'money', summed: true },
  { label: 'EMIs bounced', kind: 'count', summed: false },
  { label: 'Inward returns', kind: 'count', summed: false },
  { label: abbLabel(DEFAULT_POLICY.abbDays), kind: 'money', summed: false },
  { label: 'Minimum balance', kind: 'money', summed: false },
];

/** Where an account's block starts on the Insights sheet (its title row). */
function accountStart(rows: Rows, label: string): number {
  return rows.findIndex(
    (r) => typeof r[0] === 'string' && (r[0] === label || r[0].startsWith(`${label} — `)),
  );
}

/** An account's "Month by month" block on the Insights sheet: months across, rows by figure. */
function sheetMonths(rows: Rows, label: string) {
  const start = rows.findIndex(
    (r, i) => i > accountStart(rows, label) && r[0] === 'Month by month',
  );
  const head = rows[start + 1]!;
  const end = rows.findIndex((r, i) => i > start && r.length === 0);
  return {
    months: head.slice(1).map(String),
    rows: new Map(rows.slice(start + 2, end).map((r) => [String(r[0]), r.slice(1)])),
  };
}

/** The rows of a titled list (`Top payers (credits) (10)`) in an account's block. */
function sheetList(rows: Rows, label: string, heading: string): Rows {
  const start = rows.findIndex(
    (r, i) =>
      i > accountStart(rows, label) && typeof r[0] === 'string' && r[0].startsWith(`${heading} (`),
  );
  const end = rows.findIndex((r, i) => i > start && r.length === 0);
  return rows.slice(start + 2, end);
}

/**
 * The memo's month tables (pdftotext -layout), one per account in order: each month's
 * cells and the Total row's, a cell being one word (`₹1,15,14,651.07`, `0`, `—`).
 */
function memoMonthTables(layout: string, titles: readonly string[]) {
  const part = layout.slice(layout.indexOf('Month by month'), layout.indexOf('Top counterparties'));
  return titles.map((title, k) => {
    const from = part.indexOf(`${title}\n`);
    const to = k + 1 < titles.length ? part.indexOf(`${titles[k + 1]}\n`) : part.length;
    const months: string[] = [];
    const cells: string[][] = [];
    let total: string[] = [];
    for (const line of part.slice(from, to).split('\n')) {
      const words = line.trim().split(/\s+/);
      if (/^[A-Z][a-z]{2}$/.test(words[0]!) && /^\d{4}$/.test(words[1] ?? '')) {
        months.push(`${words[0]} ${words[1]}`);
        cells.push(words.slice(2));
      } else if (words[0] === 'Total') total = words.slice(1);
    }
    return { months, cells, total };
  });
}

for (const sessionId of ['demo-retail', 'demo-business', REFERENCE_ID]) {
  test(`${sessionId}: each figure is the same on the Summary tab, the workbook, the memo and bcv (consistency)`, async ({
    app,
  }) => {
    test.setTimeout(180_000);
    const { page, host } = app;
    // The figure keys and kinds, to know what to read (values come from the surfaces).
    const model = sandboxSummary(sessionId);
    await app.open();
    await openSession(page, sessionId);
    await expect(tab(page, 'Summary')).toHaveAttribute('aria-selected', 'true', {
      timeout: 60_000,
    });
    const summary = panel(page).getByTestId('summary');

    // The Summary tab, account by account: every figure's text, the policy, the agreement line.
    const screen: Map<string, string>[] = [];
    const lines: string[] = [];
    const radios = page.getByRole('radiogroup', { name: 'Accounts' }).getByRole('radio');
    for (const [k, a] of model.accounts.entries()) {
      if (model.accounts.length > 1) await radios.nth(k).click();
      await expect(summary.getByRole('heading', { name: a.title, exact: true })).toBeVisible();
      const texts = await summary
        .locator('[data-figure]:not([data-figure^="session-"])')
        .evaluateAll((els) =>
          els.map((e) => [
            e.getAttribute('data-figure')!,
            e.querySelector('.figure')?.textContent?.trim() ?? '',
          ]),
        );
      screen.push(new Map(texts as [string, string][]));
      await expect(summary.getByTestId('policy-name')).toHaveText('Policy: Default policy');
      lines.push((await summary.getByTestId('reconciliation-line').textContent())!.trim());
    }
    const sessionText = async (key: string) =>
      (await summary.locator(`[data-figure="session-${key}"] .figure`).textContent())!.trim();

    // The app's workbook, and the one bcv writes for the same session.
    await exportReport(page);
    const appBook = join(host.exportDir, `${sessionId}.xlsx`);
    const cliBook = join(host.exportDir, 'cli.xlsx');
    const cli = await bcv(['export', sessionId, '--sandbox', '-o', cliBook]);
    expect(cli.stderr).toBe('');
    expect(cli.stdout).toContain('; policy: Default policy');

    const summarySheet = await sheetRows(appBook, 'Summary');
    const cliSummary = await sheetRows(cliBook, 'Summary');
    const accountBlocks = blocks(summarySheet, (t) => t.endsWith(': credit summary'));
    expect(accountBlocks).toHaveLength(model.accounts.length);
    // bcv's Summary sheet: the same rows, figure for figure (the header's times aside).
    expect(blocks(cliSummary, (t) => t.endsWith(': credit summary'))).toEqual(accountBlocks);

    // The workbook's account labels, from the Summary sheet's table of accounts.
    const tableAt = summarySheet.findIndex((r) => r[0] === 'Account' && r[1] === 'Bank');
    const labels = summarySheet
      .slice(tableAt + 1, tableAt + 1 + model.accounts.length)
      .map((r) => String(r[0]));
    const insightsRows = await sheetRows(appBook, 'Insights');
    /** An account's "Whole period" rows on the Insights sheet. */
    const wholePeriod = (label: string): Rows => {
      const at = insightsRows.findIndex(
        (r) => typeof r[0] === 'string' && (r[0] === label || r[0].startsWith(`${label} — `)),
      );
      const start = insightsRows.findIndex((r, i) => i > at && r[0] === 'Whole period');
      const end = insightsRows.findIndex((r, i) => i > start && r.length === 0);
      return insightsRows.slice(start + 1, end);
    };
    const eodBlocks = blocks(await sheetRows(appBook, 'EOD Balances'), (t) =>
      t.endsWith('end-of-day balances'),
    );

    for (const [k, a] of model.accounts.entries()) {
      const rows = accountBlocks[k]!;
      const cell = (label: string) => rows.find((r) => r[0] === label)?.[1];
      const figures = a.sections.flatMap((s) => s.figures);
      for (const f of figures) {
        const shown = screen[k]!.get(f.key);
        expect(shown, `${a.title}: ${f.key} on the Summary tab`).toBeDefined();
        expect(
          same(f.kind, shown!, cell(f.label) ?? null),
          `${a.title}: ${f.label}: tab ${shown}, sheet ${String(cell(f.label))}`,
        ).toBe(true);
      }
      expect(cell("FinBox's figures")).toBe(lines[k]);
      expect(cell('Policy')).toBe('Default policy');

      // The Insights sheet's headline figures of the same name are the same cells.
      const insightRows = wholePeriod(labels[k]!);
      let shared = 0;
      for (const f of figures) {
        const label = f.label;
        const row = insightRows.find((r) => r[0] === label);
        if (!row) continue;
        shared++;
        expect(row[1], `${a.title}: Insights sheet ${label}`).toEqual(cell(f.label));
      }
      expect(shared, `${a.title}: figures named alike on Summary and Insights`).toBeGreaterThan(3);

      // The EOD sheet's ABB over all months is the Summary's ABB.
      const eodRows = eodBlocks[k] ?? [];
      const abbRow = eodRows.find((r) => r[0] === abbLabel(DEFAULT_POLICY.abbDays));
      const noEod = eodRows.some((r) => r[0] === 'No end-of-day balances for this account.');
      expect(abbRow !== undefined || noEod, `${a.title}: the EOD sheet's ABB`).toBe(true);
      if (abbRow) {
        const overall = abbRow.filter((v) => v !== null).at(-1);
        const abb = figures.find((f) => f.key === 'abb')!;
        expect(same('money', screen[k]!.get('abb')!, overall ?? null), `${a.title}: EOD ABB`).toBe(
          true,
        );
        expect(abb.label).toBe(abbLabel(DEFAULT_POLICY.abbDays));
      }
    }

    // The session's obligations and FOIR lead the sheet as they lead the tab.
    const lead = (label: string) =>
      summarySheet.find((r) => r[0] === label && r[2] === 'whole session');
    expect(
      same(
        'money',
        await sessionText('monthlyObligations'),
        lead('Monthly obligations')?.[1] ?? null,
      ),
    ).toBe(true);
    expect(same('share', await sessionText('foir'), lead('FOIR')?.[1] ?? null)).toBe(true);

    // The memo prints the same texts.
    const memoPdf = await saveCreditMemo(app, summary, sessionId);
    const memo = execFileSync('pdftotext', [memoPdf, '-']).toString().replace(/\s+/g, ' ');
    expect(memo).toContain(`Policy: Default policy · ${model.reconciliation.line}`);
    for (const [k, a] of model.accounts.entries())
      for (const key of ['monthlyObligations', 'foir', 'abbOverEmi', 'eligibleCredits', 'abb'])
        expect(memo, `${a.title}: ${key} in the memo`).toContain(screen[k]!.get(key)!);

    // The memo's month table is the Insights sheet's month by month, cell for cell, and its
    // Total of a sum is the sheet's months added up; its counterparties are the sheet's top
    // payers and payees.
    const layout = execFileSync('pdftotext', ['-layout', memoPdf, '-']).toString();
    const memoMonths = memoMonthTables(
      layout,
      model.accounts.map((a) => a.title),
    );
    /** The memo as laid out (a table's row on one line), white space folded. */
    const memoRows = layout.replace(/\s+/g, ' ');
    for (const [k, a] of model.accounts.entries()) {
      const sheet = sheetMonths(insightsRows, labels[k]!);
      const printed = memoMonths[k]!;
      expect(sheet.months.length, `${a.title}: months on the Insights sheet`).toBeGreaterThan(0);
      expect(printed.months, `${a.title}: the memo's months`).toEqual(sheet.months);
      for (const [c, column] of MEMO_MONTH_COLUMNS.entries()) {
        const values = sheet.rows.get(column.label)!;
        expect(values, `${a.title}: ${column.label} on the Insights sheet`).toBeDefined();
        for (const [m, month] of sheet.months.entries())
          expect(
            same(column.kind, printed.cells[m]![c]!, values[m] ?? null),
            `${a.title}: ${column.label}, ${month}: memo ${printed.cells[m]![c]}, sheet ${String(values[m])}`,
          ).toBe(true);
        if (column.summed) {
          const paise = values.reduce<number>((t, v) => t + Math.round(Number(v ?? 0) * 100), 0);
          expect(printed.total[c], `${a.title}: ${column.label}, total`).toBe(rupees(paise));
        }
      }
      for (const heading of ['Top payers (credits)', 'Top payees (debits)'])
        for (const row of sheetList(insightsRows, labels[k]!, heading).slice(0, 5)) {
          const [name, count, amount] = row as [string, number, number];
          expect(memoRows, `${a.title}: ${heading} ${name}`).toContain(
            `${name} ${count} ${rupees(Math.round(amount * 100))}`,
          );
        }
    }
  });
}
