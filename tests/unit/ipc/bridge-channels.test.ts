import { describe, expect, it } from 'vitest';
import { PLAIN_CHANNELS, SESSION_CHANNELS } from '../../../src/shared/ipc/api';
import { argSchemas } from '../../../src/shared/ipc/arg-schemas';

describe('the bridge channel lists', () => {
  it('name every contract channel exactly once', () => {
    const channels = [...PLAIN_CHANNELS, ...SESSION_CHANNELS];
    expect(new Set(channels).size).toBe(channels.length);
    expect([...channels].sort()).toEqual(Object.keys(argSchemas).sort());
  });
});
