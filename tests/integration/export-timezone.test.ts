// Date cells carry the calendar day whatever the exporting machine's time zone: the export
// runs in a child process with TZ far west (Los Angeles) and east (Kolkata) of UTC, and
// every date cell read back is midnight of the right day, with no fraction of a day.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { column, readBack, rowsOf, sheet, tempDir } from '../unit/export/helpers';
import { BOUNDARY_DATES } from './export-timezone-child';
import { runTsChild } from './support/ts-child';

async function exportIn(
  tz: string,
): Promise<{ path: string; child: { tz: string; offset: number } }> {
  const path = join(await tempDir(), `${tz.replace('/', '-')}.xlsx`);
  const { code, stdout, stderr } = await runTsChild(
    join(__dirname, 'export-timezone-child.ts'),
    [path],
    { TZ: tz },
  );
  if (code !== 0) throw new Error(`the export in TZ=${tz} failed (${code}): ${stderr}`);
  return { path, child: JSON.parse(stdout) as { tz: string; offset: number } };
}

describe.each([
  ['America/Los_Angeles', 480, 'UTC-07:00'],
  ['Asia/Kolkata', -330, 'UTC+05:30'],
])('dates exported with TZ=%s', (tz, offset, generatedZone) => {
  it('are date cells on the calendar day the API sent', async () => {
    const { path, child } = await exportIn(tz);
    // The child really ran in that zone.
    expect(child).toEqual({ tz, offset });
    const workbook = await readBack(path);
    const ws = sheet(workbook, 'Transactions');
    const date = column(ws, 'Date');
    const days = BOUNDARY_DATES.map((_, i) => ws.getCell(i + 2, date));
    days.forEach((cell, i) => {
      expect(cell.value).toBeInstanceOf(Date);
      expect((cell.value as Date).toISOString()).toBe(`${BOUNDARY_DATES[i]}T00:00:00.000Z`);
    });
    // The Summary's times are said in the exporting machine's zone (April: DST in LA).
    const generated = rowsOf(sheet(workbook, 'Summary')).find((r) => r[0] === 'Generated');
    expect(String(generated?.[1])).toContain(`(${generatedZone})`);
  });
});
