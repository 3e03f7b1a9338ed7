// The workbook's instants in the reader's zone: the day, time and offset worked out by hand.
import { afterEach, describe, expect, it } from 'vitest';
import { instantLabel } from '../../../src/core/export/labels';

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('instantLabel', () => {
  it('names the local day, past midnight when the zone is ahead', () => {
    process.env.TZ = 'Asia/Kolkata';
    // 19:00:05 UTC on 22 Apr + 5:30 = 24:30:05, that is 00:30:05 on 23 Apr.
    expect(instantLabel('2024-04-22T19:00:05Z')).toBe('23-Apr-2024 00:30:05 (UTC+05:30)');
  });

  it('names the local day before midnight when the zone is behind', () => {
    process.env.TZ = 'America/Los_Angeles';
    // 02:15:00 UTC on 1 Mar 2024 - 8:00 (PST) = 18:15:00 on 29 Feb (a leap year).
    expect(instantLabel('2024-03-01T02:15:00Z')).toBe('29-Feb-2024 18:15:00 (UTC-08:00)');
  });
});
