// What the shell registers on ipcMain for every channel: drops calls from anything but
// our own window's top frame, then answers with createHandlers' envelope. Progress events
// go back to the calling webContents. Plain code over the event's shape.
import type { IpcEnvelope, IpcEventName, IpcEvents } from '@shared/ipc/contract';
import { packSessionAnswer } from '@shared/ipc/session-wire';
import type { Handlers } from './create-handlers';
import type { MemoPrintOptions } from './memo-print';
import { isTrustedSender, type SenderEventLike, type TrustedWindow } from './sender';

export interface InvokeEventLike extends SenderEventLike {
  readonly sender: SenderEventLike['sender'] & {
    send(channel: string, payload: unknown): void;
    isDestroyed(): boolean;
    /** Electron's webContents.printToPDF (the options: memo-print.ts). */
    printToPDF?(options: MemoPrintOptions): Promise<Uint8Array>;
  };
}

export const DROPPED: IpcEnvelope<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'Calls are accepted from the app window only' },
};

export function createIpcListener(
  handlers: Handlers,
  trusted: TrustedWindow,
  warn: (message: string) => void,
): (channel: string, event: InvokeEventLike, args: unknown) => Promise<IpcEnvelope<unknown>> {
  return (channel, event, args) => {
    if (!isTrustedSender(event, trusted)) {
      // The URL only: arguments may hold secrets.
      warn(`Dropped ${channel} from an untrusted frame (${event.senderFrame?.url ?? 'gone'})`);
      return Promise.resolve(DROPPED);
    }
    const sender = event.sender;
    const answer = handlers.handle(channel, args, {
      emit<E extends IpcEventName>(name: E, payload: IpcEvents[E]) {
        if (!sender.isDestroyed()) sender.send(name, payload);
      },
      printToPDF: sender.printToPDF
        ? (options: MemoPrintOptions) => sender.printToPDF!(options)
        : undefined,
    });
    // A session's transactions cross as columns: several times cheaper to clone (see
    // session-wire.ts); the renderer's api module rebuilds them.
    return answer.then((envelope) => packSessionAnswer(channel, envelope));
  };
}
