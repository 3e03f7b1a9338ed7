// A review entry's time as the app and bcv show it: the claim, marked when it cannot be true.
import { describe, expect, it } from 'vitest';
import { claimedTime } from '../../../src/shared/review/claimed-time';

const NOW = new Date('2026-12-06T10:00:00Z');

describe('claimedTime', () => {
  it('shows a past time the Indian way, in the reader’s zone', () => {
    // 04:35 UTC is 10:05 in Asia/Kolkata (UTC+5:30), by hand.
    expect(claimedTime('2026-12-01T04:35:00Z', NOW, 'Asia/Kolkata')).toBe('01 Dec 2026, 10:05');
  });

  it('marks text that is no time, and a time later than now (past a minute of clock drift)', () => {
    expect(claimedTime('zzzz', NOW)).toBe('zzzz (claimed; not a time)');
    expect(claimedTime('2099-01-01T00:00:00Z', NOW, 'Asia/Kolkata')).toBe(
      '01 Jan 2099, 05:30 (claimed; later than now)',
    );
    expect(claimedTime('2026-12-06T10:00:30Z', NOW, 'UTC')).toBe('06 Dec 2026, 10:00');
  });
});
