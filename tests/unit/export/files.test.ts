// The destination is replaced only by a complete workbook: a cancel or a failure leaves no
// file (and no temporary file) behind and an existing file byte for byte as it was.
// Progress counts up to the total; a sheet past the row limit continues on the next.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeSession } from '../../../src/shared/model/normalize';
import { sumMoney } from '../../../src/shared/model/money';
import { exportWorkbook } from '../../../src/core/export/export-workbook';
import { EXCEL_MAX_ROWS } from '../../../src/core/export/limits';
import {
  apiTransaction,
  column,
  META,
  readBack,
  referenceView,
  rowsOf,
  sheet,
  tempDir,
  withTransactions,
} from './helpers';

function bigView(n: number) {
  return normalizeSession(
    withTransactions((id) => Array.from({ length: n }, (_, i) => apiTransaction(id, i))),
  );
}

describe('writing the file', () => {
  it('cancels midway leaving no file and no temporary file', async () => {
    const dir = await tempDir();
    const destination = join(dir, 'report.xlsx');
    const controller = new AbortController();
    const seen: number[] = [];
    const run = exportWorkbook(bigView(5_000), META, {
      destination,
      signal: controller.signal,
      onProgress: (done) => {
        seen.push(done);
        if (done >= 2_000) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED', name: 'AbortError' });
    expect(seen.some((d) => d >= 2_000)).toBe(true);
    expect(await readdir(dir)).toEqual([]);
  });

  it('leaves an existing file untouched when cancelled', async () => {
    const dir = await tempDir();
    const destination = join(dir, 'report.xlsx');
    await writeFile(destination, 'the previous workbook');
    const controller = new AbortController();
    const run = exportWorkbook(bigView(3_000), META, {
      destination,
      signal: controller.signal,
      onProgress: (done) => done > 1_000 && controller.abort(),
    });
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await readFile(destination, 'utf8')).toBe('the previous workbook');
    expect(await readdir(dir)).toEqual(['report.xlsx']);
  });

  it('does nothing when cancelled before it starts', async () => {
    const dir = await tempDir();
    const controller = new AbortController();
    controller.abort();
    await expect(
      exportWorkbook(referenceView(), META, {
        destination: join(dir, 'r.xlsx'),
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('replaces an existing file once the new one is complete', async () => {
    const dir = await tempDir();
    const destination = join(dir, 'report.xlsx');
    await writeFile(destination, 'old');
    const result = await exportWorkbook(referenceView(), META, { destination });
    expect(result.path).toBe(destination);
    expect((await readBack(destination)).worksheets).toHaveLength(13);
    expect(await readdir(dir)).toEqual(['report.xlsx']);
  });

  it('says clearly when the folder is missing or the destination is a folder', async () => {
    const dir = await tempDir();
    await expect(
      exportWorkbook(referenceView(), META, { destination: join(dir, 'no', 'r.xlsx') }),
    ).rejects.toMatchObject({ code: 'NO_SUCH_FOLDER' });
    await mkdir(join(dir, 'taken.xlsx'));
    await expect(
      exportWorkbook(referenceView(), META, { destination: join(dir, 'taken.xlsx') }),
    ).rejects.toMatchObject({ code: 'DESTINATION_IS_FOLDER' });
    await writeFile(join(dir, 'file'), 'x');
    await expect(
      exportWorkbook(referenceView(), META, { destination: join(dir, 'file', 'r.xlsx') }),
    ).rejects.toMatchObject({ code: 'NO_SUCH_FOLDER' });
    expect((await readdir(dir)).sort()).toEqual(['file', 'taken.xlsx']);
  });

  it('leaves an existing file untouched when the account is unknown', async () => {
    const dir = await tempDir();
    const destination = join(dir, 'report.xlsx');
    await writeFile(destination, 'keep me');
    await expect(
      exportWorkbook(referenceView(), META, { destination, accountId: 'missing' }),
    ).rejects.toMatchObject({ code: 'NO_SUCH_ACCOUNT' });
    expect(await readFile(destination, 'utf8')).toBe('keep me');
  });

  it('reports progress that only grows and ends at the total', async () => {
    const dir = await tempDir();
    const events: { done: number; total: number | null; message: string }[] = [];
    await exportWorkbook(bigView(4_500), META, {
      destination: join(dir, 'r.xlsx'),
      onProgress: (done, total, message) => events.push({ done, total, message }),
    });
    const total = events[0]!.total!;
    expect(total).toBeGreaterThan(4_500);
    expect(events.every((e) => e.total === total)).toBe(true);
    for (let i = 1; i < events.length; i++) {
      expect(events[i]!.done).toBeGreaterThanOrEqual(events[i - 1]!.done);
    }
    expect(events.at(-1)).toEqual({ done: total, total, message: 'Saved' });
    expect(
      events.some((e) => /^Writing Transactions \([\d,]+ of [\d,]+ rows\)$/.test(e.message)),
    ).toBe(true);
  });
});

describe('sheets past the row limit', () => {
  it('uses Excel’s real limit by default', () => {
    expect(EXCEL_MAX_ROWS).toBe(1_048_576);
  });

  it('continue on numbered sheets with the header repeated, and say so in the Summary', async () => {
    const n = 25;
    const view = bigView(n);
    const dir = await tempDir();
    const destination = join(dir, 'r.xlsx');
    const result = await exportWorkbook(view, META, { destination, maxRowsPerSheet: 10 });
    const workbook = await readBack(destination);
    const names = workbook.worksheets.map((s) => s.name);
    expect(result.sheets).toEqual(names);
    // 25 + 1 reference transaction in the second account = 26 rows, 9 a sheet.
    const first = names.indexOf('Transactions');
    expect(names.slice(first, first + 4)).toEqual([
      'Transactions',
      'Transactions (2)',
      'Transactions (3)',
      'Monthly Analysis',
    ]);
    const parts = ['Transactions', 'Transactions (2)', 'Transactions (3)'].map((s) =>
      rowsOf(sheet(workbook, s)),
    );
    for (const rows of parts) expect(rows[0]![0]).toBe('Account');
    expect(parts.map((p) => p.length - 1)).toEqual([9, 9, 8]);
    for (const s of ['Transactions', 'Transactions (2)', 'Transactions (3)']) {
      const ws = sheet(workbook, s);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.rowCount).toBeLessThanOrEqual(10);
    }
    const data = parts.flatMap((p) => p.slice(1));
    const debit = column(sheet(workbook, 'Transactions'), 'Debit') - 1;
    const expected = view.accounts.flatMap((a) => a.transactions);
    expect(data).toHaveLength(expected.length);
    expect(sumMoney(data.map((r) => (r[debit] as number | null) ?? 0))).toBe(
      sumMoney(expected.filter((t) => t.type === 'debit').map((t) => t.amount)),
    );
    const summary = rowsOf(sheet(workbook, 'Summary'));
    expect(
      summary.some(
        (r) =>
          r[0] === 'Note' &&
          /continues on Transactions \(2\), Transactions \(3\)/.test(String(r[1])),
      ),
    ).toBe(true);
    // Sheets that are not tables continue too (EOD has 79 rows here).
    expect(names).toContain('EOD Balances (2)');
    expect(existsSync(destination)).toBe(true);
  });
});
