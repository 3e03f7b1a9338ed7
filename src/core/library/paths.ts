// Where the app and `bcv` keep their data. Both use one library by default, in the app's
// per-user folder (what Electron calls userData for this app), on every OS:
//   Linux   $XDG_CONFIG_HOME/bankconnect-viewer/library (default ~/.config/...)
//   macOS   ~/Library/Application Support/bankconnect-viewer/library
//   Windows %APPDATA%\bankconnect-viewer\library
// BCV_LIBRARY chooses another for both; `bcv --library DIR` for one command.
import { isAbsolute, join, resolve } from 'node:path';

export const APP_FOLDER = 'bankconnect-viewer';
export const LIBRARY_ENV = 'BCV_LIBRARY';

type Env = Readonly<Record<string, string | undefined>>;

export function appLibraryDir(userDataDir: string): string {
  return join(userDataDir, 'library');
}

export function recentFileOf(userDataDir: string): string {
  return join(userDataDir, 'recent-sessions.json');
}

/** The app's per-user folder, as Electron's userData names it for this app. */
export function appDataDir(env: Env, home: string, platform: string): string {
  if (platform === 'win32') {
    return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), APP_FOLDER);
  }
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER);
  const xdg = env['XDG_CONFIG_HOME'];
  return join(xdg && isAbsolute(xdg) ? xdg : join(home, '.config'), APP_FOLDER);
}

/** The library folder: BCV_LIBRARY (relative to `cwd`), else `library` in `userDataDir`. */
export function libraryDirIn(userDataDir: string, env: Env, cwd: string): string {
  const chosen = env[LIBRARY_ENV];
  return chosen ? resolve(cwd, chosen) : appLibraryDir(userDataDir);
}

/** The library the app and `bcv` share, found without Electron (for `bcv`). */
export function defaultLibraryDir(env: Env, home: string, platform: string, cwd: string): string {
  return libraryDirIn(appDataDir(env, home, platform), env, cwd);
}

/** Where `bcv` kept its own library before it shared the app's (to point users at it). */
export function formerCliLibraryDir(env: Env, home: string, platform: string): string {
  if (platform === 'win32') {
    return join(env['LOCALAPPDATA'] ?? join(home, 'AppData', 'Local'), APP_FOLDER, 'library');
  }
  if (platform === 'darwin')
    return join(home, 'Library', 'Application Support', APP_FOLDER, 'library');
  const xdg = env['XDG_DATA_HOME'];
  return join(xdg && isAbsolute(xdg) ? xdg : join(home, '.local', 'share'), APP_FOLDER, 'library');
}
