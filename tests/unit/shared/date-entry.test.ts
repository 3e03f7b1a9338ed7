import { describe, expect, it } from 'vitest';
import { formatEntryDate, parseEntryDate } from '../../../src/shared/format/date-entry';

describe('dd-mm-yyyy date entry', () => {
  it('reads day first, whatever the separator', () => {
    expect(parseEntryDate('02-10-2024')).toEqual({ ok: true, date: '2024-10-02' });
    expect(parseEntryDate('2/10/2024')).toEqual({ ok: true, date: '2024-10-02' });
    expect(parseEntryDate(' 29.02.2024 ')).toEqual({ ok: true, date: '2024-02-29' });
    expect(parseEntryDate('')).toEqual({ ok: true, date: null });
  });

  it('names what is wrong in one line', () => {
    expect(parseEntryDate('2024-10-02')).toMatchObject({ ok: false, message: /dd-mm-yyyy/ });
    expect(parseEntryDate('10-13-2024')).toEqual({ ok: false, message: 'There is no month 13' });
    expect(parseEntryDate('29-02-2023')).toEqual({ ok: false, message: 'Feb 2023 has no day 29' });
  });

  it('shows a calendar date as dd-mm-yyyy', () => {
    expect(formatEntryDate('2024-02-10')).toBe('10-02-2024');
    expect(formatEntryDate(null)).toBe('');
  });
});
