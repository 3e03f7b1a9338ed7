// `.bcsession` files the OS hands the app: a double-click or "Open with" (the command line
// on the first launch on Windows and Linux, `open-file` on macOS, `second-instance` when the
// app already runs). Each is imported into the library through the same `library:import`
// handler as the Library screen's Import, then the renderer is told to open the snapshot
// offline, or given the same one-line reason. Plain code: the shell feeds it the paths and
// says when the window can receive events.
import { resolve } from 'node:path';
import type { IpcEvents, IpcResult } from '@shared/ipc/contract';
import type { Handlers } from './create-handlers';

export const SESSION_FILE_EXTENSION = '.bcsession';

export type SessionFileEvent = IpcEvents['library:file-opened'];

/**
 * The `.bcsession` paths in a command line (argv[0] is the executable; switches, the app
 * folder of `electron .` and other files are not sessions), made absolute against the
 * folder the command was started in.
 */
export function sessionFilesInArgv(argv: readonly string[], cwd: string): string[] {
  return argv
    .slice(1)
    .filter((a) => !a.startsWith('-') && a.toLowerCase().endsWith(SESSION_FILE_EXTENSION))
    .map((a) => resolve(cwd, a));
}

export interface SessionFileOpener {
  /** Queue files to import and open; they wait until `importWith` and `deliverTo` are set. */
  open(paths: readonly string[]): void;
  /** The handlers exist (the app is ready): imports start. */
  importWith(handlers: Pick<Handlers, 'handle'>): void;
  /** The window has loaded: outcomes are sent; `null` while there is no window. */
  deliverTo(send: ((event: SessionFileEvent) => void) | null): void;
  /** Resolves when every queued file is imported and its outcome sent or waiting to be. */
  idle(): Promise<void>;
}

export function createSessionFileOpener(): SessionFileOpener {
  const paths: string[] = [];
  const outbox: SessionFileEvent[] = [];
  let handlers: Pick<Handlers, 'handle'> | null = null;
  let send: ((event: SessionFileEvent) => void) | null = null;
  let work: Promise<void> = Promise.resolve();

  const flush = (): void => {
    while (send && outbox.length > 0) send(outbox.shift()!);
  };

  // One file at a time, in the order the OS gave them.
  const pump = (): void => {
    work = work.then(async () => {
      while (handlers && paths.length > 0) {
        outbox.push(await importOne(handlers, paths.shift()!));
        flush();
      }
    });
  };

  return {
    open(more) {
      paths.push(...more);
      pump();
    },
    importWith(h) {
      handlers = h;
      pump();
    },
    deliverTo(s) {
      send = s;
      flush();
    },
    idle: () => work,
  };
}

async function importOne(
  handlers: Pick<Handlers, 'handle'>,
  file: string,
): Promise<SessionFileEvent> {
  const answer = await handlers.handle(
    'library:import',
    { paths: [file], thenOpen: true },
    { emit: () => {} },
  );
  if (!answer.ok) return { file, problem: { file, message: answer.error.message } };
  const { imported, problems } = answer.result as IpcResult<'library:import'>;
  const first = imported[0];
  if (first) return { file, sessionId: first.sessionId, snapshotId: first.snapshotId };
  return {
    file,
    problem: problems[0] ?? { file, message: `${file}: could not be imported` },
  };
}
