// `--policy FILE`: the credit policy a command's figures are made with (the policy file
// core/policy reads); without it, the default policy.
import { resolve } from 'node:path';
import { DEFAULT_POLICY, type CreditPolicy } from '@shared/insights/policy';
import { readPolicyFile } from '../core/policy/policy-file';

export const POLICY_OPTION = {
  policy: {
    type: 'string',
    arg: 'FILE',
    help: 'make the figures with this credit policy (a JSON file of settings; docs/credit-figures.md lists them); default: the default policy',
  },
} as const;

/** The policy `--policy` names, read and checked, or the default. */
export async function policyOption(value: string | undefined, cwd: string): Promise<CreditPolicy> {
  if (value === undefined) return DEFAULT_POLICY;
  return readPolicyFile(resolve(cwd, value), undefined, value);
}
