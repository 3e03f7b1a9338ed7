import { describe, expect, it } from 'vitest';
import { text } from '../../../src/shared/model/read-values';

describe('text (a field read as text)', () => {
  it('keeps text, and writes a number or true/false as sent', () => {
    expect(text('NEFT/ACME')).toBe('NEFT/ACME');
    expect(text(59)).toBe('59');
    expect(text(0.5)).toBe('0.5');
    expect(text(true)).toBe('true');
  });

  it('reads null and absent as empty', () => {
    expect(text(null)).toBe('');
    expect(text(undefined)).toBe('');
  });

  it('shows an object or a list as its JSON, never "[object Object]"', () => {
    expect(text({ name: 'ACME' })).toBe('{"name":"ACME"}');
    expect(text(['UPI', 'IMPS'])).toBe('["UPI","IMPS"]');
  });
});
