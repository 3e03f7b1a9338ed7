// The credit policy the app uses, an app setting (`credit-policy.json` in the user-data
// folder, written atomically): the settings of the policy file the user chose, checked
// when chosen and again when read, so a file moved or edited later changes nothing
// unseen. No setting, or one that no longer reads: the default policy.
import { join } from 'node:path';
import { DEFAULT_POLICY, type CreditPolicy } from '@shared/insights/policy';
import { realFs, writeFileAtomic, type LibraryFs } from '../io/safe-write';
import { policyFromText, readPolicyFile } from './policy-file';

export const POLICY_SETTING_FILE = 'credit-policy.json';

export class PolicySetting {
  constructor(
    private readonly userDataDir: string,
    private readonly fs: LibraryFs = realFs,
  ) {}

  async get(): Promise<CreditPolicy> {
    let text: string;
    try {
      text = (await this.fs.readFile(join(this.userDataDir, POLICY_SETTING_FILE))).toString('utf8');
    } catch {
      return DEFAULT_POLICY;
    }
    try {
      return policyFromText(text, POLICY_SETTING_FILE);
    } catch {
      // Edited by hand into something that does not read: the default, until chosen again.
      return DEFAULT_POLICY;
    }
  }

  /** Reads and checks the policy file at `path` (one line naming a bad setting), then keeps it. */
  async choose(path: string, what: string = path): Promise<CreditPolicy> {
    const policy = await readPolicyFile(path, undefined, what);
    await this.write(policy);
    return policy;
  }

  async reset(): Promise<CreditPolicy> {
    await this.write(DEFAULT_POLICY);
    return DEFAULT_POLICY;
  }

  private async write(policy: CreditPolicy): Promise<void> {
    await this.fs.mkdir(this.userDataDir, { recursive: true });
    await writeFileAtomic(
      this.fs,
      this.userDataDir,
      POLICY_SETTING_FILE,
      Buffer.from(`${JSON.stringify(policy, null, 2)}\n`, 'utf8'),
    );
  }
}
