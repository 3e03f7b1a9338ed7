// FinBox's own report files kept with a saved snapshot. FinBox's links last an hour and its
// files are deleted later, so when a session is saved the files behind its links are
// downloaded and kept beside the snapshot in the session's folder:
//   <snapshot id>.finbox-report[-<n>].xlsx   the bytes as FinBox served them
//   <snapshot id>.finbox-reports.json        which account each is, its size and SHA-256
// The library lists only .bcsession files, so it reads past them. Keeping a report never
// decides whether the snapshot is saved: a failure is said in one line, the snapshot stays.
import { join } from 'node:path';
import { z } from 'zod';
import type { SessionView } from '@shared/model/view-model';
import { fetchFinboxReport } from '../session/finbox-report';
import { realFs, writeFileAtomic, type LibraryFs } from '../io/safe-write';
import { readRegularText } from '../io/regular-file';
import { readFileBounded } from '../io/size-ceiling';
import { folderNameOf } from './ids';
import { CoreError } from '../core-error';
import { sha256OfBytes } from './format';

const MANIFEST_FORMAT = 'bankconnect-viewer/finbox-reports';

/** FinBox's reports are workbooks of a few megabytes: a larger answer is not kept. */
export const MAX_REPORT_BYTES = 64 * 1024 * 1024;

const keptSchema = z.object({
  /** The account the report is of; null for the session's aggregate report. */
  accountId: z.string().nullable(),
  /** The file's name in the session's folder. */
  file: z.string().regex(/^[A-Za-z0-9._-]+\.xlsx$/),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  keptAt: z.string(),
});

const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  sessionId: z.string(),
  snapshotId: z.string(),
  reports: z.array(keptSchema),
});

export type KeptReport = z.infer<typeof keptSchema>;

export interface ReportLink {
  readonly accountId: string | null;
  readonly url: string;
}

/** The links to FinBox's own report a response carries: the aggregate's, else each account's. */
export function reportLinksOf(view: SessionView): ReportLink[] {
  if (view.aggregateReportUrl) return [{ accountId: null, url: view.aggregateReportUrl }];
  return view.accounts.flatMap((a) =>
    a.reportUrls.xlsx ? [{ accountId: a.accountId, url: a.reportUrls.xlsx }] : [],
  );
}

const manifestName = (snapshotId: string) => `${snapshotId}.finbox-reports.json`;

/** The snapshot a file in a session's folder is a kept report (or its manifest) of, or null. */
export function keptReportSnapshotOf(fileName: string): string | null {
  const m = /^(.+)\.finbox-report(?:s\.json|(?:-\d+)?\.xlsx)$/.exec(fileName);
  return m ? m[1]! : null;
}
const reportName = (snapshotId: string, n: number, of: number) =>
  `${snapshotId}.finbox-report${of === 1 ? '' : `-${n + 1}`}.xlsx`;

export interface KeepOutcome {
  readonly kept: readonly KeptReport[];
  /** Why a report could not be kept (one line), or null. */
  readonly failure: string | null;
}

export interface KeepOptions {
  readonly libraryDir: string;
  readonly sessionId: string;
  readonly snapshotId: string;
  readonly fetch: typeof fetch;
  readonly signal?: AbortSignal;
  readonly clock?: () => Date;
  readonly fs?: LibraryFs;
  /** The largest report read (default: the size ceiling). */
  readonly maxBytes?: number;
}

/** Writes reports already in hand (a team case's, say) beside the snapshot, with the manifest. */
export async function writeKeptReports(
  options: Pick<KeepOptions, 'libraryDir' | 'sessionId' | 'snapshotId' | 'fs'>,
  reports: readonly { accountId: string | null; bytes: Uint8Array; keptAt: string }[],
): Promise<KeptReport[]> {
  const fs = options.fs ?? realFs;
  const folder = join(options.libraryDir, folderNameOf(options.sessionId));
  const kept: KeptReport[] = [];
  for (const [n, r] of reports.entries()) {
    const file = reportName(options.snapshotId, n, reports.length);
    await writeFileAtomic(fs, folder, file, Buffer.from(r.bytes));
    kept.push({
      accountId: r.accountId,
      file,
      sha256: sha256OfBytes(r.bytes),
      bytes: r.bytes.length,
      keptAt: r.keptAt,
    });
  }
  const manifest = {
    format: MANIFEST_FORMAT,
    sessionId: options.sessionId,
    snapshotId: options.snapshotId,
    reports: kept,
  };
  await writeFileAtomic(
    fs,
    folder,
    manifestName(options.snapshotId),
    Buffer.from(JSON.stringify(manifest, null, 1)),
  );
  return kept;
}

/**
 * Downloads the reports behind the view's links and keeps them with the saved snapshot.
 * All or nothing: if one cannot be had, none is kept and `failure` says why.
 */
export async function keepFinboxReports(
  options: KeepOptions,
  view: SessionView,
): Promise<KeepOutcome> {
  const links = reportLinksOf(view);
  if (links.length === 0) return { kept: [], failure: null };
  const keptAt = (options.clock ?? (() => new Date()))().toISOString();
  const fetched: { accountId: string | null; bytes: Buffer; keptAt: string }[] = [];
  try {
    for (const link of links) {
      const bytes = await fetchFinboxReport({
        fetch: options.fetch,
        url: link.url,
        ...(options.signal ? { signal: options.signal } : {}),
        maxBytes: options.maxBytes ?? MAX_REPORT_BYTES,
      });
      fetched.push({ accountId: link.accountId, bytes, keptAt });
    }
    return { kept: await writeKeptReports(options, fetched), failure: null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { kept: [], failure: `FinBox's report was not kept with the session: ${message}` };
  }
}

/** The reports kept with a snapshot (none when there is no manifest or it does not read). */
export async function keptReports(
  libraryDir: string,
  sessionId: string,
  snapshotId: string,
): Promise<KeptReport[]> {
  try {
    const text = await readRegularText(
      join(libraryDir, folderNameOf(sessionId), manifestName(snapshotId)),
    );
    const parsed = manifestSchema.safeParse(JSON.parse(text));
    return parsed.success && parsed.data.snapshotId === snapshotId ? parsed.data.reports : [];
  } catch {
    return [];
  }
}

/** A kept report's bytes, checked against the SHA-256 recorded when it was kept. */
export async function readKeptReport(
  libraryDir: string,
  sessionId: string,
  report: KeptReport,
): Promise<Buffer> {
  const bytes = await readFileBounded(join(libraryDir, folderNameOf(sessionId), report.file), {
    what: "FinBox's kept report",
    limit: MAX_REPORT_BYTES,
  });
  const actual = sha256OfBytes(bytes);
  if (actual !== report.sha256) {
    throw new CoreError(
      'KEPT_REPORT_CHANGED',
      `FinBox's kept report ${report.file} does not match the SHA-256 recorded when it was kept (${report.sha256.slice(0, 12)}…, now ${actual.slice(0, 12)}…)`,
    );
  }
  return bytes;
}
