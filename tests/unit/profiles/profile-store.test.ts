import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROFILES_FILE, ProfileStore, SANDBOX_ID } from '../../../src/core/profiles/profile-store';
import { Vault } from '../../../src/core/vault/vault';
import { fakeSafeStorage } from '../../fakes/safe-storage';

const KEY = 'sk_live_profileKey00001111';
const HASH = 'hash_profileHash22223333';

async function open(dir?: string) {
  const d = dir ?? (await mkdtemp(join(tmpdir(), 'bcv-prof-')));
  const vault = await Vault.open(d, fakeSafeStorage());
  const store = await ProfileStore.open(d, vault, () => Promise.resolve('http://127.0.0.1:4000'));
  return { d, store };
}

describe('ProfileStore', () => {
  it('starts with the Sandbox active', async () => {
    const { store } = await open();
    const list = await store.list();
    expect(list.activeId).toBe(SANDBOX_ID);
    expect(list.profiles).toHaveLength(1);
    expect(list.profiles[0]).toMatchObject({
      name: 'Sandbox',
      sandbox: true,
      baseUrl: 'http://127.0.0.1:4000',
    });
  });

  it('persists profiles without secrets, and secrets survive a restart through the vault', async () => {
    const { d, store } = await open();
    const p = await store.save({
      name: 'Prod',
      baseUrl: 'https://x.example/bank-connect/',
      apiVersion: 'v1',
      apiKey: KEY,
      serverHash: HASH,
    });
    expect(p.baseUrl).toBe('https://x.example/bank-connect');
    expect(p.apiKey).toMatchObject({ set: true, last4: '1111' });
    await store.activate(p.id);
    const json = await readFile(join(d, PROFILES_FILE), 'utf8');
    expect(json).toContain('Prod');
    expect(json).not.toContain(KEY);
    expect(json).not.toContain(HASH);

    const { store: again } = await open(d);
    expect(again.active()).toBe(p.id);
    expect((await again.connection(p.id)).connection).toMatchObject({
      apiKey: KEY,
      serverHash: HASH,
    });
  });

  it('keeps a secret when the field is omitted, clears it with an empty string', async () => {
    const { store } = await open();
    const p = await store.save({
      name: 'A',
      baseUrl: 'https://a.example',
      apiVersion: 'v1',
      apiKey: KEY,
    });
    await store.save({ id: p.id, name: 'A2', baseUrl: 'https://a.example', apiVersion: 'v2' });
    expect((await store.connection(p.id)).connection.apiKey).toBe(KEY);
    const cleared = await store.save({
      id: p.id,
      name: 'A2',
      baseUrl: 'https://a.example',
      apiVersion: 'v2',
      apiKey: '',
    });
    expect(cleared.apiKey.set).toBe(false);
  });

  it('deleting the active profile falls back to the Sandbox and drops its secrets', async () => {
    const { d, store } = await open();
    const p = await store.save({
      name: 'A',
      baseUrl: 'https://a.example',
      apiVersion: 'v1',
      apiKey: KEY,
    });
    await store.activate(p.id);
    expect(await store.delete(p.id)).toBe(SANDBOX_ID);
    expect(await readFile(join(d, 'vault.json'), 'utf8')).not.toContain(p.id);
  });

  it('refuses to change or delete the Sandbox, and unknown ids', async () => {
    const { store } = await open();
    await expect(store.delete(SANDBOX_ID)).rejects.toMatchObject({ code: 'READ_ONLY' });
    await expect(
      store.save({ id: SANDBOX_ID, name: 'S', baseUrl: 'https://s', apiVersion: 'v1' }),
    ).rejects.toMatchObject({ code: 'READ_ONLY' });
    await expect(store.activate('nope')).rejects.toMatchObject({ code: 'PROFILE_NOT_FOUND' });
  });
});
