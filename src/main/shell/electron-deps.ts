// Electron's implementations of main's dependencies: net.fetch (Chromium's network stack:
// system proxy, PAC, NTLM), safeStorage's async API, native dialogs and shell actions.
import { join } from 'node:path';
import { APP_FOLDER, libraryDirIn } from '../../core/library/paths';
import { app, BrowserWindow, dialog, net, safeStorage, shell } from 'electron';
import type { AppDeps } from '../../core/deps';
import { createClient, startSandbox } from '../../core/integrations';
import { exportWorkbook } from '../../core/export/export-workbook';
import type { SafeStorageLike } from '../../core/vault/vault';
import { buildFingerprint } from './build-fingerprint';

const electronSafeStorage: SafeStorageLike = {
  isAsyncEncryptionAvailable: () => safeStorage.isAsyncEncryptionAvailable(),
  encryptStringAsync: (text) => safeStorage.encryptStringAsync(text),
  decryptStringAsync: (bytes) => safeStorage.decryptStringAsync(bytes),
  // The backend name exists on Linux only; elsewhere the OS store is always real.
  getSelectedStorageBackend: () =>
    process.platform === 'linux'
      ? safeStorage.getSelectedStorageBackend()
      : process.platform === 'darwin'
        ? 'keychain'
        : 'dpapi',
};

/**
 * The folder the library lives in: <appData>/bankconnect-viewer, the one bcv finds by itself
 * (core/library/paths.ts), whatever name the installed app runs under; with
 * --user-data-dir (the tests), inside that folder instead. BCV_LIBRARY wins over both.
 */
function ownFolder(): string {
  if (app.commandLine.hasSwitch('user-data-dir')) return app.getPath('userData');
  return join(app.getPath('appData'), APP_FOLDER);
}

export function electronDeps(development: boolean): AppDeps {
  const parent = (): BrowserWindow | undefined => BrowserWindow.getAllWindows()[0];
  return {
    fetch: (input, init) => net.fetch(input as string, init),
    userDataDir: app.getPath('userData'),
    libraryDir: libraryDirIn(ownFolder(), process.env, process.cwd()),
    clock: () => new Date(),
    safeStorage: electronSafeStorage,
    dialogs: {
      async saveFile({ title, defaultPath, filters }) {
        const options = {
          title,
          defaultPath,
          filters: filters.map((f) => ({ ...f, extensions: [...f.extensions] })),
        };
        const win = parent();
        const r = win
          ? await dialog.showSaveDialog(win, options)
          : await dialog.showSaveDialog(options);
        return r.canceled || !r.filePath ? null : r.filePath;
      },
      async openFiles({ title, filters, multiple }) {
        const options = {
          title,
          filters: filters.map((f) => ({ ...f, extensions: [...f.extensions] })),
          properties: multiple
            ? (['openFile', 'multiSelections'] as const)
            : (['openFile'] as const),
        };
        const win = parent();
        const r = win
          ? await dialog.showOpenDialog(win, { ...options, properties: [...options.properties] })
          : await dialog.showOpenDialog({ ...options, properties: [...options.properties] });
        return r.canceled ? null : r.filePaths;
      },
    },
    shell: {
      reveal: (path) => shell.showItemInFolder(path),
      trash: (path) => shell.trashItem(path),
      openExternal: async (url) => {
        if (new URL(url).protocol === 'https:') await shell.openExternal(url);
      },
    },
    startSandbox,
    createClient,
    exportWorkbook,
    appInfo: { version: app.getVersion(), platform: process.platform, development },
    buildFingerprint: buildFingerprint(__filename),
  };
}
