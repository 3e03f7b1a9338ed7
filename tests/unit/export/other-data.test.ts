// The Other API data sheet and the Summary's note: what the Insights shape sends beyond the
// classic blocks is written out, and items set aside are named, not dropped.
import { describe, expect, it } from 'vitest';
import { normalizeSession } from '../../../src/shared/model/normalize';
import { builtInSession } from '../../../src/sandbox/sessions';
import { insightsResponse } from '../../../src/sandbox/insights-shape';
import { exportTo, sheet } from './helpers';

function made(id: string) {
  const found = builtInSession(id);
  if (!found || found.kind !== 'data') throw new Error(id);
  return found.session;
}

describe('Other API data sheet', () => {
  it('holds the newer blocks of the Insights shape and the parts no sheet has a place for', async () => {
    const session = made('demo-retail');
    const data = insightsResponse(session.subscribed) as Record<string, unknown>;
    data['link_id'] = 'link-7';
    const { workbook } = await exportTo(normalizeSession(data, session.status));
    const ws = sheet(workbook, 'Other API data');
    const kinds = new Set<string>();
    const text: string[] = [];
    ws.eachRow((row, n) => {
      if (n === 1) return;
      kinds.add(String(row.getCell(2).value));
      text.push(String(row.getCell(3).value));
    });
    expect([...kinds]).toEqual(
      expect.arrayContaining(['Score', 'Statement', 'Expense category', 'Not shown elsewhere']),
    );
    expect(text).toContain('$.link_id');
  });

  it('lists the items set aside, and the Summary says so', async () => {
    const session = made('demo-unreadable');
    const { workbook } = await exportTo(normalizeSession(session.subscribed, session.status));
    const other = sheet(workbook, 'Other API data');
    const setAside: string[] = [];
    other.eachRow((row) => {
      if (row.getCell(2).value === 'Set aside (could not be read)')
        setAside.push(String(row.getCell(3).value));
    });
    expect(setAside).toHaveLength(2);
    expect(setAside[0]).toMatch(/\.transactions\[2\]\.amount$/);
    const notes: string[] = [];
    sheet(workbook, 'Summary').eachRow((row) => {
      if (row.getCell(1).value === 'Note') notes.push(String(row.getCell(2).value));
    });
    expect(
      notes.some((n) =>
        n.startsWith('2 items of the response could not be read and were set aside'),
      ),
    ).toBe(true);
  });
});
