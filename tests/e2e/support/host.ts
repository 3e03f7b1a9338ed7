// The test host: serves the BUILT renderer (out/renderer) over loopback http and answers
// the bridge's calls with the same createHandlers(deps) the Electron app registers.
//   POST /__bridge/<channel>  body: JSON args  -> the handler's IpcEnvelope as JSON, or as
//                             a frame when it holds typed arrays (bridge-frame.ts)
//   GET  /__bridge/events     Server-Sent Events: {"event": name, "payload": ...}
// Deps: a temporary user-data folder, a byte-transforming fake safeStorage, a save
// dialog answering a path in a temp folder, recorded shell actions, Node's fetch, the
// real API client and sandbox server. Test code only: never shipped or started by the app.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import type { IpcEventName, IpcEvents } from '../../../src/shared/ipc/contract';
import type { AppDeps, Dialogs } from '../../../src/core/deps';
import { createClient, startSandbox } from '../../../src/core/integrations';
import { exportWorkbook } from '../../../src/core/export/export-workbook';
import { createHandlers, type Handlers } from '../../../src/main/ipc/create-handlers';
import type { MemoPrintOptions } from '../../../src/main/ipc/memo-print';
import { createSessionFileOpener } from '../../../src/main/ipc/session-files';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/shell/csp';
import { packSessionAnswer } from '../../../src/shared/ipc/session-wire';
import { fakeSafeStorage } from '../../fakes/safe-storage';
import { BRIDGE_FRAME_TYPE, encodeBridgeFrame } from './bridge-frame';

const RENDERER = join(__dirname, '../../../out/renderer');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export interface BridgeExchange {
  readonly channel: string;
  readonly args: unknown;
  /**
   * The JSON text sent back to the page; for an answer holding typed arrays, its frame's
   * header (bridge-frame.ts: the answer with each array's bytes sent after it).
   */
  readonly response: string;
}

