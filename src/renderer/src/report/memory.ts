// Remembers, per session id, the last account and view looked at, across app restarts: a
// session opened again (or refreshed) comes back where it was; a session never seen
// opens on its Summary, whatever another session showed last.
import { readViewId, type ViewId } from './tabs';

// localStorage is the renderer's own storage: nothing here is secret or needed by main.
const ACCOUNTS_KEY = 'bcv.report.accounts';
const TABS_KEY = 'bcv.report.tabs';
/** Only the most recent sessions are kept, so the map never grows without bound. */
const MAX_SESSIONS = 200;

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled: remember nothing, break nothing
  }
}

function pairs(key: string): [string, string][] {
  try {
    const parsed: unknown = JSON.parse(storage()?.getItem(key) ?? '[]');
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

function remember(key: string, sessionId: string, value: string): void {
  const rest = pairs(key).filter(([s]) => s !== sessionId);
  const next = [[sessionId, value], ...rest].slice(0, MAX_SESSIONS);
  storage()?.setItem(key, JSON.stringify(next));
}

export function rememberedAccount(sessionId: string): string | null {
  return pairs(ACCOUNTS_KEY).find(([s]) => s === sessionId)?.[1] ?? null;
}

export function rememberAccount(sessionId: string, accountId: string): void {
  remember(ACCOUNTS_KEY, sessionId, accountId);
}

export function rememberedView(sessionId: string): ViewId | null {
  return readViewId(pairs(TABS_KEY).find(([s]) => s === sessionId)?.[1]);
}

export function rememberView(sessionId: string, view: ViewId): void {
  remember(TABS_KEY, sessionId, view);
}
