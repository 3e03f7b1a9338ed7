// docs/excel-export.md's sheet table against a workbook the exporter writes: the same
// sheets in the same order (the Review sheet is written only for a reviewed session, the
// Decisions sheet only for a team case, and `Transactions (all fields)` only when asked
// for, so this workbook asks for it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportTo, referenceView } from '../export/helpers';

const DOC = readFileSync(join(__dirname, '../../../docs/excel-export.md'), 'utf8');

describe('docs/excel-export.md names every sheet a workbook has, in order', () => {
  it('and no other', async () => {
    const documented = [...DOC.matchAll(/^\| `([^`]+)` +\|/gm)].map((m) => m[1]!);
    const { workbook } = await exportTo(referenceView(), { allFields: true });
    const written = workbook.worksheets.map((w) => w.name);
    const withReview = [...written];
    withReview.splice(written.indexOf('Insights') + 1, 0, 'Review', 'Decisions');
    expect(documented).toEqual(withReview);
  });
});
