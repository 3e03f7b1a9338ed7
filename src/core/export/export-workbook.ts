// The Excel export: the session's ten sheets (and, when asked, every transaction field),
// streamed into a temporary file beside the destination and renamed over it only once the
// file is complete and on disk (the one atomic writer, io/safe-write.ts), so a cancel, a full disk or a crash never leaves a half
// workbook, and an existing file at the destination stays as it was until then.
import type { WriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { DEFAULT_POLICY } from '@shared/insights/policy';
import { formatCount } from '@shared/format/value';
import { setAsideLine } from '@shared/model/unreadable';
import type { SessionView } from '@shared/model/view-model';
import type { ExportMeta, ExportOptions } from '../deps';
import { stageStreamAtomic, type StagedStream } from '../io/safe-write';
import type { ExportContext } from './context';
import { cancelled, ExportError, writeFailure } from './export-errors';
import { accountLabels } from './labels';
import { EXCEL_MAX_ROWS } from './limits';
import { SheetNames } from './sheet-names';
import { partNames, SheetWriter, type SheetPlan } from './sheet-writer';
import { insightsPlan } from './sheets/insights';
import { accountsPlan } from './sheets/accounts';
import { allFieldsPlan } from './sheets/all-fields';
import { eodPlan } from './sheets/eod';
import { fraudPlan } from './sheets/fraud';
import { monthlyPlan } from './sheets/monthly';
import { otherDataPlan } from './sheets/other-data';
import { predictorsPlan } from './sheets/predictors';
import { reviewPlan, type ExportReview } from './sheets/review';
import { statusPlan } from './sheets/status';
import { reconciliationPlan } from './sheets/reconciliation';
import { decisionsPlan } from './sheets/decisions';
import type { DecisionChain } from '../team/decision-chain';
import { summaryPlan } from './sheets/summary';
import { topPlan } from './sheets/top';
import { salaryPlan, transactionsPlan } from './sheets/transactions';
import { nextTurn } from '../io/next-turn';
import { writerZip } from './exceljs-internals';

export interface WorkbookOptions extends ExportOptions {
  /** The clock for the Summary's "Generated" line. */
  readonly now?: () => Date;
  /** Rows a sheet holds before it continues on the next (Excel's limit unless testing). */
  readonly maxRowsPerSheet?: number;
  /** Adds the Review sheet and a flags column in Transactions. */
  readonly review?: ExportReview | null;
}

export interface ExportResult {
  readonly path: string;
  /** Sheet names in workbook order. */
  readonly sheets: readonly string[];
  /** Rows written over all sheets. */
  readonly rows: number;
}

/** Rows between two looks at the signal, the disk and the event loop. */
const BATCH = 200;
/** Progress is reported at most this often (rows), besides each sheet's start and end. */
const PROGRESS_EVERY = 2_000;

function contextOf(view: SessionView, meta: ExportMeta, options: WorkbookOptions): ExportContext {
  const accountId = options.accountId || null;
  const accounts = accountId
    ? view.accounts.filter((a) => a.accountId === accountId)
    : view.accounts;
  if (accountId && accounts.length === 0) {
    throw new ExportError('NO_SUCH_ACCOUNT', `${accountId} is not an account of this session`);
  }
  return {
    view,
    accounts,
    accountFilter: accountId,
    labels: accountLabels(view),
    meta,
    generatedAt: options.now?.() ?? new Date(),
    review: options.review ?? null,
    unmasked: options.unmasked === true,
    policy: options.policy ?? DEFAULT_POLICY,
  };
}

/** The sheets in workbook order, Summary first, and how many rows each part will hold. */
export function planWorkbook(
  context: ExportContext,
  options: {
    allFields?: boolean | undefined;
    maxRowsPerSheet: number;
    decisions?: DecisionChain | null | undefined;
  },
): SheetPlan[] {
  const plans = [
    statusPlan(context),
    accountsPlan(context),
    transactionsPlan(context),
    monthlyPlan(context),
    eodPlan(context),
    topPlan(context),
    fraudPlan(context),
    predictorsPlan(context),
    salaryPlan(context),
    otherDataPlan(context),
    ...(options.allFields ? [allFieldsPlan(context)] : []),
  ];
  const notes: string[] = [];
  for (const plan of plans) {
    const parts = partNames(plan, options.maxRowsPerSheet);
    if (parts.length > 1) {
      notes.push(
        `${plan.name} has ${formatCount(plan.rowCount)} rows, more than one sheet ` +
          `holds: it continues on ${parts.slice(1).join(', ')}.`,
      );
    }
  }
  const unreadable = context.view.unreadable;
  if (unreadable.length > 0) {
    const first = unreadable[0]!;
    notes.push(
      `${setAsideLine(unreadable.length, 'of the response')} ` +
        `(first: ${first.path} = ${first.value}); the figures leave ${unreadable.length === 1 ? 'it' : 'them'} out. ` +
        `The Other API data sheet lists ${unreadable.length === 1 ? 'it' : 'each'}; the raw response is kept whole.`,
    );
  }
  if (context.accountFilter) {
    notes.push(
      `Only account ${context.labels.get(context.accountFilter) ?? context.accountFilter} ` +
        `is exported; the Status sheet lists only its statuses.`,
    );
  }
  const review = context.review ? [reviewPlan(context, context.review)] : [];
  const decisions = options.decisions ? [decisionsPlan(options.decisions)] : [];
  return [
    summaryPlan(context, { notes }),
    insightsPlan(context),
    ...review,
    ...decisions,
    reconciliationPlan(context),
    ...plans,
  ];
}

function rowsOf(plan: SheetPlan, maxRows: number): number {
  if (plan.rowCount === 0) return 1;
  const headers = plan.tabular ? partNames(plan, maxRows).length : 0;
  return plan.rowCount + headers;
}

async function waitForDrain(stream: Writable, failed: () => unknown): Promise<void> {
  // The file is the slowest stage: let it catch up before producing more rows.
  while (stream.writableNeedDrain && !failed() && !stream.destroyed) {
    await new Promise<void>((r) => {
      const done = () => {
        stream.off('drain', done);
        stream.off('error', done);
        stream.off('close', done);
        r();
      };
      stream.on('drain', done);
      stream.on('error', done);
      stream.on('close', done);
    });
  }
}

function closed(file: WriteStream): Promise<void> {
  if (file.closed) return Promise.resolve();
  return new Promise((resolve) => file.once('close', () => resolve()));
}

export async function exportWorkbook(
  view: SessionView,
  meta: ExportMeta,
  options: WorkbookOptions,
): Promise<ExportResult> {
  const { signal, onProgress } = options;
  if (signal?.aborted) throw cancelled();
  const destination = resolve(options.destination);
  const maxRows = options.maxRowsPerSheet ?? EXCEL_MAX_ROWS;
  const context = contextOf(view, meta, options);
  const plans = planWorkbook(context, {
    allFields: options.allFields,
    maxRowsPerSheet: maxRows,
    decisions: options.decisions,
  });
  const total = plans.reduce((n, p) => n + rowsOf(p, maxRows), 0);

  const folder = dirname(destination);
  const folderStat = await stat(folder).catch((error: unknown) => {
    throw writeFailure(error, destination);
  });
  if (!folderStat.isDirectory()) {
    throw new ExportError('NO_SUCH_FOLDER', `${destination}: ${folder} is not a folder`);
  }
  const existing = await stat(destination).catch(() => null);
  if (existing?.isDirectory()) {
    throw new ExportError('DESTINATION_IS_FOLDER', `${destination}: is a folder`);
  }

  let staged: StagedStream | null = null;
  let workbook: ExcelJS.stream.xlsx.WorkbookWriter | null = null;
  let failure: unknown = null;
  try {
    // Written beside the destination and put in place whole (io/safe-write.ts).
    staged = await stageStreamAtomic(folder, basename(destination));
    const file = staged.stream;
    file.on('error', (error) => (failure ??= error));
    // Loaded on first use: requiring exceljs costs ~0.5 s, which every other `bcv` command
    // (library list above all) would otherwise pay at start-up.
    const { default: excel } = await import('exceljs');
    workbook = new excel.stream.xlsx.WorkbookWriter({
      stream: file,
      useStyles: true,
      useSharedStrings: false,
    });
    workbook.creator = 'BankConnect Viewer';
    workbook.created = context.generatedAt;
    workbook.modified = context.generatedAt;
    writerZip(workbook).on('error', (error: unknown) => (failure ??= error));

    const names = new SheetNames();
    const sheets: string[] = [];
    let done = 0;
    let sinceBatch = 0;
    let lastReported = -Infinity;
    const report = (message: string, force = false) => {
      if (!onProgress || (!force && done - lastReported < PROGRESS_EVERY)) return;
      lastReported = done;
      onProgress(done, total, message);
    };
    const check = async () => {
      if (signal?.aborted) throw cancelled();
      if (failure) throw failure;
      await waitForDrain(file, () => failure);
      await nextTurn();
      if (signal?.aborted) throw cancelled();
      if (failure) throw failure;
    };

    let before = 0;
    for (const plan of plans) {
      const writer = new SheetWriter(workbook, names, plan, maxRows);
      const message = `Writing ${plan.name}`;
      done = before;
      report(message, true);
      await writer.write(() => {
        done += 1;
        if (++sinceBatch < BATCH) return;
        sinceBatch = 0;
        report(`${message} (${formatCount(done)} of ${formatCount(total)} rows)`);
        return check();
      });
      // Rows the writer adds itself (headers, a note) count too.
      before += rowsOf(plan, maxRows);
      done = before;
      sheets.push(...writer.sheetNames);
      await check();
    }
    done = total;
    report('Finishing the file', true);
    await workbook.commit();
    await closed(file);
    if (failure) throw failure;
    if (signal?.aborted) throw cancelled();
    try {
      await staged.commit();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'EPERM' || code === 'EBUSY' || code === 'EACCES') {
        throw new ExportError(
          'DESTINATION_BUSY',
          `${destination}: could not be replaced; it may be open in another program`,
        );
      }
      throw error;
    }
    onProgress?.(total, total, 'Saved');
    return { path: destination, sheets, rows: total };
  } catch (error) {
    try {
      if (workbook) writerZip(workbook).abort();
    } catch {
      // already ended
    }
    await staged?.discard();
    throw error instanceof ExportError ? error : writeFailure(failure ?? error, destination);
  }
}
