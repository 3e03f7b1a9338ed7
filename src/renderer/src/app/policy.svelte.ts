// The credit policy the figures on screen are made with, as main keeps it (an app setting):
// loaded when the app starts, replaced by main's answer when the user chooses a policy
// file (main reads and checks it) or goes back to the default.
import { DEFAULT_POLICY, type CreditPolicy } from '@shared/insights/policy';
import { api, shownError } from './api';

class PolicyModel {
  current = $state.raw<CreditPolicy>(DEFAULT_POLICY);
  /** The last choice that failed, in one line (a bad setting, a file that would not read). */
  error = $state<string | null>(null);
  busy = $state(false);

  async load(): Promise<void> {
    await this.run(() => api.getPolicy());
  }

  async choose(): Promise<void> {
    await this.run(() => api.choosePolicy());
  }

  async reset(): Promise<void> {
    await this.run(() => api.resetPolicy());
  }

  private async run(
    call: () => Promise<{ readonly policy: CreditPolicy } | { readonly cancelled: true }>,
  ): Promise<void> {
    this.busy = true;
    try {
      const answer = await call();
      if ('policy' in answer) {
        this.current = answer.policy;
        this.error = null;
      }
    } catch (error) {
      this.error = shownError(error).message;
    } finally {
      this.busy = false;
    }
  }
}

export const policy = new PolicyModel();
