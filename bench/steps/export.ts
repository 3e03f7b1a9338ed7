// export: the full workbook (every sheet) from the session as main holds it after an open,
// vs a bare exceljs streaming write of the Transactions rows alone. The child opens the
// saved session first, so its peak memory is that of open + export.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { exportWorkbook } from '../../src/main/export/export-workbook';
import { openSaved } from '../lib/inputs';
import type { Step } from '../lib/types';

export const exportStep: Step = {
  name: 'export',
  measured: 'exportWorkbook(view) to .xlsx, all sheets',
  baseline: 'exceljs WorkbookWriter: the Transactions rows alone',
  async prepare(variant, data) {
    const opened = await openSaved(data);
    const view = opened.loaded.view;
    const destination = join(data.scratchDir, `${variant}.xlsx`);
    if (variant === 'baseline') {
      return async () => {
        const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
          filename: destination,
          useStyles: false,
          useSharedStrings: false,
        });
        const sheet = workbook.addWorksheet('Transactions');
        sheet
          .addRow(['Date', 'Narration', 'Ref', 'Debit', 'Credit', 'Balance', 'Channel', 'Category'])
          .commit();
        let rows = 0;
        for (const account of view.accounts) {
          for (const t of account.transactions) {
            sheet
              .addRow([
                t.date,
                t.narration,
                t.ref,
                t.type === 'debit' ? t.amount : null,
                t.type === 'credit' ? t.amount : null,
                t.balance,
                t.channel,
                t.category,
              ])
              .commit();
            rows++;
          }
        }
        sheet.commit();
        await workbook.commit();
        await rm(destination, { force: true });
        return { facts: { rows } };
      };
    }
    return async () => {
      const result = await exportWorkbook(
        view,
        { fetchedAt: opened.loaded.fetchedAt, source: 'Sandbox', sandbox: true },
        { destination },
      );
      await rm(destination, { force: true });
      return { facts: { rows: result.rows } };
    };
  },
};
