// Profiles and the vault as the renderer sees them: names, URLs and secret hints only.
import type { IpcArgs, ProfileSummary, VaultStatus } from '@shared/ipc/contract';
import { api, shownError, type ShownError } from './api';

export interface TestOutcome {
  readonly profileId: string;
  readonly reachable: boolean;
  readonly credentialsAccepted: boolean;
  readonly message: string;
}

class ProfilesState {
  profiles = $state.raw<readonly ProfileSummary[]>([]);
  activeId = $state('');
  vault = $state.raw<VaultStatus | null>(null);
  error = $state.raw<ShownError | null>(null);
  testing = $state(false);
  testOutcome = $state.raw<TestOutcome | null>(null);
  loaded = $state(false);

  get active(): ProfileSummary | undefined {
    return this.profiles.find((p) => p.id === this.activeId);
  }

  async load(): Promise<void> {
    await this.guard(async () => {
      const [list, vault] = await Promise.all([api.listProfiles(), api.getVaultStatus()]);
      this.profiles = list.profiles;
      this.activeId = list.activeId;
      this.vault = vault;
    });
    this.loaded = true;
  }

  /** Saves and returns the saved profile's id, or null when it failed (error is shown). */
  async save(args: IpcArgs<'profiles:save'>): Promise<string | null> {
    let id: string | null = null;
    await this.guard(async () => {
      id = (await api.saveProfile(args)).id;
      await this.reload();
    });
    return id;
  }

  async remove(id: string): Promise<void> {
    await this.guard(async () => {
      await api.deleteProfile({ id });
      await this.reload();
    });
  }

  async activate(id: string): Promise<void> {
    await this.guard(async () => {
      this.activeId = (await api.activateProfile({ id })).activeId;
    });
  }

  async test(id: string): Promise<void> {
    this.testing = true;
    this.testOutcome = null;
    await this.guard(async () => {
      this.testOutcome = { profileId: id, ...(await api.testProfile({ id })) };
    });
    this.testing = false;
  }

  async consent(allowInsecure: boolean): Promise<void> {
    await this.guard(async () => {
      this.vault = await api.setVaultConsent({ allowInsecure });
      await this.reload();
    });
  }

  private async reload(): Promise<void> {
    const list = await api.listProfiles();
    this.profiles = list.profiles;
    this.activeId = list.activeId;
  }

  /** The form was left (Cancel): its refusal goes with it. */
  clearError(): void {
    this.error = null;
  }

  private async guard(work: () => Promise<void>): Promise<void> {
    this.error = null;
    try {
      await work();
    } catch (error) {
      this.error = shownError(error);
    }
  }
}

export const profiles = new ProfilesState();

/** The profile form's fields: a refusal naming one is shown at it, not as a page banner. */
export const PROFILE_FIELDS = ['name', 'baseUrl', 'apiVersion', 'apiKey', 'serverHash'] as const;

/** The message for a form field ("Base URL: Enter ..." at Base URL reads "Enter ..."). */
export function fieldError(key: (typeof PROFILE_FIELDS)[number]): string | null {
  const error = profiles.error;
  if (!error || error.field !== key) return null;
  return error.message.replace(/^[^:]{1,20}: /, '');
}
