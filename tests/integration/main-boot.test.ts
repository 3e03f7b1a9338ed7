// The built main process (out/main/index.js, as `npm run build` makes it) booted in Node
// with a recording double of the `electron` module: what the shell does at start-up, and
// the .bcsession files the OS hands it (command line, second instance, macOS open-file).
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../src/shared/ipc/contract';
import { CONTENT_SECURITY_POLICY } from '../../src/main/shell/csp';
import { tempLibrary, saveInput } from '../unit/library/helpers';
import {
  electronDouble,
  loadWithElectron,
  type ElectronDouble,
  type FakeWebContents,
  type FakeWindow,
} from './support/electron-double';

const root = resolve(__dirname, '../..');
const MAIN = join(root, 'out/main/index.js');
const APP_URL = pathToFileURL(join(root, 'out/renderer/index.html')).href;

let files: string;
let goodFile: string;
const cleanup: string[] = [];

beforeAll(async () => {
  if (!existsSync(MAIN)) throw new Error('out/main/index.js is missing: run `npm run build` first');
  files = await mkdtemp(join(tmpdir(), 'bcv-boot-files-'));
  cleanup.push(files);
  // A colleague's saved session, as the library writes it.
  const library = await tempLibrary();
  const saved = await library.save(saveInput('boot-session-1'));
  goodFile = join(files, 'From a colleague.bcsession');
  await copyFile(saved.file, goodFile);
  await writeFile(join(files, 'broken.bcsession'), 'not gzip');
});

const booted: ElectronDouble[] = [];
afterEach(() => {
  vi.unstubAllEnvs();
  // As the app quits: the handlers close their services.
  for (const double of booted.splice(0)) double.app.emit('will-quit');
});

async function boot(options: { lock?: boolean; argv?: string[] } = {}): Promise<ElectronDouble> {
  const userData = await mkdtemp(join(tmpdir(), 'bcv-boot-userdata-'));
  cleanup.push(userData);
  const double = electronDouble({ lock: options.lock ?? true, userData });
  booted.push(double);
  vi.stubEnv('ELECTRON_RENDERER_URL', undefined);
  const argv = process.argv;
  process.argv = options.argv ?? ['/opt/BankConnect Viewer/bankconnect-viewer'];
  try {
    loadWithElectron(MAIN, double.module);
  } finally {
    process.argv = argv;
  }
  return double;
}

/** Booted and ready, with its one window loaded. */
async function started(argv?: string[]): Promise<{ double: ElectronDouble; win: FakeWindow }> {
  const double = await boot(argv ? { argv } : {});
  double.ready();
  await vi.waitFor(() => expect(double.recorded.windows[0]?.loadedUrl).toBeTruthy());
  return { double, win: double.recorded.windows[0]! };
}

const fileEvents = (contents: FakeWebContents): unknown[] =>
  contents.sent.filter(([channel]) => channel === 'library:file-opened').map(([, p]) => p);

/** An IPC call as the window's own top frame makes it. */
function invoke(double: ElectronDouble, win: FakeWindow, channel: string, args: unknown) {
  const handler = double.recorded.handled.get(channel);
  if (!handler) throw new Error(`${channel} is not registered`);
  const event = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
  return handler(event, args) as Promise<{ ok: boolean; result?: unknown; error?: unknown }>;
}

