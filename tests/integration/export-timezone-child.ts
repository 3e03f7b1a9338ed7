// Child process for export-timezone.test.ts: exports, in the time zone the parent set with
// TZ, a session whose dates sit on day, month, year and leap-day boundaries.
import { normalizeSession } from '../../src/shared/model/normalize';
import { exportWorkbook } from '../../src/core/export/export-workbook';
import { apiTransaction, META, withTransactions } from '../unit/export/helpers';

export const BOUNDARY_DATES = [
  '2023-12-31',
  '2024-01-01',
  '2024-02-28',
  '2024-02-29',
  '2024-03-01',
  '2024-03-31',
  '2024-04-01',
  '2024-10-27',
  '2024-11-03',
];

async function main(): Promise<void> {
  const destination = process.argv[2]!;
  const data = withTransactions((id) =>
    BOUNDARY_DATES.map((d, i) => apiTransaction(id, i, { date: `${d} 00:00:00` })),
  );
  await exportWorkbook(normalizeSession(data), META, {
    destination,
    now: () => new Date('2024-04-23T06:30:00.000Z'),
  });
  process.stdout.write(
    JSON.stringify({
      tz: process.env.TZ,
      offset: new Date('2024-01-01T00:00:00Z').getTimezoneOffset(),
    }),
  );
}

if (process.argv[2]) void main();
