// The reference page's example response exported and read back: the ten sheets in order,
// typed cells, exact totals, and each sheet's content.
import ExcelJS from 'exceljs';
import { describe, expect, it, beforeAll } from 'vitest';
import { sumMoney } from '../../../src/shared/model/money';
import { MONEY_FORMAT } from '../../../src/core/export/number-formats';
import {
  column,
  exportTo,
  referenceData,
  referenceView,
  rowsOf,
  sheet,
  statusFor,
  TEN_SHEETS,
} from './helpers';

const CENTRAL = '8cdcf3f2-e4ba-4be8-b0eb-bc619c6cc753';
const HDFC = 'aee2d55d-2a2b-41d7-9ae8-9ab37eaf6cb7';
/** The months the reference's statements cover, oldest first, as the sheets head them. */
const STATEMENT_MONTHS = ['Oct 2023', 'Nov 2023', 'Dec 2023', 'Jan 2024', 'Feb 2024'];

describe('export of the reference response', () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    ({ workbook } = await exportTo(referenceView(statusFor(referenceData()))));
  });

  it('has the ten sheets, named and ordered as specified', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(TEN_SHEETS);
  });

  it('writes every transaction once, debits and credits to the paisa', () => {
    const ws = sheet(workbook, 'Transactions');
    const data = referenceData();
    const input = Object.values(data.accounts).flatMap((a) => a.transactions ?? []);
    expect(ws.rowCount - 1).toBe(input.length);
    const debit = column(ws, 'Debit');
    const credit = column(ws, 'Credit');
    const debits: number[] = [];
    const credits: number[] = [];
    for (let r = 2; r <= ws.rowCount; r++) {
      const d = ws.getCell(r, debit);
      const c = ws.getCell(r, credit);
      if (d.value !== null) {
        expect(d.type).toBe(ExcelJS.ValueType.Number);
        debits.push(d.value as number);
      }
      if (c.value !== null) credits.push(c.value as number);
    }
    const sum = (type: string) =>
      sumMoney(input.filter((t) => t.transaction_type === type).map((t) => t.amount));
    expect(sumMoney(debits)).toBe(sum('debit'));
    expect(sumMoney(credits)).toBe(sum('credit'));
    expect(debits.length + credits.length).toBe(input.length);
  });

  it('writes dates as date cells on the right calendar day', () => {
    const ws = sheet(workbook, 'Transactions');
    const cell = ws.getCell(2, column(ws, 'Date'));
    expect(cell.type).toBe(ExcelJS.ValueType.Date);
    expect((cell.value as Date).toISOString()).toBe('2023-10-23T00:00:00.000Z');
    expect(cell.numFmt).toBe('dd-mmm-yyyy');
    expect(ws.getCell(4, column(ws, 'Date')).value).toEqual(new Date('2023-10-25T00:00:00Z'));
  });

  it('keeps references, hashes and account numbers as text', () => {
    const ws = sheet(workbook, 'Transactions');
    const ref = ws.getCell(4, column(ws, 'Cheque/Ref'));
    expect(ref.value).toBe('0000329849477602');
    expect(ref.type).toBe(ExcelJS.ValueType.String);
    expect(ref.numFmt).toBe('@');
    expect(ws.getCell(2, column(ws, 'Hash')).value).toBe('2d02c1e7863e2844bf9a6fb6c983e4d3');
    // Masked by default: 50100199733559 keeps its last four digits.
    const accounts = rowsOf(sheet(workbook, 'Accounts'));
    const number = accounts.find((r) => r[1] === 'account_number')!;
    expect(number[3]).toBe('XXXXXXXX3559');
  });

  it('formats amounts as numbers with Indian grouping, balances included', () => {
    const ws = sheet(workbook, 'Transactions');
    const balance = ws.getCell(3, column(ws, 'Balance'));
    expect(balance.value).toBe(69850.81);
    // exceljs drops the backslashes of literal commas when it reads a format back.
    expect(balance.numFmt).toBe(MONEY_FORMAT.replace(/\\/g, ''));
  });

  it('freezes and filters the header of tabular sheets, with widths set', () => {
    const ws = sheet(workbook, 'Transactions');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:L4');
    expect(ws.getRow(1).font?.bold ?? ws.getCell(1, 1).font?.bold).toBe(true);
    expect(ws.getColumn(column(ws, 'Narration')).width).toBeGreaterThan(40);
    expect(ws.getColumn(column(ws, 'Date')).width).toBeGreaterThanOrEqual(12);
  });

  it('summarises each account with masked number, holder, status and exact totals', () => {
    const ws = sheet(workbook, 'Summary');
    const rows = rowsOf(ws);
    expect(rows[1]).toEqual(['Session id', 'fdf6fe90-c1a0-41f7-964f-bb2425975309']);
    expect(rows[2]![0]).toBe('Data fetched');
    expect(rows[2]![1]).toMatch(/^22-Apr-2024 \d\d:\d\d:00 \(UTC[+-]\d\d:\d\d\)$/);
    expect(rows[3]).toEqual(['Source', 'Work (apis.bankconnect.finbox.in)']);
    const headerRow = rows.findIndex((r) => r[0] === 'Account') + 1;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow });
    const cell = (r: number, header: string) => ws.getCell(r, column(ws, header, headerRow)).value;
    const central = headerRow + 1;
    expect(cell(central, 'Account')).toBe('CENTRAL 0344');
    expect(cell(central, 'Account number')).toBe('XXXXXX0344');
    expect(cell(central, 'Holder')).toBe('R K ENTERPRISES');
    expect(cell(central, 'Months covered')).toBe('Oct 2023 to Feb 2024 (5 months)');
    expect(cell(central, 'Missing data')).toBe('21-Feb-2024 to 21-Apr-2024');
    expect(cell(central, 'Status')).toBe('failed');
    expect(cell(central, 'Status message')).toMatch(/^INCOMPLETE_MONTHS: Insufficient data/);
    expect(cell(central, 'Transactions')).toBe(2);
    expect(cell(central, 'Total credits')).toBe(59620.32);
    expect(cell(central, 'Total debits')).toBe(59);
    expect(cell(central, 'Fraud items')).toBe(3);
    expect(cell(central + 1, 'Account number')).toBe('XXXXXXXX3559');
    expect(cell(central + 1, 'IFSC')).toBe('HDFC0009015');
    expect(ws.autoFilter).toBe(`A${headerRow}:P${headerRow + 2}`);
  });

  it('lists account and statement statuses', () => {
    const rows = rowsOf(sheet(workbook, 'Status'));
    expect(rows[0]!.slice(0, 6)).toEqual([
      'Account',
      'Level',
      'Statement',
      'Status',
      'Error code',
      'Message',
    ]);
    expect(rows[1]!.slice(0, 5)).toEqual([
      'CENTRAL 0344',
      'Account',
      null,
      'failed',
      'INCOMPLETE_MONTHS',
    ]);
    expect(rows[2]!.slice(0, 5)).toEqual([
      'CENTRAL 0344',
      'Statement',
      '036917f1-06dc-44c1-8f40-509c3a6093aa',
      'failed',
      'PASSWORD_INCORRECT',
    ]);
    // The documented message stands in when the API gives none.
    expect(rows[2]![5]).toBe('The provided password is incorrect');
    expect(rows).toHaveLength(5);
  });

  it('has every account_details field, by name and as the API spells it', () => {
    const rows = rowsOf(sheet(workbook, 'Accounts'));
    const fields = Object.keys(referenceData().accounts[CENTRAL]!.account_details[0]!);
    expect(rows[0]).toEqual(['Field', 'API field', 'CENTRAL 0344', 'HDFC 3559']);
    expect(rows.slice(1).map((r) => r[1])).toEqual(fields);
    const row = (key: string) => rows.find((r) => r[1] === key)!;
    expect(row('missing_data')[0]).toBe('Missing data');
    expect(row('missing_data')[2]).toBe('2024-02-21 to 2024-04-21');
    expect(row('months')[3]).toBe('2023-10, 2023-11, 2023-12, 2024-01, 2024-02, 2024-03, 2024-04');
    expect(row('account_category')[0]).toBe('Account category');
  });

  it('masks account numbers by default and says so; --unmasked writes them in full', async () => {
    const masked = rowsOf(sheet(workbook, 'Summary'));
    expect(masked).toContainEqual([
      'Account numbers',
      'masked to their last four digits (for the full numbers, tick Full account numbers before Export in the app, or run bcv export --unmasked)',
    ]);
    // The Predictors' accountnumber too: nowhere is the full number written.
    for (const name of ['Summary', 'Accounts', 'Predictors']) {
      expect(JSON.stringify(rowsOf(sheet(workbook, name)))).not.toContain('50100199733559');
    }
    const { workbook: full } = await exportTo(referenceView(statusFor(referenceData())), {
      unmasked: true,
    });
    expect(rowsOf(sheet(full, 'Summary'))).toContainEqual([
      'Account numbers',
      'in full (asked for at export)',
    ]);
    const accounts = rowsOf(sheet(full, 'Accounts'));
    expect(accounts.find((r) => r[1] === 'account_number')![3]).toBe('50100199733559');
  });

  it('pivots monthly analysis oldest to newest, one row per metric and account', () => {
    const rows = rowsOf(sheet(workbook, 'Monthly Analysis'));
    expect(rows[0]).toEqual([
      'Account',
      'Group',
      'Metric',
      'API field',
      ...STATEMENT_MONTHS,
      'Mar 2024',
      'Apr 2024',
    ]);
    expect(rows[1]).toEqual([
      'CENTRAL 0344',
      'Balances',
      'Opening balance',
      'opening_balance',
      10289.49,
      97862.41,
      208.11,
      323.62,
      122548.98,
    ]);
    expect(rows[3]).toEqual([
      'HDFC 3559',
      'Balances',
      'Opening balance',
      'opening_balance',
      6.86,
      10.86,
      52134.54,
      355.24,
      1573.24,
      508.16,
      2.81,
    ]);
  });

  it('ranks top credits and debits per month with month cells', () => {
    const ws = sheet(workbook, 'Top Credits & Debits');
    const rows = rowsOf(ws);
    expect(rows[1]).toEqual([
      'CENTRAL 0344',
      new Date(Date.UTC(2023, 9, 1)),
      'Credit',
      1,
      '27/10/23 BY TRF. RTGSRAJA RICE MILLS TRF FROM 59116232661',
      400000,
    ]);
    expect(ws.getCell(2, 2).numFmt).toBe('mmm-yyyy');
    expect(rows.filter((r) => r[0] === 'HDFC 3559' && r[2] === 'Debit')).toHaveLength(5);
  });

  it('lists fraud items, marking a hash missing from the response', () => {
    const rows = rowsOf(sheet(workbook, 'Fraud'));
    expect(rows[1]!.slice(0, 5)).toEqual([
      'CENTRAL 0344',
      'Author fraud',
      'Statement file',
      'Statement',
      '036917f1-06dc-44c1-8f40-509c3a6093aa',
    ]);
    expect(rows[1]![11]).toBe('author_fraud');
    expect(rows[2]![7]).toBe('not in this response');
    expect(rows[2]![10]).toBe(
      'Previous date: 2023-11-07 00:00:00; Current date: 2023-11-07 00:00:00',
    );
    expect(rows[3]![3]).toBe('Account');
    const statements = rows.findIndex((r) => r[0] === 'Fraudulent statements');
    expect(rows[statements + 2]).toEqual(['CENTRAL 0344', '036917f1-06dc-44c1-8f40-509c3a6093aa']);
  });

  it('shows scalar predictors and pivots the per-month ones', () => {
    const rows = rowsOf(sheet(workbook, 'Predictors'));
    expect(rows[0]).toEqual(['CENTRAL 0344 — predictors']);
    expect(rows).toContainEqual(['Customer name', 'customer_name', 'R K ENTERPRISES']);
    expect(rows).toContainEqual(['CC/OD limit', 'ccod_limit', 0]);
    expect(rows).toContainEqual(['Account and period']);
    const header = rows.findIndex((r) => r[0] === 'Per month');
    expect(rows[header]).toEqual(['Per month', 'API field', ...STATEMENT_MONTHS]);
    const byKey = (key: string) => rows.slice(header).find((r) => r[1] === key);
    expect(byKey('expense')).toEqual([
      'Expense',
      'expense',
      1080581.91,
      4701695.02,
      10415328.91,
      1288794.04,
      760951,
    ]);
    expect(byKey('total_inward_chq_bounces_insuff_fund')).toEqual([
      'Total inward cheque bounces insufficient funds',
      'total_inward_chq_bounces_insuff_fund',
      null,
      null,
      null,
      null,
      0,
    ]);
    // Each group is a heading row before its predictors.
    const bounces = rows.indexOf(byKey('total_inward_chq_bounces_insuff_fund')!);
    expect(
      rows
        .slice(header, bounces)
        .reverse()
        .find((r) => r.length === 1),
    ).toEqual(['Bounces and charges']);
  });

  it('keeps empty sheets with a one-line note', () => {
    const rows = rowsOf(sheet(workbook, 'Salary'));
    expect(rows).toEqual([['No salary transactions in this response.']]);
  });

  it('names the EOD columns by month and adds the figures below the days', () => {
    const rows = rowsOf(sheet(workbook, 'EOD Balances'));
    expect(rows[0]).toEqual(['CENTRAL 0344 — end-of-day balances']);
    expect(rows[1]).toEqual(['Day', ...STATEMENT_MONTHS, 'All months']);
    expect(rows[2]).toEqual([1, null, 320772.41]);
    expect(rows.map((r) => r[0])).toContain('ABB (5/10/15/20/25/last)');
  });
});

