// The Summary tab on demo-business: it is where every new session opens, it answers in one
// 1366x768 screen, its figures equal the summary model computed from the sandbox's own data
// and open their transactions, and its memo prints (Chromium's page.pdf through the same
// summary:pdf channel the app uses) to an A4 PDF that is turned into PNG pages to look at.
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { computeSessionInsights, summarizeSession } from '../../src/shared/insights';
import { normalizeSession } from '../../src/shared/model/normalize';
import { builtInSession } from '../../src/sandbox/sessions';
import { expect, SCREENSHOTS, test } from './support/fixtures';
import { openSession } from './support/journey';
import { expectNoPlaceholders, panel, selectTab, tab } from './report-steps';

const MEMO_DIR = join(__dirname, '../../test-results/memo');

function demoSummary(sessionId: string) {
  const found = builtInSession(sessionId);
  if (!found || found.kind !== 'data') throw new Error(`${sessionId}: not a data session`);
  const view = normalizeSession(found.session.subscribed, found.session.status);
  return summarizeSession(view, computeSessionInsights(view));
}

test('demo-business opens on Summary: one screen, traced figures, light and dark', async ({
  app,
}) => {
  const { page } = app;
  const expected = demoSummary('demo-business');
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

test('the memo: Save summary as PDF writes A4 pages; Copy summary puts a table on the clipboard', async ({
  app,
}) => {
  const { page, host } = app;
  await app.open();
  await openSession(page, 'demo-business');
  const summary = panel(page).getByTestId('summary');
  await expect(summary).toBeVisible({ timeout: 60_000 });

  // Dark on screen: the memo still prints in its light palette.
  await page.emulateMedia({ colorScheme: 'dark' });
  await summary.getByRole('button', { name: 'Save summary as PDF' }).click();
  await expect(summary.getByRole('status')).toContainText('Summary saved to', { timeout: 60_000 });
  const saved = join(host.exportDir, 'demo-business-summary.pdf');
  const bytes = await readFile(saved);
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  await expect(page.getByTestId('memo')).toHaveCount(0);

  await rm(MEMO_DIR, { recursive: true, force: true });
  await mkdir(MEMO_DIR, { recursive: true });
  const pdf = join(MEMO_DIR, 'summary-memo-demo-business.pdf');
  await copyFile(saved, pdf);
  // pdftoppm (Debian poppler-utils) renders each page; the pages are there to be looked at.
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(MEMO_DIR, 'summary-memo-page')]);
  const pages = (await readdir(MEMO_DIR)).filter((f) => f.endsWith('.png'));
  expect(pages.length).toBeGreaterThanOrEqual(2);
  expect(pages.length).toBeLessThanOrEqual(4);
  const info = execFileSync('pdfinfo', [pdf]).toString();
  expect(info).toMatch(/Page size:\s+59\d(\.\d+)? x 84\d(\.\d+)? pts \(A4\)/);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  expect(text).toContain('Credit memo');
  expect(text).toContain('ICICI Bank');
  expect(text).toContain('State Bank of India');
  expect(text).toContain('EMIs bounced');
  expect(text).toContain('Do not rely on this data');
  await page.emulateMedia({ colorScheme: 'light' });

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
