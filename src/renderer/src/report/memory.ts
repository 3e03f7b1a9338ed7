// Remembers, per session id, the last account looked at, across app restarts (a new
// session always opens on its Summary tab).
// localStorage is the renderer's own storage: nothing here is secret or needed by main.
const ACCOUNTS_KEY = 'bcv.report.accounts';
/** Only the most recent sessions are kept, so the map never grows without bound. */
const MAX_SESSIONS = 200;

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled: remember nothing, break nothing
  }
}

function accounts(): [string, string][] {
  try {
    const parsed: unknown = JSON.parse(storage()?.getItem(ACCOUNTS_KEY) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter(
          (e): e is [string, string] =>
            Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'string',
        )
      : [];
  } catch {
    return [];
  }
}

export function rememberedAccount(sessionId: string): string | null {
  return accounts().find(([s]) => s === sessionId)?.[1] ?? null;
}

export function rememberAccount(sessionId: string, accountId: string): void {
  const rest = accounts().filter(([s]) => s !== sessionId);
  const next = [[sessionId, accountId], ...rest].slice(0, MAX_SESSIONS);
  storage()?.setItem(ACCOUNTS_KEY, JSON.stringify(next));
}