describe('export options', () => {
  it('exports one account when asked', async () => {
    const { workbook } = await exportTo(referenceView(statusFor(referenceData())), {
      accountId: HDFC,
    });
    const rows = rowsOf(sheet(workbook, 'Transactions'));
    expect(rows.slice(1).map((r) => r[0])).toEqual(['HDFC 3559']);
    expect(
      rowsOf(sheet(workbook, 'Status'))
        .slice(1)
        .every((r) => r[0] === 'HDFC 3559'),
    ).toBe(true);
    const summary = rowsOf(sheet(workbook, 'Summary'));
    expect(summary).toContainEqual(['Accounts', 'HDFC 3559 only (of 2)']);
  });

  it('refuses an account that is not in the session', async () => {
    await expect(exportTo(referenceView(), { accountId: 'nope' })).rejects.toMatchObject({
      code: 'NO_SUCH_ACCOUNT',
    });
  });

  it('adds every transaction field as an extra last sheet when asked', async () => {
    const { workbook } = await exportTo(referenceView(), { allFields: true });
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      ...TEN_SHEETS,
      'Transactions (all fields)',
    ]);
    const ws = sheet(workbook, 'Transactions (all fields)');
    const rows = rowsOf(ws);
    expect(rows[0]).toContain('categorization_time_stamp');
    expect(rows[0]).toContain('matched_transaction_category');
    expect(rows).toHaveLength(4);
    expect(ws.getCell(2, column(ws, 'amount')).value).toBe(59);
    expect(ws.getCell(2, column(ws, 'date')).value).toEqual(new Date('2023-10-23T00:00:00Z'));
  });

  it('says where the data came from when it is sandbox data', async () => {
    const dir = await import('./helpers').then((h) => h.tempDir());
    const { exportWorkbook } = await import('../../../src/core/export/export-workbook');
    const path = `${dir}/s.xlsx`;
    await exportWorkbook(
      referenceView(),
      { fetchedAt: '', source: 'sandbox', sandbox: true },
      {
        destination: path,
      },
    );
    const { readBack } = await import('./helpers');
    const rows = rowsOf(sheet(await readBack(path), 'Summary'));
    expect(rows).toContainEqual(['Source', 'sandbox: generated demo data, not real bank data']);
    expect(rows).toContainEqual(['Data fetched', 'not recorded']);
  });
});
