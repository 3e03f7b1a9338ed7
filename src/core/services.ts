// The long-lived parts of main, opened once: vault, profiles, loaded sessions, jobs and
// the in-process sandbox server (started on first use).
import type { AppDeps, SandboxServer } from './deps';
import { ProfileStore, SANDBOX_CREDENTIALS } from './profiles/profile-store';
import { Jobs } from './sessions/jobs';
import { SessionStore } from './sessions/session-store';
import { Vault } from './vault/vault';

export interface Services {
  readonly vault: Vault;
  readonly profiles: ProfileStore;
  readonly sessions: SessionStore;
  readonly jobs: Jobs;
  close(): Promise<void>;
}

export async function openServices(deps: AppDeps): Promise<Services> {
  let sandbox: Promise<SandboxServer> | null = null;
  const sandboxServer = (): Promise<SandboxServer> => {
    sandbox ??= deps.startSandbox({ ...SANDBOX_CREDENTIALS }).catch((error: unknown) => {
      sandbox = null; // let the next call try again
      throw error;
    });
    return sandbox;
  };
  const vault = await Vault.open(deps.userDataDir, deps.safeStorage);
  const profiles = await ProfileStore.open(
    deps.userDataDir,
    vault,
    async () => (await sandboxServer()).url,
  );
  const jobs = new Jobs();
  return {
    vault,
    profiles,
    sessions: new SessionStore(),
    jobs,
    async close() {
      jobs.cancelAll();
      if (sandbox) await (await sandbox.catch(() => null))?.close();
    },
  };
}
