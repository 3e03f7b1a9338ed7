// Shared by the export tests: the reference response, synthetic sessions of any size, an
// export into a fresh folder, and the workbook read back with exceljs.
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parseSessionData } from '../../../src/shared/api/parse';
import type {
  ApiTransaction,
  SessionStatusResponse,
  SubscribedDataResponse,
} from '../../../src/shared/api/schemas';
import { normalizeSession } from '../../../src/shared/model/normalize';
import type { SessionView } from '../../../src/shared/model/view-model';
import { exportWorkbook, type WorkbookOptions } from '../../../src/core/export/export-workbook';

export const REFERENCE_PATH = join(
  __dirname,
  '../../../src/sandbox/data/reference-subscribed-data.json',
);

export const META = {
  fetchedAt: '2024-04-22T10:15:00.000Z',
  source: 'Work (apis.bankconnect.finbox.in)',
  sandbox: false,
};

export const TEN_SHEETS = [
  'Summary',
  // The underwriting insights (issue 7), right after Summary.
  'Insights',
  // Our figures beside FinBox's own (issue 23).
  'Reconciliation',
  'Status',
  'Accounts',
  'Transactions',
  'Monthly Analysis',
  'EOD Balances',
  'Top Credits & Debits',
  'Fraud',
  'Predictors',
  'Salary',
  // Everything else received (issue 13): nothing dropped silently.
  'Other API data',
];

export function referenceData(): SubscribedDataResponse {
  return parseSessionData(
    JSON.parse(readFileSync(REFERENCE_PATH, 'utf8')),
  ) as SubscribedDataResponse;
}

export function referenceView(status: SessionStatusResponse | null = null): SessionView {
  return normalizeSession(referenceData(), status);
}

export function statusFor(data: SubscribedDataResponse): SessionStatusResponse {
  return {
    session_id: data.session_id,
    accounts: Object.entries(data.accounts).map(([id, block], i) => ({
      bank_name: block.account_details[0]?.bank ?? null,
      account_number: block.account_details[0]?.account_number ?? null,
      account_id: id,
      account_status: i === 0 ? 'failed' : 'completed',
      error_code: i === 0 ? 'INCOMPLETE_MONTHS' : null,
      error_message:
        i === 0
          ? 'Insufficient data to generate report. There are no transactions for Mar 2024'
          : null,
      created_at: '2024-04-22T09:00:00Z',
      last_updated_at: '2024-04-22T09:05:00Z',
      statements: (block.account_details[0]?.statements ?? []).map((s, j) => ({
        statement_id: s,
        statement_status: j === 0 && i === 0 ? 'failed' : 'completed',
        error_code: j === 0 && i === 0 ? 'PASSWORD_INCORRECT' : null,
        error_message: null,
        source: 'pdf',
        created_at: '2024-04-22T09:01:00Z',
      })),
    })),
  };
}

/** A transaction like the API's, with the fields the reference shows. */
export function apiTransaction(
  accountId: string,
  i: number,
  overrides: Partial<ApiTransaction> = {},
): ApiTransaction {
  const credit = i % 3 === 0;
  // Amounts with paise that do not add up exactly in binary floating point.
  const amount = Math.round(((i * 7919) % 250_000) + 0.07 * (i % 13) * 100) / 100 + 0.1;
  return {
    transaction_type: credit ? 'credit' : 'debit',
    transaction_note: `UPI-PAYEE ${i}-98${String(i).padStart(8, '0')}@YBL-PAYMENT ${i}`,
    chq_num: `0000${String(329849477602 + i)}`,
    amount: Math.round(amount * 100) / 100,
    balance: Math.round((100_000 - i * 3.33) * 100) / 100,
    date: `2023-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')} 00:00:00`,
    transaction_channel: credit ? 'upi' : 'net_banking_transfer',
    hash: `h${String(i).padStart(31, '0')}`,
    merchant_category: '',
    description: credit ? 'transfer_in' : 'transfer_out',
    category: 'Others',
    statement_id: null,
    account_id: accountId,
    ...overrides,
  };
}

/** The reference response with its first account's transactions replaced. */
export function withTransactions(
  transactions: (accountId: string) => ApiTransaction[],
  extra: Partial<SubscribedDataResponse['accounts'][string]> = {},
): SubscribedDataResponse {
  const data = referenceData();
  const [id, block] = Object.entries(data.accounts)[0]!;
  data.accounts[id] = { ...block, transactions: transactions(id), ...extra };
  return parseSessionData(data) as SubscribedDataResponse;
}

export async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'bcv-export-'));
}

export async function exportTo(
  view: SessionView,
  options: Partial<WorkbookOptions> = {},
): Promise<{ path: string; dir: string; workbook: ExcelJS.Workbook }> {
  const dir = await tempDir();
  const path = join(dir, 'report.xlsx');
  await exportWorkbook(view, META, {
    destination: path,
    now: () => new Date('2024-04-23T06:30:00.000Z'),
    ...options,
  });
  return { path, dir, workbook: await readBack(path) };
}

export async function readBack(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** The rows of a sheet as arrays of cell values (index 0 = column A). */
export function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = Array.from((row.values as unknown[]).slice(1), (v) => v ?? null);
  });
  return Array.from(rows, (r) => r ?? []);
}

export function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** Column number (1-based) of a header in row `row`. */
export function column(ws: ExcelJS.Worksheet, header: string, row = 1): number {
  const values = ws.getRow(row).values as unknown[];
  const i = values.indexOf(header);
  if (i < 1) throw new Error(`no column ${header} in ${ws.name}`);
  return i;
}
