import { beforeAll, describe, expect, it } from 'vitest';
import { installBridge, type Installed } from './bridge-setup';

type Modules = {
  search: typeof import('../../../src/renderer/src/library/catalogue-search.svelte').catalogueSearch;
  library: typeof import('../../../src/renderer/src/library/library.svelte').library;
  session: typeof import('../../../src/renderer/src/app/session.svelte').session;
  navigation: typeof import('../../../src/renderer/src/app/navigation.svelte').navigation;
};
let m: Modules;
let installed: Installed;

beforeAll(async () => {
  installed = await installBridge();
  m = {
    search: (await import('../../../src/renderer/src/library/catalogue-search.svelte'))
      .catalogueSearch,
    library: (await import('../../../src/renderer/src/library/library.svelte')).library,
    session: (await import('../../../src/renderer/src/app/session.svelte')).session,
    navigation: (await import('../../../src/renderer/src/app/navigation.svelte')).navigation,
  };
});

describe('search across saved cases (Library screen state)', () => {
  it('a bad amount or date is one line, and nothing is sent', async () => {
    const { search } = m;
    const before = installed.bridge.calls.length;
    search.amount = '45k';
    await search.search();
    expect(search.error).toBe(
      'The amount "45k" is not an amount in rupees (e.g. 45000 or 45,000.50)',
    );
    search.amount = '';
    search.text = 'x';
    search.from = '31-02-2024';
    await search.search();
    expect(search.error).toBe('From date: Feb 2024 has no day 31');
    expect(installed.bridge.calls.length).toBe(before);
    search.clear();
  });

  it('finds a UPI handle both saved cases share, grouped by session, and opens one', async () => {
    const { search, library, session, navigation } = m;
    await session.open('demo-retail');
    await library.saveCurrent();
    await session.open('demo-business');
    await library.saveCurrent();
    search.text = '9160751095@YBL';
    await search.search();
    expect(search.error).toBeNull();
    const result = search.result!;
    expect(result.sessions.map((s) => s.sessionId).sort()).toEqual([
      'demo-business',
      'demo-retail',
    ]);
    expect(result.sessions.every((s) => s.hits.every((h) => h.matchedBy === 'upi'))).toBe(true);
    expect(result.sessions.every((s) => s.hits.length > 0)).toBe(true);
    navigation.screen = 'library';
    await library.open(result.sessions[0]!.sessionId, result.sessions[0]!.snapshotId);
    expect(navigation.screen).toBe('session');
    expect(session.loaded?.sessionId).toBe(result.sessions[0]!.sessionId);
  });
});
