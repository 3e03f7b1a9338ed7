// The report's Export button and the Summary's credit memo: what they write, found where the
// stubbed save dialog puts it (the host's export folder, under the session's id).
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { expect, type Locator, type Page } from '@playwright/test';
import { readBack } from '../../unit/export/helpers';
import type { AppFixture } from './fixtures';

/** Clicks Export and waits for the line saying where the workbook went. */
export async function exportReport(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Exported to' })).toBeVisible({
    timeout: 60_000,
  });
}

/** Exports the open report of `sessionId` and reads its workbook back. */
export async function exportedWorkbook(
  app: AppFixture,
  sessionId: string,
): Promise<ExcelJS.Workbook> {
  await exportReport(app.page);
  return readBack(join(app.host.exportDir, `${sessionId}.xlsx`));
}

/** Saves the credit memo from the Summary; the path of the PDF written for `sessionId`. */
export async function saveCreditMemo(
  app: AppFixture,
  summary: Locator,
  sessionId: string,
): Promise<string> {
  await summary.getByRole('button', { name: 'Save credit memo (PDF)' }).click();
  await expect(summary.getByRole('status')).toContainText('Summary saved to', {
    timeout: 60_000,
  });
  return join(app.host.exportDir, `${sessionId}-credit-memo.pdf`);
}
