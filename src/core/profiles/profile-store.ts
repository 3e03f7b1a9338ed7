// Connection profiles: the built-in Sandbox (demo data served by main on loopback) and
// the user's own. Names, URLs and versions are kept in profiles.json in the user-data
// folder (written atomically); API keys and server hashes live only in the vault.
import { DEFAULT_DATA_ENDPOINT, isDataEndpoint, type DataEndpoint } from '@shared/api/endpoints';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { IpcArgs, ProfileSummary } from '@shared/ipc/contract';
import type { Connection } from '../deps';
import { CoreError } from '../core-error';
import { writeFileSafely } from '../io/safe-write';
import { refuseCredentialsInUrl } from '../security/redact';
import type { Vault } from '../vault/vault';
import { readRegularText } from '../io/regular-file';

export const SANDBOX_ID = 'sandbox';
/** The sandbox's fixed demo credentials: not secrets, the sandbox serves only demo data. */
export const SANDBOX_CREDENTIALS = {
  apiKey: 'sandbox-demo-api-key',
  serverHash: 'sandbox-demo-server-hash',
} as const;
export const PROFILES_FILE = 'profiles.json';

interface StoredProfile {
  readonly id: string;
  readonly name: string;
  readonly baseUrl: string;
  readonly apiVersion: string;
  /** Absent in files written before there were two endpoints: subscribed_data. */
  readonly endpoint?: DataEndpoint;
}

interface ProfilesFile {
  readonly version: 1;
  readonly activeId: string;
  readonly profiles: readonly StoredProfile[];
  /** The Sandbox profile's endpoint: its only setting a person may change. */
  readonly sandboxEndpoint?: DataEndpoint;
}

const secretKey = (id: string, field: 'apiKey' | 'serverHash'): string => `profile:${id}:${field}`;

export class ProfileStore {
  private constructor(
    private readonly file: string,
    private readonly vault: Vault,
    private readonly sandboxUrl: () => Promise<string>,
    private profiles: StoredProfile[],
    private activeId: string,
    private sandboxEndpoint: DataEndpoint,
  ) {}

  static async open(
    userDataDir: string,
    vault: Vault,
    sandboxUrl: () => Promise<string>,
  ): Promise<ProfileStore> {
    const file = join(userDataDir, PROFILES_FILE);
    const stored = await readProfilesFile(file);
    const profiles = stored?.profiles ?? [];
    const activeId = profiles.some((p) => p.id === stored?.activeId)
      ? stored!.activeId
      : SANDBOX_ID;
    const sandboxEndpoint = isDataEndpoint(stored?.sandboxEndpoint)
      ? stored.sandboxEndpoint
      : DEFAULT_DATA_ENDPOINT;
    return new ProfileStore(file, vault, sandboxUrl, [...profiles], activeId, sandboxEndpoint);
  }

  async list(): Promise<{ profiles: ProfileSummary[]; activeId: string }> {
    const sandbox = await this.sandboxSummary();
    return {
      profiles: [sandbox, ...this.profiles.map((p) => this.summary(p))],
      activeId: this.activeId,
    };
  }

  async save(args: IpcArgs<'profiles:save'>): Promise<ProfileSummary> {
    if (args.id === SANDBOX_ID) {
      // The demo server serves both endpoints: which one to call is the one choice here.
      if (!args.endpoint) throw new CoreError('READ_ONLY', 'The Sandbox profile cannot be changed');
      this.sandboxEndpoint = args.endpoint;
      await this.write();
      return this.sandboxSummary();
    }
    refuseCredentialsInUrl(args.baseUrl);
    const existing = args.id ? this.find(args.id) : null;
    const profile: StoredProfile = {
      id: existing?.id ?? randomUUID(),
      name: args.name.trim(),
      baseUrl: args.baseUrl.replace(/\/+$/, ''),
      apiVersion: args.apiVersion.trim(),
      endpoint: args.endpoint ?? existing?.endpoint ?? DEFAULT_DATA_ENDPOINT,
    };
    // Secrets first: a profile never points at a secret the vault failed to keep.
    if (args.apiKey !== undefined)
      await this.vault.set(secretKey(profile.id, 'apiKey'), args.apiKey);
    if (args.serverHash !== undefined) {
      await this.vault.set(secretKey(profile.id, 'serverHash'), args.serverHash);
    }
    this.profiles = existing
      ? this.profiles.map((p) => (p.id === profile.id ? profile : p))
      : [...this.profiles, profile];
    await this.write();
    return this.summary(profile);
  }

