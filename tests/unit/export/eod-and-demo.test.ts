// The generated demo-business session (two accounts, twelve months, fraud, salary): every
// sheet has data, totals are exact, and the EOD sheet's figures match an independent
// computation from the raw eod_balances block.
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SubscribedDataResponse } from '../../../src/shared/api/schemas';
import { normalizeSession } from '../../../src/shared/model/normalize';
import { sumMoney } from '../../../src/shared/model/money';
import { builtInSession } from '../../../src/sandbox/sessions';
import { column, exportTo, rowsOf, sheet, TEN_SHEETS } from './helpers';

function demo(id = 'demo-business'): {
  data: SubscribedDataResponse;
  view: ReturnType<typeof normalizeSession>;
} {
  const made = builtInSession(id);
  if (!made || made.kind !== 'data') throw new Error('demo-business is not a data session');
  const data = made.session.subscribed;
  return { data, view: normalizeSession(data, made.session.status) };
}

/** Days in a `Mon-YY` month, from first principles. */
function monthDays(label: string): number {
  const [mon, yy] = label.split('-') as [string, string];
  const m = [
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'May',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Oct',
    'Nov',
    'Dec',
  ].indexOf(mon);
  return new Date(Date.UTC(2000 + Number(yy), m + 1, 0)).getUTCDate();
}

/** ABB the way a lender computes it: the 5th, 10th, 15th, 20th, 25th and last day's balances. */
function independentAbb(series: (number | null)[], days: number): number | null {
  const picked = [5, 10, 15, 20, 25, days]
    .map((d) => series[d - 1])
    .filter((v): v is number => typeof v === 'number');
  if (picked.length === 0) return null;
  const paise = picked.reduce((s, v) => s + Math.round(v * 100), 0);
  return Math.round(paise / picked.length) / 100;
}

describe('export of demo-business', () => {
  let workbook: ExcelJS.Workbook;
  let data: SubscribedDataResponse;
  beforeAll(async () => {
    const d = demo();
    data = d.data;
    ({ workbook } = await exportTo(d.view));
  });

  it("fills every sheet, Salary with the savings account's salary credits", () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(TEN_SHEETS);
    for (const ws of workbook.worksheets) {
      // subscribed_data sends nothing beyond the documented blocks: that sheet says so.
      if (ws.name === 'Other API data') continue;
      expect(ws.rowCount, ws.name).toBeGreaterThan(2);
    }
    const salaries = Object.values(data.accounts).flatMap((a) => a.salary_transactions ?? []);
    expect(salaries.length).toBeGreaterThan(0);
    expect(sheet(workbook, 'Salary').rowCount - 1).toBe(salaries.length);
  });

  it('writes every transaction with exact debit and credit sums', () => {
    const ws = sheet(workbook, 'Transactions');
    const input = Object.values(data.accounts).flatMap((a) => a.transactions ?? []);
    expect(ws.rowCount - 1).toBe(input.length);
    const col = (h: string) => column(ws, h);
    const debits: number[] = [];
    const credits: number[] = [];
    for (let r = 2; r <= ws.rowCount; r++) {
      const d = ws.getCell(r, col('Debit')).value;
      const c = ws.getCell(r, col('Credit')).value;
      if (typeof d === 'number') debits.push(d);
      if (typeof c === 'number') credits.push(c);
    }
    const sum = (type: string) =>
      sumMoney(input.filter((t) => t.transaction_type === type).map((t) => t.amount));
    expect(sumMoney(debits)).toBe(sum('debit'));
    expect(sumMoney(credits)).toBe(sum('credit'));
  });

  it('writes salary transactions (demo-retail) with the Transactions columns first', async () => {
    const retail = demo('demo-retail');
    const { workbook: book } = await exportTo(retail.view);
    const tx = rowsOf(sheet(book, 'Transactions'))[0]!;
    const salary = rowsOf(sheet(book, 'Salary'));
    expect(salary[0]!.slice(0, tx.length)).toEqual(tx);
    const input = Object.values(retail.data.accounts).flatMap((a) => a.salary_transactions ?? []);
    expect(input.length).toBeGreaterThan(0);
    expect(salary.length - 1).toBe(input.length);
    const amount = salary[0]!.indexOf('Credit');
    expect(sumMoney(salary.slice(1).map((r) => r[amount] as number))).toBe(
      sumMoney(input.map((t) => t.amount)),
    );
  });

  it('computes each month’s ABB, average, minimum and maximum as a lender would', () => {
    const rows = rowsOf(sheet(workbook, 'EOD Balances'));
    const accounts = Object.entries(data.accounts);
    let checked = 0;
    for (const [, block] of accounts) {
      const eod = block.eod_balances!;
      // The block for this account starts at its title row; the header follows.
      const title = rows.findIndex(
        (r, i) => typeof r[0] === 'string' && r[0].endsWith('end-of-day balances') && i >= checked,
      );
      checked = title + 1;
      const header = rows[title + 1]!;
      const abbRow = rows.slice(title).find((r) => String(r[0]).startsWith('ABB'))!;
      const avgRow = rows.slice(title).find((r) => r[0] === 'Average')!;
      const minRow = rows.slice(title).find((r) => r[0] === 'Minimum')!;
      const maxRow = rows.slice(title).find((r) => r[0] === 'Maximum')!;
      const labels = [...eod.Months_order];
      expect(header.length - 2).toBe(labels.length);
      // The statement period: first to last day with a balance or a transaction.
      const dayNo = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000;
      const MONTHS = 'JanFebMarAprMayJunJulAugSepOctNovDec';
      const firstOf = (label: string) => {
        const [mon, yy] = label.split('-') as [string, string];
        return Date.UTC(2000 + Number(yy), MONTHS.indexOf(mon) / 3, 1) / 86_400_000;
      };
      let first = Infinity;
      let last = -Infinity;
      for (const label of labels) {
        const series = (eod as Record<string, unknown>)[label] as (number | null)[];
        series.forEach((v, d) => {
          if (typeof v !== 'number') return;
          first = Math.min(first, firstOf(label) + d);
          last = Math.max(last, firstOf(label) + d);
        });
      }
      for (const t of block.transactions ?? []) {
        first = Math.min(first, dayNo(t.date));
        last = Math.max(last, dayNo(t.date));
      }
      const missing = (block.account_details as unknown as { missing_data?: unknown[] }[])
        .flatMap((d) => (d.missing_data ?? []) as { from_date: string; to_date: string }[])
        .map((r) => [dayNo(r.from_date), dayNo(r.to_date)] as const);
      // The period ABB: each month's ABB weighed by the share of its days covered.
      let weighted = 0;
      let weights = 0;
      labels.forEach((label, i) => {
        const series = (eod as Record<string, unknown>)[label] as (number | null)[];
        const days = monthDays(label);
        const present = series.slice(0, days).filter((v): v is number => typeof v === 'number');
        expect(abbRow[i + 1], `${label} ABB`).toBe(independentAbb(series, days));
        const paise = present.reduce((s, v) => s + Math.round(v * 100), 0);
        expect(avgRow[i + 1]).toBe(Math.round(paise / present.length) / 100);
        expect(minRow[i + 1]).toBe(Math.min(...present));
        expect(maxRow[i + 1]).toBe(Math.max(...present));
        let covered = 0;
        for (let d = 0; d < days; d++) {
          const n = firstOf(label) + d;
          if (n >= first && n <= last && !missing.some(([a, b]) => n >= a && n <= b)) covered++;
        }
        const abb = independentAbb(series, days);
        if (abb !== null && covered > 0) {
          weighted += Math.round(abb * 100) * (covered / days);
          weights += covered / days;
        }
        // The day rows hold the series itself.
        for (let d = 1; d <= days; d++) {
          expect(rows[title + 1 + d]![i + 1], `${label} day ${d}`).toBe(series[d - 1] ?? null);
        }
      });
      expect(abbRow[labels.length + 1]).toBe(Math.round(weighted / weights) / 100);
    }
  });

  it('names the transaction behind each fraud item', () => {
    const rows = rowsOf(sheet(workbook, 'Fraud'));
    const items = Object.values(data.accounts).flatMap((a) => a.fraud?.fraud_type ?? []);
    expect(items.length).toBeGreaterThan(0);
    const withHash = items.filter((i) => i.transaction_hash);
    for (const item of withHash) {
      const row = rows.find((r) => r[5] === item.transaction_hash && r[11] === item.fraud_type);
      expect(row, item.fraud_type).toBeDefined();
      const found = Object.values(data.accounts)
        .flatMap((a) => a.transactions ?? [])
        .find((t) => t.hash === item.transaction_hash);
      if (found) {
        expect(row![6]).toEqual(new Date(`${found.date.slice(0, 10)}T00:00:00Z`));
        expect(row![8]).toBe(found.amount);
      } else expect(row![7]).toBe('not in this response');
    }
  });
});

