// Secrets never leave in text: the active API key, server hash and any password in a URL
// are cut out of every message, log line, error and file the app or the CLI produces.
// Servers and gateways can echo request headers back in an error body (some do on 403),
// so redaction is applied to what comes back, not only to what we build ourselves.
import { CoreError } from '../core-error';

export const REDACTED = '[redacted]';

/** Secrets shorter than this are not searched for: they would match ordinary text. */
const MIN_SECRET = 4;

export type Redact = (text: string) => string;

/** A function replacing each secret (as sent, and URL-encoded) by REDACTED. */
export function redactor(secrets: readonly (string | null | undefined)[]): Redact {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (!secret || secret.length < MIN_SECRET) continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
    const trimmed = secret.trim();
    if (trimmed.length >= MIN_SECRET) forms.add(trimmed);
  }
  // Longest first, so a secret containing another is cut whole.
  const list = [...forms].sort((a, b) => b.length - a.length);
  if (list.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const form of list) if (out.includes(form)) out = out.split(form).join(REDACTED);
    return out;
  };
}

/** The password (and user) of a URL, for redaction; empty when it has none. */
export function urlSecrets(url: string): string[] {
  try {
    const parsed = new URL(url);
    return [decodeURIComponent(parsed.password), parsed.password].filter(Boolean);
  } catch {
    return [];
  }
}

/**
 * A base URL with `user:password@` is refused: credentials go in the vault (the app) or
 * the environment (the CLI), never in a URL that is shown, logged and saved in profiles.
 * The message shows the URL with the password hidden.
 */
export function refuseCredentialsInUrl(url: string, what = 'The base URL'): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return; // not a URL at all: the caller says so
  }
  if (!parsed.username && !parsed.password) return;
  const shown = `${parsed.protocol}//${parsed.username ? '•••' : ''}${parsed.password ? ':•••' : ''}@${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  throw new CoreError(
    'CREDENTIALS_IN_URL',
    `${what} carries a user name or password (${shown}): remove it; credentials go in the profile's API key and server hash (app) or BANKCONNECT_API_KEY and BANKCONNECT_SERVER_HASH (command line)`,
  );
}

/**
 * Characters a header value can carry (visible ASCII and inner spaces). A key with a line
 * break or non-ASCII can never be sent: fetch would throw, echoing the value.
 */
export function headerSafe(value: string): boolean {
  return /^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/.test(value);
}
