import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Vault, VAULT_FILE } from '../../../src/core/vault/vault';
import { fakeSafeStorage } from '../../fakes/safe-storage';

const SECRET = 'sk_live_Z9Y8X7W6V5U4T3S2';
const dir = () => mkdtemp(join(tmpdir(), 'bcv-vault-'));
const fileText = async (d: string) => readFile(join(d, VAULT_FILE), 'utf8');

describe('Vault with a real secret store', () => {
  it('encrypts to a 0600 file that holds no plain secret and reads back after a restart', async () => {
    const d = await dir();
    const storage = fakeSafeStorage();
    const vault = await Vault.open(d, storage);
    await vault.set('k', SECRET);
    expect(vault.status()).toEqual({
      backend: 'gnome_libsecret',
      secure: true,
      insecureConsent: null,
    });
    expect(vault.hint('k')).toEqual({ set: true, last4: 'T3S2', storage: 'disk' });
    const text = await fileText(d);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(Buffer.from(SECRET).toString('base64'));
    if (process.platform !== 'win32')
      expect((await stat(join(d, VAULT_FILE))).mode & 0o777).toBe(0o600);
    expect(await readdir(d)).toEqual([VAULT_FILE]); // atomic write leaves no temp file

    const again = await Vault.open(d, storage);
    expect(again.get('k')).toBe(SECRET);
  });

  it('removes a secret set to empty, and never returns a secret from a hint', async () => {
    const d = await dir();
    const vault = await Vault.open(d, fakeSafeStorage());
    await vault.set('k', SECRET);
    expect(JSON.stringify(vault.hint('k'))).not.toContain(SECRET.slice(0, 8));
    await vault.set('k', '');
    expect(vault.hint('k')).toEqual({ set: false, last4: null, storage: null });
    expect((await Vault.open(d, fakeSafeStorage())).get('k')).toBeNull();
  });

  it('shows no last 4 for short secrets', async () => {
    const vault = await Vault.open(await dir(), fakeSafeStorage());
    await vault.set('k', 'abc12345');
    expect(vault.hint('k').last4).toBeNull();
  });

  it('treats a damaged vault file as empty', async () => {
    const d = await dir();
    await writeFile(join(d, VAULT_FILE), '{not json');
    const vault = await Vault.open(d, fakeSafeStorage());
    expect(vault.get('k')).toBeNull();
  });
});

describe('Vault on basic_text (no real secret store)', () => {
  it('says so, keeps secrets in memory only until the user consents', async () => {
    const d = await dir();
    const storage = fakeSafeStorage({ backend: 'basic_text' });
    const vault = await Vault.open(d, storage);
    expect(vault.status()).toEqual({ backend: 'basic_text', secure: false, insecureConsent: null });
    await vault.set('k', SECRET);
    expect(vault.hint('k').storage).toBe('memory');
    expect(vault.get('k')).toBe(SECRET);
    expect(await fileText(d)).not.toContain('"k"');
    expect(storage.encryptCalls).toBe(0);
    // A restart without consent: the secret is gone.
    expect((await Vault.open(d, storage)).get('k')).toBeNull();
  });

  it('writes the secret encrypted once the user consents, and removes it on refusal', async () => {
    const d = await dir();
    const storage = fakeSafeStorage({ backend: 'basic_text' });
    const vault = await Vault.open(d, storage);
    await vault.set('k', SECRET);
    expect(await vault.setConsent(true)).toMatchObject({ secure: false, insecureConsent: true });
    expect(vault.hint('k').storage).toBe('disk');
    expect(await fileText(d)).toContain('"k"');
    expect(await fileText(d)).not.toContain(SECRET);
    expect((await Vault.open(d, storage)).get('k')).toBe(SECRET);

    await vault.setConsent(false);
    expect(await fileText(d)).not.toContain('"k"');
    expect(vault.get('k')).toBe(SECRET); // still usable for this run
    expect((await Vault.open(d, storage)).status().insecureConsent).toBe(false);
  });

  it('keeps memory only when encryption is unavailable, even with consent', async () => {
    const d = await dir();
    const vault = await Vault.open(d, fakeSafeStorage({ available: false }));
    expect(vault.status()).toMatchObject({ backend: 'unavailable', secure: false });
    await vault.setConsent(true);
    await vault.set('k', SECRET);
    expect(vault.hint('k').storage).toBe('memory');
    expect(await fileText(d)).not.toContain('"k"');
  });
});
