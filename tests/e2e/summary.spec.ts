// The Summary tab on demo-business: it is where every new session opens, it answers in one
// 1366x768 screen, its figures equal the summary model computed from the sandbox's own data
// and open their transactions, and its credit memo prints (Chromium's page.pdf with the
// app's print options, through the same summary:pdf channel) to 2-4 A4 pages, each turned
// into a PNG under test-results/memo to look at, and read back as text page by page.
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, SCREENSHOTS, test } from './support/fixtures';
import { saveCreditMemo } from './support/export';
import { sandboxSession, sandboxSummary } from './support/sandbox-data';
import { openSession } from './support/journey';
import {
  expectNoPlaceholders,
  FINBOX,
  panel,
  REFERENCE_ID,
  selectTab,
  selectView,
  tab,
} from './report-steps';
import { rawWords } from './support/raw-words';
import { rupees } from './support/rupees';

const MEMO_DIR = join(__dirname, '../../test-results/memo');

test('demo-business opens on Summary: one screen, traced figures, light and dark', async ({
  app,
}) => {
  const { page } = app;
  const expected = sandboxSummary('demo-business');
  const icici = expected.accounts[0]!;
  await app.open();
  await openSession(page, 'demo-business');
  await expect(tab(page, 'Summary')).toHaveAttribute('aria-selected', 'true', { timeout: 60_000 });
  const summary = panel(page).getByTestId('summary');
  await expect(summary).toBeVisible();
  await expectNoPlaceholders(page);

  // The answer: who, trust, and the two figures the issue names.
  await expect(summary.getByRole('heading', { name: icici.title })).toBeVisible();
  await expect(summary.getByRole('group', { name: 'Data trust' })).toContainText(
    'Do not rely on this data',
  );
  const row = (key: string) => summary.locator(`[data-figure="${key}"]`);
  await expect(row('emiHonoured').locator('dd')).toContainText('11');
  await expect(row('emiBounced').locator('dd')).toContainText('1');
  const statements = summary.getByRole('region', { name: 'Statements' });
  await expect(statements.locator('tbody tr')).toHaveCount(icici.statements.length);
  await expect(statements).toContainText('Author fraud');
  await expect(statements).toContainText('Account Aggregator');

  await mkdir(SCREENSHOTS, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: join(SCREENSHOTS, `summary-demo-business-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  // Everything fits in one 1366x768 screen: nothing of the summary below the fold.
  const bottom = await summary.evaluate((el) => el.getBoundingClientRect().bottom);
  expect(bottom).toBeLessThanOrEqual(768);

  // A figure lists exactly its transactions: the bounced EMI is the one returned.
  await row('emiBounced').getByRole('button').click();
  const trace = page.getByRole('region', { name: 'Transactions behind the figure' });
  await expect(trace).toBeVisible();
  await expect(trace.getByTestId('shown-count')).toHaveText('1');
  await trace.getByRole('button', { name: 'Close list' }).click();

  // Eligible credits: the exact amount the model computes, traced to its credits.
  const eligible = icici.sections
    .flatMap((s) => s.figures)
    .find((f) => f.key === 'eligibleCredits')!;
  await row('eligibleCredits').getByRole('button').click();
  await expect(trace.getByTestId('shown-count')).toHaveText(
    eligible.trace.length.toLocaleString('en-IN'),
  );
  await trace.getByRole('button', { name: 'Close list' }).click();

  // A new session opens on Summary again, whatever tab the last one showed.
  await selectTab(page, 'Transactions');
  await openSession(page, 'demo-retail');
  await expect(tab(page, 'Summary')).toHaveAttribute('aria-selected', 'true', { timeout: 60_000 });
  await expect(panel(page).getByTestId('summary')).toContainText('HDFC Bank');
});

/** A fixture session's raw JSON transactions, the way FinBox sends them. */
interface RawTransaction {
  readonly transaction_type: string;
  readonly amount: number;
  readonly date: string;
}
interface RawAccount {
  readonly account_details: readonly { readonly account_number: string }[];
  readonly transactions: readonly RawTransaction[];
}

const MONTH_NAMES = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/**
 * An account's credits month by month (`Oct 2023` -> paise) and in all, summed here from
 * the fixture's own JSON (an independent computation: no app function reads it).
 */
function rawCredits(sessionId: string, numberEnd: string) {
  const accounts = Object.values(
    (sandboxSession(sessionId).subscribed as unknown as { accounts: Record<string, RawAccount> })
      .accounts,
  );
  const account = accounts.find((a) => a.account_details[0]!.account_number.endsWith(numberEnd))!;
  const months = new Map<string, number>();
  let total = 0;
  for (const t of account.transactions) {
    if (t.transaction_type !== 'credit') continue;
    const label = `${MONTH_NAMES[Number(t.date.slice(5, 7)) - 1]} ${t.date.slice(0, 4)}`;
    const paise = Math.round(t.amount * 100);
    months.set(label, (months.get(label) ?? 0) + paise);
    total += paise;
  }
  return { months, total };
}

interface MemoCase {
  readonly sessionId: string;
  readonly file: string;
  /** The last four digits of each account, to sum its credits from the fixture. */
  readonly accounts: readonly string[];
  /** Texts each section must print (whitespace folded), worked out by hand from the fixture. */
  readonly expected: readonly string[];
  /** Full account numbers that must not print (masked by default). */
  readonly hidden: readonly string[];
}

const MEMO_CASES: readonly MemoCase[] = [
  {
    sessionId: 'demo-business',
    file: 'demo-business',
    accounts: ['1234', '3442'],
    expected: [
      // Header: a number masked to its last four digits after X's for the others, at most
      // eight: 034105001234 (12 digits) and 30558703442 (11).
      'ICICI Bank XXXXXXXX1234',
      'XXXXXXX3442',
      // ICICI's plan runs 5 Oct 2023 to 30 Sep 2024 over three statements.
      'PDF · 05 Oct 2023 to',
      'to 30 Sep 2024',
      // The credit answer: each plan's EMI, a month (TATA CAPITAL ₹45,000; HDFC home loan ₹23,800).
      'TATA CAPITAL LTD Loan EMI ₹45,000.00',
      'HDFC BANK HOME LOAN Loan EMI ₹23,800.00',
      // Counterparties: the SBI salary, ₹64,800 on the 28th of 12 months = ₹7,77,600.
      'KUMAR AUTO COMPONENTS PVT LTD 12 ₹7,77,600.00',
      'Not reviewed in this app',
    ],
    hidden: ['034105001234', '30558703442'],
  },
  {
    sessionId: 'demo-retail',
    file: 'demo-retail',
    accounts: ['7891'],
    expected: [
      // 50100234567891 (14 digits): eight X and 7891.
      'XXXXXXXX7891',
      'PRIYA VENKATESH',
      'PDF · 01 Apr 2024 to',
      'to 30 Sep 2024',
      'BAJAJ FINANCE LTD Loan EMI ₹12,450.00',
      // The salary: ₹86,450 on the 1st of six months, April to September = ₹5,18,700.
      'INFOSYS LIMITED 6 ₹5,18,700.00',
      'Not reviewed in this app',
    ],
    hidden: ['50100234567891'],
  },
  {
    sessionId: REFERENCE_ID,
    file: 'finbox-example',
    accounts: ['0344', '3559'],
    expected: [
      // FinBox's example: 3055870344 (10 digits) and 50100199733559 (14).
      'XXXXXX0344',
      'XXXXXXXX3559',
      // Its statements carry no dates.
      'PDF · period not given',
      // No loan repayment anywhere in its three transactions.
      'No loan, card or BNPL repayments found.',
      // HDFC's one credit: ₹1,000.00 by UPI from LEELA SANKAR PRASAD on 25 Oct 2023, all its credits.
      'LEELA SANKAR PRASAD 1 ₹1,000.00 100.0%',
      'Not reviewed in this app',
    ],
    hidden: ['3055870344', '50100199733559'],
  },
];

/** The text of each page of a PDF (poppler's pdftotext, page by page, laid out). */
function pdfPages(pdf: string): string[] {
  const info = execFileSync('pdfinfo', [pdf]).toString();
  const count = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  return Array.from({ length: count }, (_, k) =>
    execFileSync('pdftotext', ['-layout', '-f', `${k + 1}`, '-l', `${k + 1}`, pdf, '-']).toString(),
  );
}

for (const c of MEMO_CASES) {
  test(`the credit memo of ${c.file}: 2 to 4 full A4 pages, every section, numbered`, async ({
    app,
  }) => {
    const { page } = app;
    await app.open();
    await openSession(page, c.sessionId);
    const summary = panel(page).getByTestId('summary');
    await expect(summary).toBeVisible({ timeout: 60_000 });

    // Dark on screen: the memo still prints in its light palette.
    await page.emulateMedia({ colorScheme: 'dark' });
    const saved = await saveCreditMemo(app, summary, c.sessionId);
    await page.emulateMedia({ colorScheme: 'light' });
    expect((await readFile(saved)).subarray(0, 5).toString()).toBe('%PDF-');
    await expect(page.getByTestId('memo')).toHaveCount(0);

    // Kept with its pages as PNGs, to be looked at.
    await mkdir(MEMO_DIR, { recursive: true });
    const pdf = join(MEMO_DIR, `summary-memo-${c.file}.pdf`);
    await copyFile(saved, pdf);
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(MEMO_DIR, `summary-memo-${c.file}`)]);

    const info = execFileSync('pdfinfo', [pdf]).toString();
    expect(info).toMatch(/Page size:\s+59\d(\.\d+)? x 84\d(\.\d+)? pts \(A4\)/);
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.length).toBeLessThanOrEqual(4);
    for (const [k, text] of pages.entries()) {
      // Every page numbered, with the generated-by line (the footer of the print options).
      expect(text, `page ${k + 1}`).toMatch(
        new RegExp(
          `Generated by BankConnect Viewer \\S+ on \\d\\d [A-Z][a-z]{2} \\d{4}, \\d\\d:\\d\\d · policy: Default policy\\s+Page ${k + 1} of ${pages.length}`,
        ),
      );
      // No half-empty page but the last: a full page holds about 3,000 printed characters.
      if (k < pages.length - 1)
        expect(text.replace(/\s/g, '').length, `page ${k + 1} is mostly empty`).toBeGreaterThan(
          1_800,
        );
    }

    const text = pages.join('\n').replace(/\s+/g, ' ');
    for (const heading of [
      'Credit memo',
      'Data trust:',
      'The credit answer',
      'Obligations schedule, by lender',
      'Month by month',
      'Top counterparties',
      "FinBox's figures against ours",
      "The reviewer's verdict and notes",
    ])
      expect(text, heading).toContain(heading);
    expect(text).toMatch(/\d+ of \d+ of FinBox's figures agree/);
    for (const expected of c.expected) expect(text).toContain(expected);
    for (const number of c.hidden) expect(text).not.toContain(number);
    expect(text).toContain('Account numbers are masked to their last four digits.');
    expect(text).toMatch(/Source Fetched live from Sandbox on \d\d [A-Z][a-z]{2} \d{4}, \d\d:\d\d/);

    // The month table: each month's credits and their total, as summed from the fixture.
    for (const end of c.accounts) {
      const { months, total } = rawCredits(c.sessionId, end);
      for (const [month, paise] of months) expect(text).toContain(`${month} ${rupees(paise)}`);
      expect(text).toContain(`Total ${rupees(total)}`);
    }

    // No raw API word on paper (ids and file names are data).
    expect(rawWords(text)).toEqual([]);
  });
}

test('the credit memo shows an account number in full only once the user revealed it', async ({
  app,
}) => {
  const { page } = app;
  await app.open();
  await openSession(page, 'demo-retail');
  await expect(panel(page).getByTestId('summary')).toBeVisible({ timeout: 60_000 });
  await selectView(page, FINBOX, 'Account details');
  const details = page.getByRole('region', { name: 'Account details' });
  await details.getByRole('button', { name: 'Show account number' }).click();
  await selectTab(page, 'Summary');
  const summary = panel(page).getByTestId('summary');
  const memo = await saveCreditMemo(app, summary, 'demo-retail');
  const text = execFileSync('pdftotext', [memo, '-']).toString().replace(/\s+/g, ' ');
  // The plan's account number, in full, and the memo saying why.
  expect(text).toContain('50100234567891');
  expect(text).toContain('Account numbers are shown in full where the user revealed them');
});

test('Copy summary puts a table on the clipboard', async ({ app }) => {
  const { page } = app;
  await app.open();
  await openSession(page, 'demo-business');
  const summary = panel(page).getByTestId('summary');
  await expect(summary).toBeVisible({ timeout: 60_000 });

  // Copy summary: HTML (a table for Word and Excel) and tab-separated text.
  type CopyEvent = { clipboardData: { getData(type: string): string } | null };
  type Win = {
    copied: Record<string, string>;
    addEventListener(type: 'copy', listener: (e: CopyEvent) => void): void;
  };
  await page.evaluate(() => {
    const w = globalThis as unknown as Win;
    w.copied = {};
    // On window, bubbling: after the app's own copy handler has filled the clipboard data.
    w.addEventListener('copy', (e) => {
      for (const type of ['text/html', 'text/plain'])
        w.copied[type] = e.clipboardData?.getData(type) ?? '';
    });
  });
  await summary.getByRole('button', { name: 'Copy summary' }).click();
  await expect(summary.getByRole('status')).toContainText('Summary copied');
  const copied = await page.evaluate(() => (globalThis as unknown as Win).copied);
  expect(copied['text/html']).toMatch(/^<table[^>]*>.*<caption>Credit summary/s);
  expect(copied['text/html']).toContain('<th>EMIs bounced</th>');
  const lines = copied['text/plain']!.split('\n');
  expect(lines.find((l) => l.startsWith('EMIs honoured\t'))).toMatch(
    /^EMIs honoured\t11( \*)?\t12$/,
  );
});
