// The reviewer's journey in Chromium (in Asia/Kolkata): sign as a reviewer, flag two
// transactions from the table (ticks and one key press), exclude one from eligible credits,
// see the adjusted figure beside the unadjusted one (Review, Insights and Summary tabs),
// record a verdict, write, edit and remove notes, then read all of it back from the PDF
// memo (printed by page.pdf through summary:pdf, read with pdftotext, pages drawn with
// pdftoppm to look at) and the exported workbook.
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { appLibraryDir } from '../../src/core/library/paths';
import { formatLocalTime } from '../../src/shared/format/local-time';
import { computeSessionInsights, summarizeSession } from '../../src/shared/insights';
import { adjustedAbb } from '../../src/shared/review/adjustments';
import { parseSessionData } from '../../src/shared/api/parse';
import { formatDate } from '../../src/shared/model/calendar';
import { formatRupees, fromPaise, toPaise } from '../../src/shared/model/money';
import { normalizeSession } from '../../src/shared/model/normalize';
import { builtInSession } from '../../src/sandbox/sessions';
import { rowsOf, sheet } from '../unit/export/helpers';
import { expectNoAxeViolations } from './support/axe';
import { exportedWorkbook, saveCreditMemo } from './support/export';
import { expect, test } from './support/fixtures';
import { columnText, pdfWords } from './support/pdf-words';
import { openReport } from './support/journey';
import { panel, selectTab, ANALYSES, selectView } from './report-steps';

const MEMO_DIR = join(__dirname, '../../test-results/review-memo');
const ZONE = 'Asia/Kolkata';
test.use({ timezoneId: ZONE });

