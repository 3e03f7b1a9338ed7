// Where the window may go: only the app itself. https links open in the system browser;
// everything else is refused. Plain code, tested without Electron.
export type NavigationDecision = 'allow' | 'external' | 'deny';

export function decideNavigation(
  url: string,
  isAppUrl: (url: string) => boolean,
): NavigationDecision {
  if (isAppUrl(url)) return 'allow';
  try {
    return new URL(url).protocol === 'https:' ? 'external' : 'deny';
  } catch {
    return 'deny';
  }
}
