// A failure told to a person in one line: the first line of its message, cut to a length,
// whatever was thrown (the CLI's stderr line, main's IPC answer, the team's messages).
import { describe, expect, it } from 'vitest';
import { firstLine, messageLine } from '../../../src/core/core-error';

describe('one line of a message', () => {
  it('keeps the first line and cuts it to the length given', () => {
    expect(firstLine('connect ECONNREFUSED\n    at TCPConnectWrap')).toBe('connect ECONNREFUSED');
    expect(firstLine('x'.repeat(600))).toHaveLength(500);
    expect(firstLine('abcdef', 3)).toBe('abc');
  });

  it('reads an Error, a string or anything thrown', () => {
    expect(messageLine(new Error('bad\nstack'))).toBe('bad');
    expect(messageLine('plain')).toBe('plain');
    expect(messageLine(42)).toBe('42');
    expect(messageLine(new Error('y'.repeat(400)), 300)).toHaveLength(300);
  });
});
