// What core needs from the outside world. The Electron shell
// passes the real things (net.fetch, safeStorage, dialogs...); tests and the test host
// pass plain Node stand-ins. Nothing here imports electron.
import type { CreditPolicy } from '@shared/insights/policy';
import type { SessionView } from '@shared/model/view-model';
import type { BankConnectClient } from './api/client';
import type { ExportResult } from './export/export-workbook';
import type { ExportReview } from './export/sheets/review';
import type { DecisionChain } from './team/decision-chain';
import type { SafeStorageLike } from './vault/vault';

export interface Connection {
  readonly baseUrl: string;
  readonly apiVersion: string;
  readonly apiKey: string;
  readonly serverHash: string;
}

/** Makes the BankConnect client (src/core/api/client.ts) for a connection. */
export type ClientFactory = (connection: Connection, fetchImpl: typeof fetch) => BankConnectClient;

export interface SandboxServer {
  readonly url: string;
  close(): Promise<void>;
}
export type SandboxStarter = (credentials: {
  apiKey: string;
  serverHash: string;
}) => Promise<SandboxServer>;

export interface FileFilter {
  readonly name: string;
  readonly extensions: readonly string[];
}
export interface Dialogs {
  /** Resolves to the chosen path, or null when the user cancelled. */
  saveFile(options: {
    title: string;
    defaultPath: string;
    filters: FileFilter[];
  }): Promise<string | null>;
  openFiles(options: {
    title: string;
    filters: FileFilter[];
    multiple: boolean;
  }): Promise<string[] | null>;
}

export interface ShellActions {
  reveal(path: string): void;
  trash(path: string): Promise<void>;
  openExternal(url: string): Promise<void>;
}

export interface ExportMeta {
  readonly fetchedAt: string;
  readonly source: string;
  readonly sandbox: boolean;
}
export interface ExportOptions {
  readonly destination: string;
  readonly accountId?: string | undefined;
  readonly allFields?: boolean | undefined;
  /** Account numbers in full (default: masked to their last four digits, and said so). */
  readonly unmasked?: boolean | undefined;
  /** The session's review: a Review sheet and the flags in Transactions (issue 16). */
  readonly review?: ExportReview | null;
  /** A team case's decision chain, as kept with its local copy: a Decisions sheet (issue 28). */
  readonly decisions?: DecisionChain | null;
  /** The credit policy the figures are made with (default: DEFAULT_POLICY). */
  readonly policy?: CreditPolicy | undefined;
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number | null, message: string) => void;
}
/** The exporter (src/core/export). */
export type ExportWorkbook = (
  view: SessionView,
  meta: ExportMeta,
  options: ExportOptions,
) => Promise<ExportResult>;

export interface AppDeps {
  readonly fetch: typeof fetch;
  readonly userDataDir: string;
  /** The library folder (default: `library` in userDataDir); BCV_LIBRARY may choose it. */
  readonly libraryDir?: string;
  readonly clock: () => Date;
  readonly safeStorage: SafeStorageLike;
  readonly dialogs: Dialogs;
  readonly shell: ShellActions;
  readonly startSandbox: SandboxStarter;
  readonly createClient: ClientFactory;
  readonly exportWorkbook: ExportWorkbook;
  readonly appInfo: { version: string; platform: string; development: boolean };
  /**
   * This build's identity (main's bundle and V8's version): large sessions' opened views
   * are kept for it (core/session/view-cache.ts). Absent: none are kept.
   */
  readonly buildFingerprint?: string | null;
}
