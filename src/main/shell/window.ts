// The one main window: hardened webPreferences, shown on ready-to-show, bounds remembered.
import { BrowserWindow, screen } from 'electron';
import { join } from 'node:path';
import { initialBounds, MIN_SIZE, readWindowState, writeWindowState } from './bounds';

export async function createMainWindow(options: {
  userDataDir: string;
  appUrl: string;
  development: boolean;
}): Promise<BrowserWindow> {
  const workAreas = screen.getAllDisplays().map((d) => d.workArea);
  const state = initialBounds(await readWindowState(options.userDataDir), workAreas);
  const win = new BrowserWindow({
    ...state.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'BankConnect Viewer',
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      devTools: options.development,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });
  // Remember where the window was: normal bounds even when maximised.
  win.on('close', () => {
    void writeWindowState(options.userDataDir, {
      bounds: win.getNormalBounds(),
      maximized: win.isMaximized(),
    }).catch(() => undefined);
  });
  await win.loadURL(options.appUrl);
  return win;
}
