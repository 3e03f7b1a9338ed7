// `bcv export --policy FILE`: the policy the user gives decides FOIR (its income basis and
// limit) on the workbook's Summary sheet, which names it; a bad policy file is one line
// and no workbook. Expected values are worked out by hand below.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { accountBlock, type Tx } from '../unit/insights/helpers';
import { readBack, rowsOf, sheet, tempDir } from '../unit/export/helpers';
import { salariedMonth } from './support/foir-case';
import { exportInProcess } from './support/in-process-bcv';

// Two full months (1 to 31 Oct, 1 to 30 Nov). Each month: salary 50,000, a trade credit
// 30,000, a Bajaj EMI of 10,000 and a 1,000 UPI spend.
const month = (m: string, last: string): Tx[] => salariedMonth(m, last, 10000);

async function folder() {
  const cwd = await tempDir();
  const block = accountBlock('acc-1', [...month('10', '31'), ...month('11', '30')], {
    opening: 5000,
    months: ['2023-10', '2023-11'],
  });
  await writeFile(
    join(cwd, 'data.json'),
    JSON.stringify({ session_id: 's-1', accounts: { 'acc-1': block } }),
  );
  await writeFile(
    join(cwd, 'salaried.json'),
    JSON.stringify({ name: 'Salaried 15%', foirIncomeBasis: 'salary', foirLimit: 0.15 }),
  );
  await writeFile(join(cwd, 'bad.json'), JSON.stringify({ foirIncomeBasis: 'turnover' }));
  return cwd;
}

function run(cwd: string, ...argv: string[]) {
  return exportInProcess(cwd, argv);
}

const lead = (rows: unknown[][], label: string) => rows.find((r) => r[0] === label);

describe('bcv export --policy', () => {
  it('makes FOIR as the policy says and names the policy on the Summary sheet', async () => {
    const cwd = await folder();
    expect((await run(cwd, 'data.json', '-o', 'default.xlsx')).code).toBe(0);
    const given = await run(cwd, 'data.json', '-o', 'salaried.xlsx', '--policy', 'salaried.json');
    expect(given).toMatchObject({ code: 0, stderr: '' });
    expect(given.stdout).toContain('; policy: Salaried 15%\n');

    const byDefault = rowsOf(sheet(await readBack(join(cwd, 'default.xlsx')), 'Summary'));
    const salaried = rowsOf(sheet(await readBack(join(cwd, 'salaried.xlsx')), 'Summary'));
    expect(lead(byDefault, 'Policy')?.[1]).toBe('Default policy');
    expect(lead(salaried, 'Policy')?.[1]).toBe('Salaried 15%');
    // The obligations: the Bajaj EMI, 10,000 a month, whatever the policy.
    expect(lead(byDefault, 'Monthly obligations')?.[1]).toBe(10000);
    expect(lead(salaried, 'Monthly obligations')?.[1]).toBe(10000);
    // Default: over eligible credits, (50,000 + 30,000) x 2 / 2 months = 80,000 a month:
    // 10,000 / 80,000 = 12.5%. Salaried: over salary, 50,000 a month: 10,000 / 50,000 = 20%.
    expect(lead(byDefault, 'FOIR')?.[1]).toBe(12.5);
    expect(lead(salaried, 'FOIR')?.[1]).toBe(20);
    // Shown with its % sign: 12.5 is never read as the fraction 12.5 (1,250%).
    const foirCell = (book: ExcelJS.Workbook) => {
      const ws = sheet(book, 'Summary');
      let format: string | undefined;
      ws.eachRow((row) => {
        if (row.getCell(1).value === 'FOIR' && format === undefined) format = row.getCell(2).numFmt;
      });
      return format;
    };
    expect(foirCell(await readBack(join(cwd, 'default.xlsx')))).toBe('0.00"%"');
    // The account's own rows say the limit each policy sets.
    const foirNote = (rows: unknown[][]) => rows.filter((r) => r[0] === 'FOIR').at(-1)?.[2];
    expect(foirNote(byDefault)).toContain('limit 50%');
    expect(foirNote(salaried)).toContain('limit 15%');
  });

  it('refuses a bad policy in one line naming the setting, writing nothing', async () => {
    const cwd = await folder();
    const r = await run(cwd, 'data.json', '-o', 'out.xlsx', '--policy', 'bad.json');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'BAD_POLICY: bad.json: foirIncomeBasis must be one of "eligible_credits", "salary" (it is "turnover")\n',
    );
    expect(existsSync(join(cwd, 'out.xlsx'))).toBe(false);
  });
});
