// session_status's times read as instants: FinBox writes an account's as
// `YYYY-MM-DD HH:MM:SS` in UTC and a statement's as ISO 8601 with its zone
// (shared/reference/bankconnect-real-responses.md). Anything else is no instant.
import { describe, expect, it } from 'vitest';
import { readApiInstant } from '../../../src/shared/model/api-instant';

describe('readApiInstant', () => {
  it.each([
    // The account's form is UTC: the clock as written, with Z.
    ['2024-10-01 10:10:32', '2024-10-01T10:10:32.000Z'],
    ['2024-12-31 23:59:59.5', '2024-12-31T23:59:59.500Z'],
    ['2024-04-22T09:01:00Z', '2024-04-22T09:01:00.000Z'],
    // 14:31 in +05:30 is 14:31 - 5:30 = 09:01 UTC.
    ['2024-04-22T14:31:00+05:30', '2024-04-22T09:01:00.000Z'],
    ['2024-04-22T14:31:00+0530', '2024-04-22T09:01:00.000Z'],
    // 01:00 on 1 Jan in +05:30 is 19:30 on 31 Dec UTC, the year before.
    ['2025-01-01T01:00:00+05:30', '2024-12-31T19:30:00.000Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
  ])('%s is %s', (text, instant) => {
    expect(readApiInstant(text)).toBe(instant);
  });

  it.each([
    [''],
    ['2024-04-22T09:01:00'], // no zone: not guessed
    ['2024-02-30 10:00:00'], // no such day (Date would make it 1 March)
    ['2023-02-29T00:00:00Z'], // not a leap year
    ['2024-01-01 24:00:00'],
    ['2024-01-01 10:60:00'],
    ['22/04/2024 09:01'],
    ['2024-04-22'],
    ['yesterday'],
  ])('%j is no instant', (text) => {
    expect(readApiInstant(text)).toBeNull();
  });

  it('reads null as nothing', () => {
    expect(readApiInstant(null)).toBeNull();
    expect(readApiInstant(undefined)).toBeNull();
  });
});
