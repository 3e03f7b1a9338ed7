// FinBox's own Excel report as the sandbox serves it behind a presigned link: a small
// workbook with FinBox's Overview fields for one account. The link lasts one hour, as
// FinBox's do; after that the storage answers as S3 does (403 with an XML error body).
import type { GeneratedSession } from './generator';

export const REPORT_LINK_LIFETIME_MS = 60 * 60 * 1000;

export function expiredReportBody(): string {
  return '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>';
}

export async function reportWorkbook(
  session: GeneratedSession,
  accountId: string,
): Promise<Buffer | null> {
  const block = session.subscribed.accounts[accountId];
  if (!block) return null;
  const details = block.account_details[0];
  // Loaded on first use, as the exporter does: every `bcv` command has the sandbox in its
  // bundle, and requiring exceljs at start-up cost each of them ~40 MB and ~0.5 s.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  const overview = workbook.addWorksheet('Overview');
  const rows: [string, unknown][] = [
    ['Name', block.predictors?.['customer_name'] ?? ''],
    ['IFSC', details?.ifsc ?? ''],
    ['MICR', details?.micr ?? ''],
    ['Account Category', details?.account_category ?? ''],
    ['Bank', details?.bank ?? ''],
    ['Account Number', details?.account_number ?? ''],
    ['OD Limit', details?.od_limit ?? ''],
  ];
  for (const [label, value] of rows) overview.addRow([label, String(value)]);
  const transactions = workbook.addWorksheet('Transactions');
  transactions.addRow(['Date', 'Narration', 'Type', 'Amount', 'Balance']);
  for (const t of (block.transactions ?? []).slice(0, 500)) {
    transactions.addRow([
      t.date,
      t.transaction_note ?? '',
      t.transaction_type,
      t.amount,
      t.balance,
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
