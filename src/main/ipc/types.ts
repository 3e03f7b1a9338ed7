import type { z } from 'zod';
import type { argSchemas } from '@shared/ipc/arg-schemas';
import type { IpcChannel, IpcEventName, IpcEvents, IpcResult } from '@shared/ipc/contract';
import type { MemoPrintOptions } from './memo-print';

/** Per-call context: progress events go back to the window that asked. */
export interface CallContext {
  emit<E extends IpcEventName>(event: E, payload: IpcEvents[E]): void;
  /**
   * Prints the calling window as it is now to PDF (Electron's webContents.printToPDF in
   * the app; the test host passes Chromium's page.pdf), with the memo's options
   * (memo-print.ts). Absent where nothing can print.
   */
  printToPDF?: ((options: MemoPrintOptions) => Promise<Uint8Array>) | undefined;
}

export type ParsedArgs<C extends IpcChannel> = z.output<(typeof argSchemas)[C]>;

export type Handler<C extends IpcChannel> = (
  args: ParsedArgs<C>,
  ctx: CallContext,
) => Promise<IpcResult<C>>;

/** A feature's handlers: one per channel it owns. */
export type HandlerMap<K extends IpcChannel> = { readonly [C in K]: Handler<C> };
