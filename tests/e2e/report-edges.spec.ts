// The report's edges, on the reference session opened from a file: a 40,000-character
// narration, an unknown fraud type, a transaction named by fraud, export progress with
// Cancel, and an export that is not available.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { ExportWorkbook } from '../../src/core/deps';
import { expect, test } from './support/fixtures';
import {
  REFERENCE_FIXTURE,
  REFERENCE_ID,
  expectNoPlaceholders,
  openFromFile,
  selectTab,
} from './report-steps';

type Json = Record<string, unknown> & {
  accounts: Record<string, Record<string, unknown> & { transactions: Record<string, unknown>[] }>;
};

const LONG = `NEFT ${'LONGNARRATION '.repeat(2900)}END`.slice(0, 40_000);

test('a 40,000-character narration and an unknown fraud type keep the layout', async ({ app }) => {
  const { page, host } = app;
  const data = JSON.parse(readFileSync(REFERENCE_FIXTURE, 'utf8')) as Json;
  const central = data.accounts['8cdcf3f2-e4ba-4be8-b0eb-bc619c6cc753']!;
  const first = central.transactions[0]!;
  first['transaction_note'] = LONG;
  const fraud = central['fraud'] as { fraud_type: Record<string, unknown>[] };
  fraud.fraud_type.push({
    statement_id: null,
    fraud_type: 'brand_new_check',
    account_id: '8cdcf3f2-e4ba-4be8-b0eb-bc619c6cc753',
    transaction_hash: first['hash'],
    fraud_category: 'transactional',
  });
  const file = join(host.exportDir, 'edited.json');
  await writeFile(file, JSON.stringify(data));

  await app.open();
  await openFromFile(app, file, REFERENCE_ID);
  await page.getByRole('radiogroup', { name: 'Accounts' }).getByRole('radio').first().click();

  // The unknown type shows by its words (the type as sent on hover), with a plain note
  // that it is not described yet.
  await selectTab(page, 'Fraud');
  const item = page.getByRole('listitem').filter({ hasText: 'Brand new check' });
  await expect(item.getByText('Brand new check', { exact: true })).toHaveAttribute(
    'title',
    'brand_new_check',
  );
  await expect(item).toContainText('no description for this type yet');
  await item.getByRole('button', { name: /Open transaction/ }).click();

  // The table row is marked; the side panel shows the whole narration, wrapped.
  const row = page.locator('tr[data-index="0"]');
  await expect(row).toHaveClass(/fraud/);
  const details = page.getByRole('complementary', { name: 'Transaction details' });
  await expect(details).toContainText('Brand new check');
  await expect(details).toContainText('LONGNARRATION LONGNARRATION');
  await expect(details).toContainText(first['hash'] as string);
  await expectNoPlaceholders(page);
  await app.screenshot('report-edge-long-narration');

  // Nothing is wider than the window, and the row keeps its height.
  const widths = await page.evaluate(() => {
    const root = (
      globalThis as unknown as {
        document: { documentElement: { scrollWidth: number; clientWidth: number } };
      }
    ).document.documentElement;
    return { scroll: root.scrollWidth, client: root.clientWidth };
  });
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  expect((await row.boundingBox())!.height).toBeLessThan(40);

  // Escape closes the panel.
  await page.keyboard.press('Escape');
  await expect(details).toBeHidden();
});

test.describe('export with progress and Cancel', () => {
  // A stand-in exporter: reports progress, then waits until the job is cancelled.
  const slowExport: ExportWorkbook = (_view, _meta, options) =>
    new Promise((_resolve, reject) => {
      options.onProgress?.(3, 10, 'Writing Transactions');
      options.signal?.addEventListener('abort', () => reject(new Error('aborted')));
    });
  test.use({ hostOptions: { deps: { exportWorkbook: slowExport } } });

  test('the bar shows progress and Cancel stops the export', async ({ app }) => {
    const { page } = app;
    await app.open();
    await openFromFile(app, REFERENCE_FIXTURE, REFERENCE_ID);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const progress = page.getByRole('status', { name: 'Export progress' });
    await expect(progress).toContainText('Writing Transactions');
    await expect(progress.getByRole('progressbar')).toHaveAttribute('value', '30');
    await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeDisabled();
    await app.screenshot('report-export-progress');
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Export cancelled' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeEnabled();
    expect(app.host.exchanges.map((x) => x.channel)).toContain('job:cancel');
  });

  test("the menu's Export runs the same job, with its progress and Cancel", async ({ app }) => {
    const { page } = app;
    await app.open();
    await openFromFile(app, REFERENCE_FIXTURE, REFERENCE_ID);
    await page.getByRole('button', { name: 'Library' }).click();
    app.host.menu('export');
    const progress = page.getByRole('status', { name: 'Export progress' });
    await expect(progress).toContainText('Writing Transactions');
    await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeDisabled();
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Export cancelled' })).toBeVisible();
    expect(app.host.exchanges.filter((x) => x.channel === 'export:xlsx')).toHaveLength(1);
  });
});
