// A recording double of the `electron` module, for loading the built main process
// (out/main/index.js) in plain Node: it records what the shell asks of Electron (the lock,
// windows and their options, IPC channels, session hooks, menus, shell calls) and lets the
// test play the OS (ready, second-instance, open-file, navigation). Only what the shell
// touches is here; anything else fails loudly as undefined.
import { EventEmitter } from 'node:events';
import Module from 'node:module';

export interface Recorded {
  lockRequests: number;
  quits: number;
  readonly handled: Map<string, (event: unknown, args: unknown) => Promise<unknown>>;
  readonly windows: FakeWindow[];
  menus: number;
  permissionRequest:
    ((contents: unknown, permission: string, cb: (ok: boolean) => void) => void) | null;
  permissionCheck: ((...args: unknown[]) => boolean) | null;
  headers:
    | ((
        details: { url: string; responseHeaders?: Record<string, string[]> },
        cb: (r: { responseHeaders?: Record<string, string[]> }) => void,
      ) => void)
    | null;
  readonly externals: string[];
}

export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly sent: [string, unknown][] = [];
  readonly mainFrame: { url: string; parent: null; processId: number; routingId: number };
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  constructor() {
    super();
    this.mainFrame = { url: '', parent: null, processId: 1, routingId: this.id };
  }
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return false;
  }
}

export class FakeWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  focused = 0;
  constructor(readonly options: Record<string, unknown>) {
    super();
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
  show(): void {}
  maximize(): void {}
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  focus(): void {
    this.focused += 1;
  }
  isMaximized(): boolean {
    return false;
  }
  isDestroyed(): boolean {
    return false;
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return { x: 0, y: 0, width: 1366, height: 768 };
  }
}

export interface ElectronDouble {
  readonly module: Record<string, unknown>;
  readonly app: EventEmitter;
  readonly recorded: Recorded;
  /** Resolves app.whenReady(). */
  ready(): void;
}

export function electronDouble(options: { lock: boolean; userData: string }): ElectronDouble {
  const recorded: Recorded = {
    lockRequests: 0,
    quits: 0,
    handled: new Map(),
    windows: [],
    menus: 0,
    permissionRequest: null,
    permissionCheck: null,
    headers: null,
    externals: [],
  };
  let ready!: () => void;
  const whenReady = new Promise<void>((resolve) => (ready = resolve));
  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    requestSingleInstanceLock: () => {
      recorded.lockRequests += 1;
      return options.lock;
    },
    quit: () => void (recorded.quits += 1),
    whenReady: () => whenReady,
    getPath: () => options.userData,
    commandLine: { hasSwitch: () => false },
    getVersion: () => '0.0.0-boot-test',
  });

  class BrowserWindow extends FakeWindow {
    constructor(windowOptions: Record<string, unknown>) {
      super(windowOptions);
      recorded.windows.push(this);
      // As Electron does for every new web contents.
      app.emit('web-contents-created', {}, this.webContents);
    }
    static getAllWindows(): FakeWindow[] {
      return [...recorded.windows];
    }
  }

  const module = {
    app,
    BrowserWindow,
    ipcMain: {
      handle: (channel: string, fn: (event: unknown, args: unknown) => Promise<unknown>) => {
        recorded.handled.set(channel, fn);
      },
    },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: () => void (recorded.menus += 1),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Recorded['permissionRequest']) => {
          recorded.permissionRequest = h;
        },
        setPermissionCheckHandler: (h: Recorded['permissionCheck']) => {
          recorded.permissionCheck = h;
        },
        webRequest: {
          onHeadersReceived: (h: Recorded['headers']) => {
            recorded.headers = h;
          },
        },
      },
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    shell: {
      openExternal: (url: string) => {
        recorded.externals.push(url);
        return Promise.resolve();
      },
      showItemInFolder: () => undefined,
      trashItem: () => Promise.resolve(),
    },
    dialog: {
      showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
      showSaveDialog: () => Promise.resolve({ canceled: true }),
    },
    net: { fetch: (...args: Parameters<typeof fetch>) => fetch(...args) },
    safeStorage: {
      isAsyncEncryptionAvailable: () => Promise.resolve(true),
      encryptStringAsync: (text: string) => Promise.resolve(Buffer.from(text, 'utf8')),
      decryptStringAsync: (bytes: Buffer) =>
        Promise.resolve({ result: bytes.toString('utf8'), shouldReEncrypt: false }),
      getSelectedStorageBackend: () => 'gnome_libsecret',
    },
  };
  return { module, app, recorded, ready };
}

type Load = (request: string, parent: unknown, isMain: boolean) => unknown;

/** Loads a CommonJS file with `require('electron')` answered by the double. */
export function loadWithElectron(file: string, electron: Record<string, unknown>): void {
  const mod = Module as unknown as { _load: Load };
  const original = mod._load;
  mod._load = function (request, parent, isMain) {
    if (request === 'electron') return electron;
    return original.call(this, request, parent, isMain);
  };
  try {
    const require = Module.createRequire(file);
    delete require.cache[file];
    require(file);
  } finally {
    mod._load = original;
  }
}
