// The team channels with no server at all (createHandlers, as the app registers them): with
// no team set up nothing is asked of any server and the local library answers as before; a
// profile saved and removed takes its secret out of the vault with it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IpcEventName, IpcEvents, IpcResults } from '../../../src/shared/ipc/contract';
import { TEAM_PROFILE_FILE } from '../../../src/core/team/team-link';
import { VAULT_FILE } from '../../../src/core/vault/vault';
import { createHandlers } from '../../../src/main/ipc/create-handlers';
import { testDeps } from '../ipc/helpers';

const ctx = { emit<E extends IpcEventName>(_n: E, _p: IpcEvents[E]) {} };

async function setup() {
  const deps = await testDeps();
  const handlers = createHandlers(deps);
  const answer = (channel: keyof IpcResults, args: unknown = {}) =>
    handlers.handle(channel, args, ctx);
  return { deps, handlers, answer };
}

const profile = {
  host: 'pg.lender.internal',
  port: 5432,
  database: 'bcv_team',
  user: 'asha',
  sslmode: 'verify-full',
  caFile: null,
  certFile: null,
};

describe('team channels without a server', () => {
  it('with no team set up: none configured, server calls refused in one line, the library as before', async () => {
    const { answer, handlers } = await setup();
    try {
      expect(await answer('team:status')).toEqual({
        ok: true,
        result: { profile: null, link: { kind: 'none' }, sync: { running: false, last: null } },
      });
      expect(await answer('team:marks')).toEqual({ ok: true, result: { marks: [] } });
      expect(await answer('team:cases')).toEqual({
        ok: false,
        error: {
          code: 'TEAM_PROFILE',
          message: 'No team is set up: enter the team profile on the Team screen',
        },
      });
      const listed = await answer('library:list');
      expect(listed).toMatchObject({ ok: true, result: { entries: [], problems: [] } });
    } finally {
      await handlers.dispose();
    }
  });

  it('refuses a profile without a host or with a port that is none, naming the field', async () => {
    const { answer, handlers } = await setup();
    try {
      expect(await answer('team:save', { ...profile, host: ' ' })).toEqual({
        ok: false,
        error: {
          code: 'BAD_ARGUMENT',
          message: 'Server host: Enter the server host',
          field: 'host',
        },
      });
      // The port as the screen names it, whether out of range or not a number at all.
      for (const port of [0, 65536, 5432.5, Number('x')])
        expect(await answer('team:save', { ...profile, port })).toEqual({
          ok: false,
          error: {
            code: 'BAD_ARGUMENT',
            message: 'Server port: Enter a port from 1 to 65535',
            field: 'port',
          },
        });
    } finally {
      await handlers.dispose();
    }
  });

  it("refuses a read replica without a host, with a port out of range, or the primary's own, naming the field", async () => {
    const { answer, handlers } = await setup();
    try {
      expect(await answer('team:save', { ...profile, replica: { host: ' ', port: 5433 } })).toEqual(
        {
          ok: false,
          error: {
            code: 'BAD_ARGUMENT',
            message: "Read replica host: Enter the read replica's host",
            field: 'replica.host',
          },
        },
      );
      expect(
        await answer('team:save', { ...profile, replica: { host: 'pg-2', port: 70000 } }),
      ).toEqual({
        ok: false,
        error: {
          code: 'BAD_ARGUMENT',
          message: 'Read replica port: Enter a port from 1 to 65535',
          field: 'replica.port',
        },
      });
      // The screen sends its text box's number: an empty or non-numeric port is no port.
      expect(
        await answer('team:save', { ...profile, replica: { host: 'pg-2', port: Number('x') } }),
      ).toMatchObject({ ok: false, error: { field: 'replica.port' } });
      // The primary's own host and port (spaces around the host trimmed): no replica at all.
      expect(
        await answer('team:save', {
          ...profile,
          replica: { host: ' pg.lender.internal ', port: 5432 },
        }),
      ).toEqual({
        ok: false,
        error: {
          code: 'BAD_ARGUMENT',
          message:
            'Read replica host: This is the primary server itself: leave it empty to read from the primary',
          field: 'replica.host',
        },
      });
      expect(
        await answer('team:save', { ...profile, replica: { host: 'pg-2', port: 5432, user: 'x' } }),
      ).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });
      // Nothing refused was saved.
      expect(await answer('team:status')).toMatchObject({ ok: true, result: { profile: null } });
    } finally {
      await handlers.dispose();
    }
  });

  it('saves the read replica from the form: kept when omitted, removed with null', async () => {
    const { answer, handlers, deps } = await setup();
    const stored = async () =>
      JSON.parse(await readFile(join(deps.userDataDir, TEAM_PROFILE_FILE), 'utf8')).replica;
    try {
      const saved = await answer('team:save', {
        ...profile,
        replica: { host: ' pg-replica.lender.internal ', port: 5433 },
      });
      expect(saved).toMatchObject({
        ok: true,
        result: {
          profile: {
            readsFrom: 'pg-replica.lender.internal:5433',
            replica: { host: 'pg-replica.lender.internal', port: 5433 },
          },
        },
      });
      expect(await stored()).toEqual({ host: 'pg-replica.lender.internal', port: 5433 });
      await answer('team:save', profile);
      expect(await stored()).toEqual({ host: 'pg-replica.lender.internal', port: 5433 });
      const removed = await answer('team:save', { ...profile, replica: null });
      expect(removed).toMatchObject({
        ok: true,
        result: { profile: { readsFrom: null, replica: null } },
      });
      expect(await stored()).toBeNull();
    } finally {
      await handlers.dispose();
    }
  });

  it('keeps the password in the vault until the team is removed, and answers only its hint', async () => {
    const { answer, handlers, deps } = await setup();
    try {
      const saved = await answer('team:save', { ...profile, password: 'pa55-w0rd-asha' });
      expect(saved).toMatchObject({
        ok: true,
        result: {
          profile: { host: 'pg.lender.internal', password: { set: true, last4: 'asha' } },
          link: { kind: 'idle' },
        },
      });
      expect(JSON.stringify(saved)).not.toContain('pa55-w0rd-asha');
      const vault = () => readFile(join(deps.userDataDir, VAULT_FILE), 'utf8');
      expect(Object.keys(JSON.parse(await vault()).secrets)).toEqual(['team:password']);

      expect(await answer('team:remove')).toMatchObject({
        ok: true,
        result: { profile: null, link: { kind: 'none' } },
      });
      expect(JSON.parse(await vault()).secrets).toEqual({});
      expect(await readFile(join(deps.userDataDir, TEAM_PROFILE_FILE), 'utf8')).toBe('null\n');
    } finally {
      await handlers.dispose();
    }
  });
});