describe('demo-business: the Summary sheet’s credit summary per account', () => {
  let rows: unknown[][];
  beforeAll(async () => {
    const { workbook } = await exportTo(demo().view);
    rows = rowsOf(sheet(workbook, 'Summary'));
  });

  /** The label/value rows of one account's block (from its title to the next title). */
  function block(label: RegExp): Map<string, unknown> {
    const start = rows.findIndex((r) => typeof r[0] === 'string' && label.test(r[0]));
    expect(start).toBeGreaterThan(0);
    const end = rows.findIndex((r, i) => i > start && /credit summary$/.test(String(r[0])));
    const out = new Map<string, unknown>();
    for (const r of rows.slice(start + 1, end < 0 ? undefined : end))
      if (typeof r[0] === 'string' && !out.has(r[0])) out.set(r[0], r[1]);
    return out;
  }

  it('reads ICICI’s 12 EMI debits as 11 honoured and 1 bounced', () => {
    const icici = block(/^ICICI .*credit summary$/);
    expect(icici.get('EMIs honoured')).toBe(11);
    expect(icici.get('EMIs bounced')).toBe(1);
  });

  it('puts eligible credits at least ₹15,00,000 below total credits', () => {
    const icici = block(/^ICICI .*credit summary$/);
    const total = icici.get('Total credits') as number;
    const eligible = icici.get('Eligible credits') as number;
    expect(typeof total).toBe('number');
    expect(total - eligible).toBeGreaterThanOrEqual(1_500_000);
    expect(icici.get('Loan disbursals')).toBe(1_500_000);
    expect(icici.get('Bank')).toBe('ICICI Bank');
    expect(icici.get('Data trust')).toBe('Do not rely on this data');
  });

  it('gives the SBI account its own block', () => {
    const sbi = block(/^SBI .*credit summary$/);
    expect(sbi.get('Bank')).toBe('State Bank of India');
    expect(sbi.get('EMIs bounced')).toBe(0);
  });
});
