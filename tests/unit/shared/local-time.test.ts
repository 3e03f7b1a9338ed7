// Review, memo and report times in the reader's own zone, the Indian way: the same instant
// reads differently in Kolkata, London and Los Angeles, and never as UTC unless that is
// the zone. The process's own zone is the default (tests/integration runs one under TZ).
import { describe, expect, it } from 'vitest';
import { formatLocalTime } from '../../../src/shared/format/local-time';

describe('formatLocalTime', () => {
  it.each([
    ['Asia/Kolkata', '23 Oct 2023, 14:05'],
    ['Europe/London', '23 Oct 2023, 09:35'],
    ['America/Los_Angeles', '23 Oct 2023, 01:35'],
    ['UTC', '23 Oct 2023, 08:35'],
  ])('in %s', (zone, shown) => {
    expect(formatLocalTime('2023-10-23T08:35:00.000Z', zone)).toBe(shown);
  });

  it('crosses midnight into the next day east of UTC', () => {
    expect(formatLocalTime('2026-12-31T19:00:00Z', 'Asia/Kolkata')).toBe('01 Jan 2027, 00:30');
  });

  it('without a zone, follows the computer (the Date methods agree)', () => {
    const at = new Date('2026-07-04T03:07:00Z');
    const hh = String(at.getHours()).padStart(2, '0');
    const mm = String(at.getMinutes()).padStart(2, '0');
    expect(formatLocalTime(at.toISOString())).toMatch(new RegExp(`, ${hh}:${mm}$`));
  });

  it('leaves text that is no instant as it is', () => {
    expect(formatLocalTime('')).toBe('');
    expect(formatLocalTime('yesterday')).toBe('yesterday');
  });
});
