// Export from the app, masked by default and in full when asked: the same workbook option
// as `bcv export --unmasked`, read back from the Accounts sheet. The tick is for one
// workbook: the next export is masked again.
import ExcelJS from 'exceljs';
import { expect, test, type AppFixture } from './support/fixtures';
import { sandboxSession } from './support/sandbox-data';
import { openReport } from './support/journey';

/** Every account number the sandbox sent for the session, read from its raw JSON. */
function sentNumbers(sessionId: string): string[] {
  const raw = JSON.stringify(sandboxSession(sessionId).subscribed);
  return [...raw.matchAll(/"account_number":"(\d+)"/g)].map((m) => m[1]!);
}

/** The Accounts sheet's cells as text, after the export has written the file. */
async function accountsCells(file: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const cells: string[] = [];
  workbook.getWorksheet('Accounts')!.eachRow((row) =>
    row.eachCell((cell) => {
      cells.push(cell.text);
    }),
  );
  return cells;
}

async function exportOnce(app: AppFixture): Promise<void> {
  const { page } = app;
  const before = app.host.exchanges.filter((x) => x.channel === 'export:xlsx').length;
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect
    .poll(() => app.host.exchanges.filter((x) => x.channel === 'export:xlsx').length, {
      timeout: 60_000,
    })
    .toBe(before + 1);
  await expect(page.getByRole('status').filter({ hasText: 'Exported to' })).toBeVisible();
}

test('Export masks account numbers unless Full account numbers is ticked, for that workbook only', async ({
  app,
}) => {
  const { page, host } = app;
  const numbers = sentNumbers('demo-business');
  expect(numbers.length).toBeGreaterThan(0);
  // Masked: the last four digits after Xs (034105001234 -> XXXXXXXX1234).
  const masked = numbers.map((n) => `${'X'.repeat(n.length - 4)}${n.slice(-4)}`);
  const file = `${host.exportDir}/demo-business.xlsx`;

  await app.open();
  await openReport(page, 'demo-business');
  const full = page.getByRole('checkbox', { name: 'Full account numbers' });
  await expect(full).not.toBeChecked();

  await exportOnce(app);
  let cells = await accountsCells(file);
  for (const [i, n] of numbers.entries()) {
    expect(cells).toContain(masked[i]);
    expect(cells.some((c) => c.includes(n))).toBe(false);
  }

  await full.check();
  await app.screenshot('export-unmasked-ticked');
  await exportOnce(app);
  cells = await accountsCells(file);
  for (const [i, n] of numbers.entries()) {
    expect(cells).toContain(n);
    expect(cells).not.toContain(masked[i]);
  }
  // The tick was for that workbook: cleared, and the next export is masked.
  await expect(full).not.toBeChecked();
  await exportOnce(app);
  cells = await accountsCells(file);
  for (const n of numbers) expect(cells.some((c) => c.includes(n))).toBe(false);
});
