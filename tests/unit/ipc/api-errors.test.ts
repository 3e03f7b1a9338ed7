import { describe, expect, it } from 'vitest';
import { API_METHODS, decodeError, encodeErrorMessage } from '../../../src/shared/ipc/api';
import { argSchemas } from '../../../src/shared/ipc/contract';

describe('errors across contextBridge', () => {
  it('round-trips code and message through the message alone', () => {
    // What the page receives: a fresh Error with only the message copied.
    const crossed = new Error(
      new Error(encodeErrorMessage('ACCESS_DENIED', 'Authentication credentials were not provided'))
        .message,
    );
    const decoded = decodeError(crossed);
    expect(decoded).toBeInstanceOf(Error);
    expect(decoded.code).toBe('ACCESS_DENIED');
    expect(decoded.message).toBe('Authentication credentials were not provided');
  });
  it('an undecorated error is INTERNAL with its message kept', () => {
    expect(decodeError(new Error('boom'))).toMatchObject({ code: 'INTERNAL', message: 'boom' });
  });
});

describe('API_METHODS', () => {
  it('names every contract channel exactly once', () => {
    const channels = Object.values(API_METHODS);
    expect(new Set(channels).size).toBe(channels.length);
    expect([...channels].sort()).toEqual(Object.keys(argSchemas).sort());
  });
});
