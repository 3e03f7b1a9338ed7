// Where the library lives. The app: `<userData>/library`. The CLI (no Electron, so no
// userData): the per-user data folder of the platform, the same place env-paths would give:
//   Linux   $XDG_DATA_HOME/bankconnect-viewer/library (default ~/.local/share/...)
//   macOS   ~/Library/Application Support/bankconnect-viewer/library
//   Windows %LOCALAPPDATA%\bankconnect-viewer\library
import { join } from 'node:path';

export const APP_FOLDER = 'bankconnect-viewer';

export function appLibraryDir(userDataDir: string): string {
  return join(userDataDir, 'library');
}

export function recentFileOf(userDataDir: string): string {
  return join(userDataDir, 'recent-sessions.json');
}

export function defaultCliLibraryDir(
  env: Readonly<Record<string, string | undefined>>,
  home: string,
  platform: string,
): string {
  if (platform === 'win32') {
    return join(env['LOCALAPPDATA'] ?? join(home, 'AppData', 'Local'), APP_FOLDER, 'library');
  }
  if (platform === 'darwin') {
    return join(home, 'Library', 'Application Support', APP_FOLDER, 'library');
  }
  const xdg = env['XDG_DATA_HOME'];
  const base = xdg && xdg.startsWith('/') ? xdg : join(home, '.local', 'share');
  return join(base, APP_FOLDER, 'library');
}
