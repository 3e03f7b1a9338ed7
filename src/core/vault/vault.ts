// Credential vault: secrets encrypted with safeStorage's asynchronous API in one file in
// the user-data folder (mode 0600, written atomically). When the OS has no real secret
// store (Linux `basic_text`, a fixed key) nothing is written until the user consents;
// without consent secrets live in memory for this run only. Callers outside main only
// ever get hints: whether a secret is set and its last 4 characters.
import { join } from 'node:path';
import { writeFileSafely } from '../io/safe-write';
import type { SecretHint, VaultStatus } from '@shared/ipc/contract';
import { readRegularText } from '../io/regular-file';

/** The subset of Electron's safeStorage the vault uses (async API only). */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  getSelectedStorageBackend(): string;
}

interface VaultFile {
  readonly version: 1;
  readonly insecureConsent: boolean | null;
  /** key -> base64 of the encrypted secret. */
  readonly secrets: Record<string, string>;
}

export const VAULT_FILE = 'vault.json';

export class Vault {
  private readonly secrets = new Map<string, string>();
  private constructor(
    private readonly file: string,
    private readonly storage: SafeStorageLike,
    private readonly available: boolean,
    private consent: boolean | null,
  ) {}

  static async open(userDataDir: string, storage: SafeStorageLike): Promise<Vault> {
    const file = join(userDataDir, VAULT_FILE);
    const available = await storage.isAsyncEncryptionAvailable();
    const stored = await readVaultFile(file);
    const vault = new Vault(file, storage, available, stored?.insecureConsent ?? null);
    if (stored && available) {
      for (const [key, b64] of Object.entries(stored.secrets)) {
        try {
          const { result } = await storage.decryptStringAsync(Buffer.from(b64, 'base64'));
          vault.secrets.set(key, result);
        } catch {
          // A secret encrypted under another OS account or keyring cannot be read: the
          // profile shows "not set" and the user enters it again.
        }
      }
    }
    return vault;
  }

  status(): VaultStatus {
    return {
      backend: this.available ? this.storage.getSelectedStorageBackend() : 'unavailable',
      secure: this.secure(),
      insecureConsent: this.secure() ? null : this.consent,
    };
  }

  /** The user's answer to "keep secrets on disk without a real secret store?". */
  async setConsent(allowInsecure: boolean): Promise<VaultStatus> {
    this.consent = allowInsecure;
    await this.persist();
    return this.status();
  }

  /** Stores a secret; '' removes it. */
  async set(key: string, value: string): Promise<void> {
    if (value === '') this.secrets.delete(key);
    else this.secrets.set(key, value);
    await this.persist();
  }

  async delete(key: string): Promise<void> {
    if (this.secrets.delete(key)) await this.persist();
  }

  /** The secret itself: for main's own use (request headers), never for a result. */
  get(key: string): string | null {
    return this.secrets.get(key) ?? null;
  }

  hint(key: string): SecretHint {
    const value = this.secrets.get(key);
    if (value === undefined) return { set: false, last4: null, storage: null };
    return {
      set: true,
      last4: value.length > 8 ? value.slice(-4) : null, // short secrets: showing 4 reveals too much
      storage: this.persists() ? 'disk' : 'memory',
    };
  }

  private secure(): boolean {
    return this.available && this.storage.getSelectedStorageBackend() !== 'basic_text';
  }

  private persists(): boolean {
    return this.available && (this.secure() || this.consent === true);
  }

  private async persist(): Promise<void> {
    const secrets: Record<string, string> = {};
    if (this.persists()) {
      for (const [key, value] of this.secrets) {
        secrets[key] = (await this.storage.encryptStringAsync(value)).toString('base64');
      }
    }
    const body: VaultFile = { version: 1, insecureConsent: this.consent, secrets };
    await writeFileSafely(this.file, JSON.stringify(body), { mode: 0o600 });
  }
}

async function readVaultFile(file: string): Promise<VaultFile | null> {
  let text: string;
  try {
    text = await readRegularText(file);
  } catch {
    return null;
  }
  try {
    const parsed = JSON.parse(text) as Partial<VaultFile>;
    if (parsed.version !== 1 || typeof parsed.secrets !== 'object' || !parsed.secrets) return null;
    return {
      version: 1,
      insecureConsent: typeof parsed.insecureConsent === 'boolean' ? parsed.insecureConsent : null,
      secrets: parsed.secrets,
    };
  } catch {
    return null; // a damaged vault is treated as empty; secrets are entered again
  }
}