test('flag two transactions, exclude one, set a verdict and notes, read them back from the PDF memo and the workbook', async ({
  app,
}) => {
  const { page, host } = app;
  const made = builtInSession('demo-retail');
  if (!made || made.kind !== 'data') throw new Error('demo-retail is not a data session');
  const view = normalizeSession(parseSessionData(made.session.subscribed));
  const account = view.accounts[0]!;

  await app.open();
  await openReport(page, 'demo-retail');

  // Sign first: every change is signed with the name from the app's settings.
  await selectTab(page, 'Review');
  await panel(page).getByLabel('Reviewer').fill('Asha Rao');
  await panel(page).getByRole('button', { name: 'Save name' }).click();
  await expect(panel(page).getByText('Changes are signed by Asha Rao')).toBeVisible();

  // Two credits ticked in the table, flagged "Not business income" with key 2.
  await selectTab(page, 'Transactions');
  const table = panel(page).getByRole('table', { name: 'Transactions' });
  const credits = table.locator('tbody tr[data-index]').filter({
    has: page.locator('td.credit:not(:empty)'),
  });
  const first = credits.nth(0);
  const second = credits.nth(1);
  const firstIndex = Number(await first.getAttribute('data-index'));
  const secondIndex = Number(await second.getAttribute('data-index'));
  const a = account.transactions[firstIndex]!;
  const b = account.transactions[secondIndex]!;
  await first.getByRole('checkbox').check();
  await second.getByRole('checkbox').check();
  await expect(panel(page).getByTestId('flag-targets')).toHaveText('2 rows:');
  await page.keyboard.press('2');
  await expect(first.locator('td.flags')).toHaveText('Not business income');
  await expect(second.locator('td.flags')).toHaveText('Not business income');

  // Only the first, excluded from eligible credits with X.
  await second.getByRole('checkbox').uncheck();
  await page.keyboard.press('x');
  await expect(first.locator('td.flags')).toHaveText(
    'Not business income; excluded from eligible credits',
  );
  // The second left out of ABB from the flag bar.
  await first.getByRole('checkbox').uncheck();
  await second.getByRole('checkbox').check();
  await panel(page)
    .getByTestId('flag-bar')
    .getByRole('button', { name: 'Excluded from ABB' })
    .click();
  await expect(second.locator('td.flags')).toHaveText('Not business income; excluded from ABB');
  await second.getByRole('checkbox').uncheck();
  // The flagged-only filter shows the two.
  await panel(page).getByRole('checkbox', { name: 'Flagged only' }).check();
  await expect(panel(page).getByTestId('shown-count')).toHaveText('2');
  await app.screenshot('review-01-flags-in-table');

  // The adjustment beside the figure; the unadjusted figure one click away.
  await selectTab(page, 'Review');
  const adjusted = panel(page).getByTestId('adjusted-eligible');
  await expect(adjusted).toContainText(
    `adjusted by the reviewer: 1 transaction, ${formatRupees(a.amount)}`,
  );
  const shownAdjusted = await adjusted.locator('strong').innerText();
  await adjusted.getByRole('button', { name: /^Unadjusted:/ }).click();
  const shownUnadjusted = await adjusted.locator('strong').innerText();
  const paise = (text: string) => Number(text.replace(/[₹,.]/g, ''));
  expect(paise(shownUnadjusted) - paise(shownAdjusted)).toBe(toPaise(a.amount));

  // Beside the eligible-credits figure of Analyses > Eligible credits too, unadjusted one click away.
  await selectView(page, ANALYSES, 'Eligible credits');
  const note = panel(page).getByTestId('eligible-adjusted');
  await expect(note).toContainText(
    `adjusted by the reviewer: 1 transaction, ${formatRupees(a.amount)}`,
  );
  const eligibleTable = panel(page).getByRole('table', { name: 'Eligible credits' });
  const reviewerLine = eligibleTable.getByRole('row', { name: /less excluded by the reviewer/i });
  await expect(reviewerLine).toContainText(formatRupees(a.amount));
  await note.getByRole('button', { name: 'Show unadjusted' }).click();
  await expect(reviewerLine).not.toContainText(formatRupees(a.amount));
  await app.screenshot('review-03-insights-eligible');
  await selectTab(page, 'Review');

  // A verdict with its reason.
  await panel(page).getByRole('radio', { name: 'Refer' }).check();
  await panel(page).getByLabel('Reason').fill('Ask for the ITR; the sale is one-off');
  await panel(page).getByRole('button', { name: 'Record verdict' }).click();
  await expect(panel(page).getByTestId('verdict')).toContainText(
    'Refer: Ask for the ITR; the sale is one-off (Asha Rao,',
  );
  await expect(
    panel(page).getByRole('table', { name: 'Flagged transactions' }).locator('tbody tr'),
  ).toHaveCount(2);

  // Review times in the reader's zone (Kolkata here), the Indian way, never UTC.
  const reviewFile = join(appLibraryDir(host.userDataDir), 'demo-retail', 'review.json');
  const stored = JSON.parse(await readFile(reviewFile, 'utf8')) as {
    events: { at: string; change: { kind: string } }[];
  };
  const verdictAt = stored.events.find((e) => e.change.kind === 'verdict')!.at;
  await expect(panel(page).getByTestId('verdict')).toContainText(
    `(Asha Rao, ${formatLocalTime(verdictAt, ZONE)})`,
  );

  // Notes: one on the case, one on the account, one removed; the case note edited. Each
  // change is one more line in the history, which keeps what a note said before.
  const addNote = async (text: string, onAccount: boolean) => {
    await panel(page).getByLabel('New note').fill(text);
    await panel(page).getByRole('checkbox', { name: 'On this account only' }).setChecked(onAccount);
    await panel(page).getByRole('button', { name: 'Add note' }).click();
    await expect(panel(page).locator('li[data-note]').filter({ hasText: text })).toBeVisible();
  };
  await addNote('Salary regular since 2023', false);
  await addNote('Rent paid in cash to the landlord', true);
  await addNote('Call the employer', false);
  const noteItem = (text: string) => panel(page).locator('li[data-note]').filter({ hasText: text });
  await noteItem('Salary regular since 2023').getByRole('button', { name: 'Edit' }).click();
  await panel(page).getByLabel('Edit the note').fill('Salary regular since Jan 2023, ITR seen');
  await panel(page).getByRole('button', { name: 'Save edit' }).click();
  await expect(noteItem('Salary regular since Jan 2023, ITR seen')).toContainText(
    '; edited by Asha Rao, ',
  );
  await noteItem('Call the employer').getByRole('button', { name: 'Remove', exact: true }).click();
  await panel(page).getByRole('button', { name: 'Remove note' }).click();
  await expect(noteItem('Call the employer')).toHaveCount(0);
  await expect(panel(page).locator('li[data-note]')).toHaveCount(2);
  const history = panel(page).getByRole('list', { name: 'Edit history' });
  await expect(history).toContainText(
    'Edited a note on the session: Salary regular since Jan 2023, ITR seen (was: Salary regular since 2023)',
  );
  await expect(history).toContainText('Removed a note on the session (was: Call the employer)');
  await app.screenshot('review-02-review-tab');
  await noteItem('Rent paid in cash').getByRole('button', { name: 'Edit' }).click();
  await expectNoAxeViolations(page, 'the Review tab, a note being edited');
  await panel(page).getByRole('button', { name: 'Cancel' }).click();

  // The Summary says the adjustment beside eligible credits (the account's and the
  // session's), opens the transaction it excluded, and shows the unadjusted figure on a click.
  const summaryModel = summarizeSession(view, computeSessionInsights(view));
  const eligibleFigure = summaryModel.accounts[0]!.sections.flatMap((s) => s.figures).find(
    (f) => f.key === 'eligibleCredits',
  )!;
  const unadjustedText = formatRupees(eligibleFigure.value as number);
  const adjustedText = formatRupees(
    fromPaise(toPaise(eligibleFigure.value as number) - toPaise(a.amount)),
  );
  const line = `adjusted by the reviewer: 1 transaction, ${formatRupees(a.amount)}`;
  await selectTab(page, 'Summary');
  const summary = panel(page).getByTestId('summary');
  const row = summary.locator('[data-figure="eligibleCredits"]');
  await expect(row.locator('dd').first()).toHaveText(adjustedText);
  await expect(row.getByTestId('summary-adjustment')).toContainText(line);
  const band = summary.locator('[data-figure="session-eligibleCredits"]');
  await expect(band.locator('dd').first()).toHaveText(adjustedText);
  await expect(band.getByTestId('summary-adjustment')).toContainText(
    `adjusted by the reviewer · Unadjusted: ${unadjustedText}`,
  );
  await app.screenshot('review-04-summary-adjusted');
  await expectNoAxeViolations(page, 'the Summary with adjusted figures');
  await row.getByRole('button', { name: line, exact: true }).click();
  const trace = page.getByRole('region', { name: 'Transactions behind the figure' });
  await expect(trace.getByTestId('shown-count')).toHaveText('1');
  await expect(trace.getByRole('table')).toContainText(a.narration.slice(0, 20));
  await trace.getByRole('button', { name: 'Close list' }).click();
  await row.getByRole('button', { name: `Unadjusted: ${unadjustedText}` }).click();
  await expect(row.locator('dd').first()).toHaveText(unadjustedText);
  await row.getByRole('button', { name: /show adjusted/ }).click();
  await expect(row.locator('dd').first()).toHaveText(adjustedText);
  // ABB without the second, as the review computes it; the figure as computed beside it.
  const abb = adjustedAbb(view, computeSessionInsights(view), {
    excludedKeys: new Set([b.hash]),
  })[0]!;
  expect(abb.adjusted).not.toBe(abb.unadjusted);
  const abbRow = summary.locator('[data-figure="abb"]');
  await expect(abbRow.locator('dd').first()).toHaveText(formatRupees(abb.adjusted));
  await expect(abbRow.getByTestId('summary-adjustment')).toContainText(
    `adjusted by the reviewer: 1 transaction left out of the balances · Unadjusted: ${formatRupees(abb.unadjusted)}`,
  );

  // The memo carries the review: printed as the app prints it, then read back as text.
  const memo = await saveCreditMemo(app, summary, 'demo-retail');
  await rm(MEMO_DIR, { recursive: true, force: true });
  await mkdir(MEMO_DIR, { recursive: true });
  const pdf = join(MEMO_DIR, 'review-memo-demo-retail.pdf');
  await copyFile(memo, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '70', pdf, join(MEMO_DIR, 'review-memo-page')]);
  // The text in reading order, white space folded (a table cell may wrap a line).
  const text = execFileSync('pdftotext', [pdf, '-']).toString().replace(/\s+/g, ' ');
  expect(text).toContain("Reviewer's verdict: Refer");
  expect(text).toContain('Ask for the ITR; the sale is one-off');
  expect(text).toContain(`Asha Rao, ${formatLocalTime(verdictAt, ZONE)}`);
  expect(text).toContain('Salary regular since Jan 2023, ITR seen');
  expect(text).toContain('Rent paid in cash to the landlord');
  expect(text).not.toContain('Call the employer');
  expect(text).toContain(line);
  expect(text).toContain(adjustedText);
  // The review page's adjustments table (as computed, adjusted, why), and the note
  // beside the account page's figure.
  expect(text).toContain(`Eligible credits ${unadjustedText} ${adjustedText} ${line}`);
  expect(text).toContain(`${line}; unadjusted ${unadjustedText}`);
  expect(text).toContain(
    `${formatRupees(abb.unadjusted)} ${formatRupees(abb.adjusted)} adjusted by the reviewer: 1 transaction left out of the balances`,
  );
  expect(text).toContain('Flagged transactions (2)');
  // The flagged transactions' table, column by column (its cells wrap on paper).
  const words = pdfWords(pdf);
  const squeeze = (t: string) => t.replace(/\s+/g, '');
  expect(columnText(words, 'Flags', 'Note')).toBe(
    'Not business income; excluded from eligible credits Not business income; excluded from ABB',
  );
  const isAmount = (w: string) => w.startsWith('₹') || w === 'Cr' || w === 'Dr';
  expect(squeeze(columnText(words, 'Narration', 'Amount', (w) => !isAmount(w)))).toBe(
    squeeze(`${a.narration}${b.narration}`),
  );
  expect(columnText(words, 'Narration', 'Flags', isAmount)).toBe(
    `${formatRupees(a.amount)} Cr ${formatRupees(b.amount)} Cr`,
  );
  expect(columnText(words, 'Date', 'Account')).toBe(`${formatDate(a.date)} ${formatDate(b.date)}`);

  // The workbook carries it all.
  const workbook = await exportedWorkbook(app, 'demo-retail');
  const rows = rowsOf(sheet(workbook, 'Review'));
  expect(rows.find((r) => r[0] === 'Verdict')?.slice(1, 3)).toEqual([
    'Refer',
    'Ask for the ITR; the sale is one-off',
  ]);
  const flagged = rows.filter((r) => r[8] === a.hash || r[8] === b.hash);
  expect(flagged.map((r) => [r[2], r[5], r[7]])).toEqual([
    [a.narration, 'Not business income', 'Excluded from eligible credits'],
    [b.narration, 'Not business income', 'Excluded from ABB'],
  ]);
  const eligible = rows.find((r) => r[1] === 'Eligible credits')!;
  expect(toPaise(eligible[2] as number) - toPaise(eligible[4] as number)).toBe(toPaise(a.amount));
  const tx = workbook.getWorksheet('Transactions')!;
  const header = (tx.getRow(1).values as unknown[]).slice(1);
  const flagsColumn = header.indexOf('Review flags');
  const hashColumn = header.indexOf('Hash');
  const inTransactions: string[] = [];
  tx.eachRow((row, n) => {
    const values = (row.values as unknown[]).slice(1);
    if (n > 1 && values[flagsColumn]) inTransactions.push(`${String(values[hashColumn])}`);
  });
  expect(inTransactions.sort()).toEqual([a.hash, b.hash].sort());
});
