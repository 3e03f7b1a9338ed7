// export: the full workbook (every sheet) from the session as main holds it after an open,
// vs a bare exceljs streaming write of the Transactions rows alone: the same cells as the
// workbook's Transactions sheet (its columns, counterparty fields in use included), with
// no styles, no other sheet and no progress. The child opens the saved session first, so
// its peak memory is that of open + export.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { TransactionView } from '@shared/model/view-model';
import { exportWorkbook } from '../../src/core/export/export-workbook';
import { COUNTERPARTY_FIELDS } from '../../src/core/export/sheets/transactions';
import { openSaved } from '../lib/inputs';
import type { Step } from '../lib/types';

export const exportStep: Step = {
  name: 'export',
  measured: 'exportWorkbook(view) to .xlsx, all sheets',
  baseline: 'exceljs WorkbookWriter: the Transactions sheet cells alone, unstyled',
  async prepare(variant, data) {
    const opened = await openSaved(data);
    const view = opened.loaded.view;
    const destination = join(data.scratchDir, `${variant}.xlsx`);
    if (variant === 'baseline') {
      const rowsOf = view.accounts.map((a) => a.transactions);
      const filled = (v: unknown) => v !== null && v !== undefined && v !== '';
      const valueOf = (t: TransactionView, keys: readonly string[]): unknown =>
        keys.map((k) => t.extra[k]).find(filled) ?? null;
      // The columns the workbook shows: counterparty fields that some row fills.
      const fields = COUNTERPARTY_FIELDS.filter((f) =>
        rowsOf.some((rows) => rows.some((t) => filled(valueOf(t, f.keys)))),
      );
      return async () => {
        const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
          filename: destination,
          useStyles: false,
          useSharedStrings: false,
        });
        const sheet = workbook.addWorksheet('Transactions');
        sheet
          .addRow([
            'Account',
            'Date',
            'Narration',
            'Ref',
            'Debit',
            'Credit',
            'Balance',
            'Channel',
            'Category',
            'Description',
            ...fields.map((f) => f.header),
            'Fraud',
            'Hash',
          ])
          .commit();
        let rows = 0;
        for (const account of view.accounts) {
          for (const t of account.transactions) {
            const row: unknown[] = [
              account.accountId,
              t.date,
              t.narration,
              t.ref,
              t.type === 'debit' ? t.amount : null,
              t.type === 'credit' ? t.amount : null,
              t.balance,
              t.channel,
              t.category,
              t.description,
            ];
            for (const f of fields) row.push(valueOf(t, f.keys));
            row.push(t.fraudTypes.join(', '), t.hash);
            sheet.addRow(row).commit();
            rows++;
          }
        }
        sheet.commit();
        await workbook.commit();
        await rm(destination, { force: true });
        return { facts: { rows, columns: 12 + fields.length } };
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
