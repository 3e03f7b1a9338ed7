// The thin Electron shell: lifecycle, single instance, hardening, menu, IPC wiring and the
// .bcsession files the OS opens the app with.
// Everything else is plain Node: the IPC handlers (src/main/ipc) over src/core.
import { app, BrowserWindow, ipcMain, Menu } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { IPC_CHANNELS } from '@shared/ipc/contract';
import { createHandlers } from './ipc/create-handlers';
import { createIpcListener } from './ipc/listener';
import { appUrlMatcher } from './ipc/sender';
import { createSessionFileOpener, sessionFilesInArgv } from './ipc/session-files';
import { electronDeps } from './shell/electron-deps';
import { menuTemplate } from './shell/menu-template';
import { hardenSessions } from './shell/security';
import { createMainWindow } from './shell/window';

const devServer = process.env['ELECTRON_RENDERER_URL'];
const development = !app.isPackaged && devServer !== undefined;
const appUrl = devServer ?? pathToFileURL(join(__dirname, '../renderer/index.html')).href;
const isAppUrl = appUrlMatcher(appUrl);

let mainWindow: BrowserWindow | null = null;
let openWindow: (() => Promise<void>) | null = null;
// .bcsession files the OS opens the app with: imported, then opened in the window.
const sessionFiles = createSessionFileOpener();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Windows and Linux: a double-click while the app runs starts a second instance, which
  // hands its command line over here and quits.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    sessionFiles.open(sessionFilesInArgv(argv, workingDirectory));
    if (!mainWindow) return void openWindow?.();
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // macOS: the Finder sends files as events, before and after ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    sessionFiles.open([path]);
    if (!mainWindow) void openWindow?.();
  });
  // Windows and Linux: the first launch gets the files on its command line.
  sessionFiles.open(sessionFilesInArgv(process.argv, process.cwd()));
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  hardenSessions(isAppUrl);
  const handlers = createHandlers(electronDeps(development));
  const listener = createIpcListener(
    handlers,
    { webContentsId: () => mainWindow?.webContents.id ?? null, isAppUrl },
    (message) => console.warn(message),
  );
  for (const channel of IPC_CHANNELS) {
    ipcMain.handle(channel, (event, args: unknown) => listener(channel, event, args));
  }
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        isMac: process.platform === 'darwin',
        development,
        send: (command) => mainWindow?.webContents.send('menu:command', { command }),
      }),
    ),
  );
  sessionFiles.importWith(handlers);
  let opening: Promise<void> | null = null;
  // One window: a file arriving while it is being created waits for that one.
  const open = (): Promise<void> => (opening ??= createWindow().finally(() => (opening = null)));
  const createWindow = async (): Promise<void> => {
    const win = await createMainWindow({
      userDataDir: app.getPath('userData'),
      appUrl,
      development,
    });
    mainWindow = win;
    win.on('closed', () => {
      mainWindow = null;
      sessionFiles.deliverTo(null);
    });
    // Loaded, so the renderer listens: files waiting since launch open now.
    sessionFiles.deliverTo((event) => {
      if (!win.isDestroyed()) win.webContents.send('library:file-opened', event);
    });
  };
  openWindow = open;
  await open();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void open();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => void handlers.dispose());
}
