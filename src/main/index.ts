// The thin Electron shell: lifecycle, single instance, hardening, menu and IPC wiring.
// Everything else is plain Node: the IPC handlers (src/main/ipc) over src/core.
import { app, BrowserWindow, ipcMain, Menu } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { IPC_CHANNELS } from '@shared/ipc/contract';
import { createHandlers } from './ipc/create-handlers';
import { createIpcListener } from './ipc/listener';
import { appUrlMatcher } from './ipc/sender';
import { electronDeps } from './shell/electron-deps';
import { menuTemplate } from './shell/menu-template';
import { hardenSessions } from './shell/security';
import { createMainWindow } from './shell/window';

const devServer = process.env['ELECTRON_RENDERER_URL'];
const development = !app.isPackaged && devServer !== undefined;
const appUrl = devServer ?? pathToFileURL(join(__dirname, '../renderer/index.html')).href;
const isAppUrl = appUrlMatcher(appUrl);

let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
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
  const open = async (): Promise<void> => {
    mainWindow = await createMainWindow({
      userDataDir: app.getPath('userData'),
      appUrl,
      development,
    });
    mainWindow.on('closed', () => (mainWindow = null));
  };
  await open();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void open();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => void handlers.dispose());
}