export interface TestHost {
  readonly url: string;
  readonly userDataDir: string;
  /** Where the stubbed save dialog puts files (it answers `<exportDir>/<defaultPath>`). */
  readonly exportDir: string;
  /** Where the page's dropped files are on disk (a test writes them here first). */
  readonly dropDir: string;
  /** Every bridge call and its answer, in order (to scan for secrets, for instance). */
  readonly exchanges: BridgeExchange[];
  /** Every shell action the handlers asked for (reveal, trash, openExternal). */
  readonly shellCalls: { action: string; arg: string }[];
  /** Replace the answer of the open dialog (e.g. files to import); null = cancelled. */
  setOpenFiles(paths: string[] | null): void;
  /** Make the save dialog answer "cancelled". */
  setSaveCancelled(cancelled: boolean): void;
  /** What prints the window to PDF for summary:pdf (the fixture passes Chromium's page.pdf). */
  setPrinter(print: ((options: MemoPrintOptions) => Promise<Uint8Array>) | null): void;
  /** A menu item or its shortcut, as the app's menu sends it. */
  menu(command: IpcEvents['menu:command']['command']): void;
  readonly handlers: Handlers;
  /** As the OS opening the app with .bcsession files: imported, then sent to the page. */
  openSessionFiles(paths: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

export interface HostOptions {
  /** Override any dependency (e.g. safeStorage with another backend). */
  readonly deps?: Partial<AppDeps>;
}

export async function startTestHost(options: HostOptions = {}): Promise<TestHost> {
  if (!existsSync(join(RENDERER, 'index.html'))) {
    throw new Error('out/renderer is missing: run `flock /tmp/build.lock npm run build` first');
  }
  const root = await mkdtemp(join(tmpdir(), 'bcv-host-'));
  const userDataDir = join(root, 'userData');
  const exportDir = join(root, 'exports');
  const dropDir = join(root, 'dropped');
  await mkdir(userDataDir);
  await mkdir(exportDir);
  await mkdir(dropDir);
  const exchanges: BridgeExchange[] = [];
  const shellCalls: { action: string; arg: string }[] = [];
  const streams = new Set<ServerResponse>();
  let openFiles: string[] | null = null;
  let saveCancelled = false;

  const dialogs: Dialogs = {
    saveFile: ({ defaultPath }) =>
      Promise.resolve(saveCancelled ? null : join(exportDir, defaultPath.split(/[\\/]/).pop()!)),
    openFiles: () => Promise.resolve(openFiles),
  };
  const deps: AppDeps = {
    fetch: globalThis.fetch,
    userDataDir,
    clock: () => new Date(),
    safeStorage: fakeSafeStorage(),
    dialogs,
    shell: {
      reveal: (path) => void shellCalls.push({ action: 'reveal', arg: path }),
      trash: (path) => {
        shellCalls.push({ action: 'trash', arg: path });
        return rm(path, { force: true, recursive: true });
      },
      openExternal: (url) => {
        shellCalls.push({ action: 'openExternal', arg: url });
        return Promise.resolve();
      },
    },
    startSandbox,
    createClient,
    exportWorkbook,
    appInfo: { version: 'test', platform: process.platform, development: false },
    ...options.deps,
  };
  const handlers = createHandlers(deps);

  let printer: ((options: MemoPrintOptions) => Promise<Uint8Array>) | null = null;
  const emit = <E extends IpcEventName>(event: E, payload: IpcEvents[E]): void => {
    const frame = `data: ${JSON.stringify({ event, payload })}\n\n`;
    for (const stream of streams) stream.write(frame);
  };

  // The shell's opener, delivering over the event stream instead of webContents.send.
  const sessionFiles = createSessionFileOpener();
  sessionFiles.importWith(handlers);
  sessionFiles.deliverTo((event) => emit('library:file-opened', event));

  const server = createServer((req, res) => {
    void route(req, res).catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === '/__bridge/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (path.startsWith('/__bridge/') && req.method === 'POST') {
      const channel = decodeURIComponent(path.slice('/__bridge/'.length));
      const body = await readBody(req);
      let args: unknown;
      try {
        args = body === '' ? undefined : JSON.parse(body);
      } catch {
        args = body; // handed on as is: the handler rejects it
      }
      // Packed as the Electron listener packs it, so the renderer unpacks as in the app.
      const handled = await handlers.handle(channel, args, {
        emit,
        printToPDF: printer ?? undefined,
      });
      const envelope = packSessionAnswer(channel, handled);
      // Typed arrays go as their bytes, as Electron's structured clone sends them.
      const frame = encodeBridgeFrame(envelope);
      if (frame) {
        exchanges.push({ channel, args, response: frame.header });
        res.writeHead(200, {
          'content-type': BRIDGE_FRAME_TYPE,
          'content-length': frame.byteLength,
        });
        for (const part of frame.parts) res.write(part);
        res.end();
        return;
      }
      const answer = JSON.stringify(envelope);
      exchanges.push({ channel, args, response: answer });
      res.writeHead(200, { 'content-type': 'application/json' }).end(answer);
      return;
    }
    serveStatic(path, res);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  return {
    url,
    userDataDir,
    exportDir,
    dropDir,
    exchanges,
    shellCalls,
    handlers,
    setOpenFiles: (paths) => void (openFiles = paths),
    setSaveCancelled: (cancelled) => void (saveCancelled = cancelled),
    async openSessionFiles(paths) {
      sessionFiles.open(paths);
      await sessionFiles.idle();
    },
    setPrinter: (print) => void (printer = print),
    menu: (command) => emit('menu:command', { command }),
    async close() {
      for (const stream of streams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await handlers.dispose();
      // A call the page made just before it closed may still be writing into userData (the
      // recent list, the catalogue): rm retries on ENOTEMPTY rather than fail the test.
      await rm(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    },
  };
}

function serveStatic(path: string, res: ServerResponse): void {
  const file = normalize(join(RENDERER, path.endsWith('/') ? `${path}index.html` : path));
  if (!file.startsWith(RENDERER + sep) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    // The same header the Electron shell adds to the app's responses.
    'content-security-policy': CONTENT_SECURITY_POLICY,
  });
  createReadStream(file).pipe(res);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
