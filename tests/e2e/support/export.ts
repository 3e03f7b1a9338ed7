// The report's Export button, and the workbook it writes read back (the stubbed save dialog
// puts it in the host's export folder under the session's id).
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { expect, type Page } from '@playwright/test';
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