  async delete(id: string): Promise<string> {
    if (id === SANDBOX_ID)
      throw new CoreError('READ_ONLY', 'The Sandbox profile cannot be deleted');
    this.find(id);
    this.profiles = this.profiles.filter((p) => p.id !== id);
    if (this.activeId === id) this.activeId = SANDBOX_ID;
    await this.vault.delete(secretKey(id, 'apiKey'));
    await this.vault.delete(secretKey(id, 'serverHash'));
    await this.write();
    return this.activeId;
  }

  async activate(id: string): Promise<string> {
    if (id !== SANDBOX_ID) this.find(id);
    this.activeId = id;
    await this.write();
    return this.activeId;
  }

  active(): string {
    return this.activeId;
  }

  /** Everything needed to call the API as this profile (main only: holds the secrets). */
  async connection(
    id: string,
  ): Promise<{ connection: Connection; name: string; sandbox: boolean; endpoint: DataEndpoint }> {
    if (id === SANDBOX_ID) {
      const baseUrl = await this.sandboxUrl();
      return {
        connection: { baseUrl, apiVersion: 'v1', ...SANDBOX_CREDENTIALS },
        name: 'Sandbox',
        sandbox: true,
        endpoint: this.sandboxEndpoint,
      };
    }
    const p = this.find(id);
    return {
      connection: {
        baseUrl: p.baseUrl,
        apiVersion: p.apiVersion,
        apiKey: this.vault.get(secretKey(id, 'apiKey')) ?? '',
        serverHash: this.vault.get(secretKey(id, 'serverHash')) ?? '',
      },
      name: p.name,
      sandbox: false,
      endpoint: p.endpoint ?? DEFAULT_DATA_ENDPOINT,
    };
  }

  private find(id: string): StoredProfile {
    const profile = this.profiles.find((p) => p.id === id);
    if (!profile) throw new CoreError('PROFILE_NOT_FOUND', 'That profile does not exist any more');
    return profile;
  }

  private summary(p: StoredProfile): ProfileSummary {
    return {
      id: p.id,
      name: p.name,
      sandbox: false,
      baseUrl: p.baseUrl,
      apiVersion: p.apiVersion,
      endpoint: p.endpoint ?? DEFAULT_DATA_ENDPOINT,
      apiKey: this.vault.hint(secretKey(p.id, 'apiKey')),
      serverHash: this.vault.hint(secretKey(p.id, 'serverHash')),
    };
  }

  private async sandboxSummary(): Promise<ProfileSummary> {
    const builtIn = { set: true, last4: null, storage: null } as const;
    return {
      id: SANDBOX_ID,
      name: 'Sandbox',
      sandbox: true,
      // The list still answers when the sandbox could not start; opening a session says why.
      baseUrl: await this.sandboxUrl().catch(() => ''),
      apiVersion: 'v1',
      endpoint: this.sandboxEndpoint,
      apiKey: builtIn,
      serverHash: builtIn,
    };
  }

  private async write(): Promise<void> {
    const body: ProfilesFile = {
      version: 1,
      activeId: this.activeId,
      profiles: this.profiles,
      sandboxEndpoint: this.sandboxEndpoint,
    };
    await writeFileSafely(this.file, JSON.stringify(body, null, 2));
  }
}

async function readProfilesFile(file: string): Promise<ProfilesFile | null> {
  try {
    const parsed = JSON.parse(await readRegularText(file)) as Partial<ProfilesFile>;
    if (parsed.version !== 1 || !Array.isArray(parsed.profiles)) return null;
    const profiles = parsed.profiles.filter(
      (p): p is StoredProfile =>
        typeof p?.id === 'string' &&
        typeof p.name === 'string' &&
        typeof p.baseUrl === 'string' &&
        typeof p.apiVersion === 'string',
    );
    const profilesRead = profiles.map((p) => {
      const { endpoint, ...rest } = p;
      return isDataEndpoint(endpoint) ? { ...rest, endpoint } : rest;
    });
    return {
      version: 1,
      activeId: String(parsed.activeId ?? SANDBOX_ID),
      profiles: profilesRead,
      ...(isDataEndpoint(parsed.sandboxEndpoint)
        ? { sandboxEndpoint: parsed.sandboxEndpoint }
        : {}),
    };
  } catch {
    return null; // missing or damaged: start with the Sandbox only
  }
}
