// A session id is checked once, where it comes in (the CLI's argument, the app's form, a
// file being imported), before any request or write: it becomes a URL path segment and a
// folder name, so an id that cannot be both is refused with one line instead of being
// saved and then unreadable, or normalised into another API path (`.` and `..`).

/** FinBox ids are UUIDs (36 characters); the sandbox's are shorter. */
export const MAX_SESSION_ID_LENGTH = 128;

/** Letters, digits and `- _ . ~` (the URL-safe set; `~` tags sandbox runs). */
const ALLOWED = /^[A-Za-z0-9._~-]+$/;
/** Names Windows reserves for devices, with or without an extension, in any case. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** Why the id cannot be used, or null when it can. */
export function sessionIdProblem(id: string): string | null {
  if (id.length === 0) return 'the session id is empty';
  if (id.length > MAX_SESSION_ID_LENGTH) {
    return `the session id has ${id.length} characters; at most ${MAX_SESSION_ID_LENGTH} are allowed`;
  }
  if (!ALLOWED.test(id)) {
    const bad = [...id].find((c) => !ALLOWED.test(c)) ?? '';
    const named = /^[\x21-\x7e]$/.test(bad)
      ? `"${bad}"`
      : `U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    return `the session id contains ${named}; only letters, digits and - _ . ~ are allowed`;
  }
  if (/^\.+$/.test(id))
    return `the session id "${id}" is only dots, which name a folder, not a session`;
  if (id.endsWith('.'))
    return 'the session id ends with a dot, which Windows drops from folder names';
  if (WINDOWS_RESERVED.test(id)) {
    return `the session id "${id}" is a name Windows reserves for a device and cannot be a folder name`;
  }
  return null;
}