describe('the built main process, booted with a recording electron double', () => {
  afterAll(async () => {
    for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
  });

  it('a second copy of the app that does not get the single-instance lock quits and opens nothing', async () => {
    const double = await boot({ lock: false });
    double.ready();
    await new Promise((r) => setTimeout(r, 50));
    expect(double.recorded.lockRequests).toBe(1);
    expect(double.recorded.quits).toBe(1);
    expect(double.recorded.windows).toHaveLength(0);
    expect(double.recorded.handled.size).toBe(0);
  });

  it('holds the lock, opens one hardened window on the app and registers exactly the contract', async () => {
    const { double, win } = await started();
    expect(double.recorded.lockRequests).toBe(1);
    expect(double.recorded.quits).toBe(0);
    expect(double.recorded.windows).toHaveLength(1);
    expect(win.loadedUrl).toBe(APP_URL);
    const prefs = win.options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
    });
    expect(prefs['preload']).toBe(join(root, 'out/preload/index.js'));
    expect(existsSync(prefs['preload'] as string)).toBe(true);
    expect([...double.recorded.handled.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
    expect(double.recorded.menus).toBe(1);
    // The registered handlers answer through the real IPC layer.
    const info = await invoke(double, win, 'app:info', {});
    expect(info).toMatchObject({ ok: true, result: { version: '0.0.0-boot-test' } });
    const foreign = await double.recorded.handled.get('app:info')!(
      { sender: win.webContents, senderFrame: { url: 'https://evil.example/', parent: null } },
      {},
    );
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('the CSP header on the app’s own responses only; every permission denied', async () => {
    const { double } = await started();
    const headersFor = (url: string) => {
      let answer: { responseHeaders?: Record<string, string[]> } | null = null;
      double.recorded.headers!(
        { url, responseHeaders: { 'X-Existing': ['1'] } },
        (r) => (answer = r),
      );
      return answer!;
    };
    expect(headersFor(APP_URL).responseHeaders).toEqual({
      'X-Existing': ['1'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
    expect(
      headersFor(`${APP_URL.replace('index.html', '')}assets/index.js`).responseHeaders,
    ).toHaveProperty('Content-Security-Policy');
    expect(headersFor('https://apis.bankconnect.finbox.in/bank-connect/v1/session_status')).toEqual(
      {},
    );
    expect(headersFor('file:///etc/passwd')).toEqual({});

    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      let granted: boolean | null = null;
      double.recorded.permissionRequest!({}, permission, (ok) => (granted = ok));
      expect(granted).toBe(false);
    }
    expect(double.recorded.permissionCheck!({}, 'media', APP_URL, {})).toBe(false);
  });

  it('navigation away and new windows are refused; https links go to the system browser', async () => {
    const { double, win } = await started();
    const contents = win.webContents;
    const navigate = (event: string, url: string): boolean => {
      let prevented = false;
      contents.emit(event, { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigate('will-navigate', 'https://evil.example/phish')).toBe(true);
    expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(navigate('will-navigate', `${APP_URL}#/library`)).toBe(false);
    expect(contents.windowOpenHandler!({ url: 'https://finbox.in/docs' })).toEqual({
      action: 'deny',
    });
    expect(contents.windowOpenHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(double.recorded.externals).toEqual([
      'https://evil.example/phish',
      'https://finbox.in/docs',
    ]);
    expect(navigate('will-attach-webview', 'about:blank')).toBe(true);
  });

  it('a .bcsession on the first launch’s command line is imported and opened once the window has loaded', async () => {
    const { double, win } = await started([
      '/opt/BankConnect Viewer/bankconnect-viewer',
      '--no-sandbox',
      goodFile,
    ]);
    await vi.waitFor(() => expect(fileEvents(win.webContents)).toHaveLength(1));
    const [event] = fileEvents(win.webContents) as {
      file: string;
      sessionId: string;
      snapshotId: string;
    }[];
    expect(event).toMatchObject({ file: goodFile, sessionId: 'boot-session-1' });
    // It is in this user's library now: the renderer's library:open finds it.
    const opened = await invoke(double, win, 'library:open', {
      sessionId: event!.sessionId,
      snapshotId: event!.snapshotId,
    });
    expect(opened.ok).toBe(true);
    expect(opened.result).toMatchObject({ sessionId: 'boot-session-1', source: { kind: 'saved' } });
  });

  it('a .bcsession passed to a second instance opens in the running window; a bad one gets the one-line reason', async () => {
    const { double, win } = await started();
    expect(fileEvents(win.webContents)).toEqual([]);
    double.app.emit(
      'second-instance',
      {},
      [
        'C:\\Program Files\\BankConnect Viewer\\BankConnect Viewer.exe',
        '--allow-file-access',
        'From a colleague.bcsession',
      ],
      files,
    );
    await vi.waitFor(() => expect(fileEvents(win.webContents)).toHaveLength(1));
    expect(fileEvents(win.webContents)[0]).toMatchObject({
      file: goodFile,
      sessionId: 'boot-session-1',
    });
    expect(win.focused).toBe(1);
    expect(double.recorded.windows).toHaveLength(1);

    double.app.emit(
      'second-instance',
      {},
      ['/usr/bin/bankconnect-viewer', 'broken.bcsession'],
      files,
    );
    await vi.waitFor(() => expect(fileEvents(win.webContents)).toHaveLength(2));
    const refused = fileEvents(win.webContents)[1] as {
      file: string;
      problem: { message: string };
    };
    expect(refused.file).toBe(join(files, 'broken.bcsession'));
    expect(refused.problem.message).toMatch(/^broken\.bcsession: not a \.bcsession file/);
    expect(refused.problem.message).not.toContain('\n');
  });

  it('macOS: open-file before ready waits for the window; after, it opens in it', async () => {
    const double = await boot();
    let prevented = false;
    double.app.emit('open-file', { preventDefault: () => (prevented = true) }, goodFile);
    expect(prevented).toBe(true);
    double.ready();
    await vi.waitFor(() => expect(double.recorded.windows[0]?.loadedUrl).toBeTruthy());
    const win = double.recorded.windows[0]!;
    await vi.waitFor(() => expect(fileEvents(win.webContents)).toHaveLength(1));
    double.app.emit(
      'open-file',
      { preventDefault: () => undefined },
      join(files, 'broken.bcsession'),
    );
    await vi.waitFor(() => expect(fileEvents(win.webContents)).toHaveLength(2));
    expect(fileEvents(win.webContents)[1]).toHaveProperty('problem');
  });
});
