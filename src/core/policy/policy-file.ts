// The credit-policy file the app and `bcv` read: a small JSON object of settings, checked
// against the policy schema, the defaults filling what it leaves out. A bad file is one
// line naming the setting and what it may be; nothing is guessed.
import { readJson, JsonReadError } from '@shared/json/read-json';
import { DEFAULT_POLICY, policyFrom, type CreditPolicy } from '@shared/insights/policy';
import { creditPolicySchema } from '@shared/insights/policy-schema';
import { POLICY_SETTINGS } from '@shared/insights/policy-text';
import { CoreError } from '../core-error';
import { readRegularFile, type RegularFileFs } from '../io/regular-file';

/** A policy is a handful of settings: anything bigger is not one. */
export const MAX_POLICY_BYTES = 64 * 1024;

export class PolicyError extends CoreError<'BAD_POLICY'> {
  constructor(message: string) {
    super('BAD_POLICY', message);
  }
}

const SETTINGS = Object.keys(DEFAULT_POLICY) as (keyof CreditPolicy)[];

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** The policy a file's text describes; `what` names the file in the message. */
export function policyFromText(text: string, what: string): CreditPolicy {
  let read;
  try {
    read = readJson(text, what);
  } catch (error) {
    if (error instanceof JsonReadError)
      throw new PolicyError(`${what}: not JSON (${error.message})`);
    throw error;
  }
  const value = read.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new PolicyError(
      `${what}: a policy is a JSON object of settings, such as {"name": "Retail", "foirLimit": 0.5}`,
    );
  const twice = read.duplicates[0];
  if (twice)
    throw new PolicyError(`${what}: "${twice.key}" is given twice; give each setting once`);
  const parsed = creditPolicySchema.safeParse(value);
  if (parsed.success) return policyFrom(parsed.data);
  const issue = parsed.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const key = (issue as { keys?: readonly string[] }).keys?.[0] ?? '';
    throw new PolicyError(
      `${what}: "${key}" is not a policy setting (the settings are ${SETTINGS.join(', ')})`,
    );
  }
  const key = String(issue.path[0] ?? '') as keyof CreditPolicy;
  const setting = POLICY_SETTINGS[key];
  const given = (value as Record<string, unknown>)[key];
  throw new PolicyError(
    setting
      ? `${what}: ${key} must be ${setting.allowed} (it is ${shown(given)})`
      : `${what}: ${issue.message}`,
  );
}

/** Reads and checks a policy file. */
export async function readPolicyFile(
  path: string,
  fs?: RegularFileFs,
  what: string = path,
): Promise<CreditPolicy> {
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(path, what, fs);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT') throw new PolicyError(`${what}: no such policy file`);
    if (code === 'EACCES' || code === 'EPERM')
      throw new PolicyError(`${what}: the policy file could not be read (permission denied)`);
    throw error;
  }
  if (bytes.length > MAX_POLICY_BYTES)
    throw new PolicyError(`${what}: ${bytes.length} bytes is too large for a policy file`);
  return policyFromText(bytes.toString('utf8'), what);
}
