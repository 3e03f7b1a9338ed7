// library:* — the saved-session library (src/core/library) behind the contract's channels.
// Dialogs and the OS trash come from the shell's deps; an opened snapshot is normalised
// like live data and kept in the session store.
import {
  LIBRARY_INDEX_JOB,
  type ImportedSnapshot,
  type LibraryProblem,
} from '@shared/ipc/contract';
import { snapshotSummary } from '@shared/library/entries';
import type { AppDeps } from '../../../core/deps';
import type { Services } from '../../../core/services';
import type { SnapshotSource } from '../../../core/library/format';
import { diffLibrarySnapshots } from '../../../core/library/snapshot-diff';
import { keepFinboxReports, keptReports } from '../../../core/library/kept-reports';
import type { LibraryProgress } from '../../../core/library/store';
import { CoreError } from '../../../core/core-error';
import { stageMessage } from '@shared/session/progress';
import { toIpcError } from '../ipc-errors';
import type { CallContext, HandlerMap, ParsedArgs } from '../types';
import { catalogueChanged } from './catalogue';

type Channels =
  | 'library:list'
  | 'library:save'
  | 'library:open'
  | 'library:delete'
  | 'library:upgrade'
  | 'library:import'
  | 'library:export'
  | 'library:reveal'
  | 'library:recent'
  | 'library:diff';

const IMPORT_FILTERS = [
  { name: 'Saved sessions', extensions: ['bcsession', 'json'] },
  { name: 'All files', extensions: ['*'] },
];

export function libraryHandlers(deps: AppDeps, s: Services): HandlerMap<Channels> {
  // The catalogue is told of every change made here; session files carry the session's
  // review in and out (merged on import).
  const { library, catalogue, recent, reviews, saved: savedSessions } = s;

  /** Each file imported in turn; one that cannot be is a problem, never an exception. */
  async function importEach(paths: readonly string[], thenOpen: boolean) {
    const imported: ImportedSnapshot[] = [];
    const problems: LibraryProblem[] = [];
    for (const path of paths) {
      try {
        const { record } = await savedSessions.importFile(path, thenOpen && paths.length === 1);
        imported.push({ sessionId: record.sessionId, ...snapshotSummary(record) });
      } catch (error) {
        problems.push({ file: path, message: toIpcError(error).message });
      }
    }
    return { imported, problems };
  }

  /** Work under the renderer's job id (cancellable, its stages sent), or plainly without one. */
  function job<T>(
    jobId: string | undefined,
    kind: 'save' | 'open',
    ctx: CallContext,
    work: (progress: LibraryProgress) => Promise<T>,
  ): Promise<T> {
    if (!jobId) return work({});
    return s.jobs.run(jobId, (signal) =>
      work({
        signal,
        onProgress: (stage, done, total) =>
          ctx.emit('progress', {
            jobId,
            kind,
            stage,
            done,
            total,
            message: stageMessage(stage, done, total),
          }),
      }),
    );
  }

  async function importAll({ paths, thenOpen }: ParsedArgs<'library:import'>) {
    const chosen =
      paths && paths.length > 0
        ? paths
        : await deps.dialogs.openFiles({
            title: 'Import saved sessions',
            filters: IMPORT_FILTERS,
            multiple: true,
          });
    if (!chosen) return { imported: [], problems: [] };
    return importEach(chosen, thenOpen === true);
  }

  return {
    'library:list': async (_input, ctx) => {
      // Only a missing or damaged index reads the files: say how far the rebuild is.
      const { entries, problems, folder } = await library.list({
        onProgress: (done, total) =>
          ctx.emit('progress', {
            jobId: LIBRARY_INDEX_JOB,
            kind: 'index',
            done,
            total,
            message: `Rebuilding the library index: ${done} of ${total} files read`,
          }),
      });
      // Catches changes made behind the app's back (bcv, a file copied in).
      catalogueChanged(catalogue, ctx);
      return { entries, problems, folder };
    },

    'library:save': async ({ handle, jobId }, ctx) => {
      const { loaded, raw } = s.sessions.get(handle);
      if (loaded.source.kind === 'saved') {
        // Already in the library: saving again would only duplicate the snapshot.
        const found = await library.locate(loaded.sessionId, loaded.source.snapshotId);
        const kept = await keptReports(library.dir, loaded.sessionId, found.record.snapshotId);
        return {
          ...snapshotSummary(found.record),
          finboxReports: {
            kept: kept.map((r) => ({ accountId: r.accountId, keptAt: r.keptAt })),
            failure: null,
          },
        };
      }
      if (!raw?.data) {
        throw new CoreError(
          'NO_DATA',
          'This session has statuses only (its data could not be fetched): nothing to save',
        );
      }
      const source: SnapshotSource = {
        kind: 'live',
        profileName: loaded.source.profileName,
        host: loaded.source.host,
        sandbox: loaded.source.sandbox,
      };
      const { saved, reports } = await job(jobId, 'save', ctx, async (progress) => {
        const saved = await library.save({ raw, fetchedAt: loaded.fetchedAt, source }, progress);
        catalogueChanged(catalogue, ctx); // in the background: the save does not wait for it
        // Also in the background: a view that could not be kept is made on the first open.
        savedSessions.keepSaved(saved, loaded.view).catch(() => undefined);
        // FinBox's links last an hour: its report is kept with the snapshot now, under the
        // save's job (Cancel stops the download). A failure is said; the snapshot stays.
        const reports = await keepFinboxReports(
          {
            libraryDir: library.dir,
            sessionId: saved.record.sessionId,
            snapshotId: saved.record.snapshotId,
            fetch: deps.fetch,
            ...(progress.signal ? { signal: progress.signal } : {}),
          },
          loaded.view,
        );
        return { saved, reports };
      });
      return {
        ...snapshotSummary(saved.record),
        finboxReports: {
          kept: reports.kept.map((r) => ({ accountId: r.accountId, keptAt: r.keptAt })),
          failure: reports.failure,
        },
      };
    },

    'library:diff': ({ sessionId, from, to }) =>
      diffLibrarySnapshots(library, sessionId, { from, to }),
    'library:open': async ({ sessionId, snapshotId, jobId }, ctx) => {
      const opened = await job(jobId, 'open', ctx, async (progress) => {
        const saved = await savedSessions.open(sessionId, snapshotId, progress);
        // A view that could not be kept is made again on the next open.
        saved.keeping.catch(() => undefined);
        return saved.session;
      });
      const loaded = s.sessions.add(opened);
      // Remembering is a convenience: a read-only user-data folder must not stop the open,
      // nor a slow disk delay it (the recent list waits for the write, not the answer).
      void recent.remember(opened.sessionId, snapshotId ?? null).catch(() => undefined);
      // A team case's review, both ways, when the server is there (else on the next sign-in).
      void s.team.syncCase(opened.sessionId).catch(() => undefined);
      return loaded;
    },

    'library:delete': async ({ sessionId, snapshotId }, ctx) => {
      const deleted = await library.delete(sessionId, snapshotId);
      // Its figures go with it (the file itself is in the OS trash).
      await s.views?.forget(sessionId, snapshotId).catch(() => undefined);
      catalogueChanged(catalogue, ctx);
      await recent.forget(sessionId, snapshotId).catch(() => undefined);
      return { deleted };
    },

    // Only when the user asks: format-1 files otherwise stay as they are.
    'library:upgrade': async ({ sessionId }, ctx) => {
      const { upgraded, failed } = await library.upgrade(sessionId);
      if (upgraded.length > 0) catalogueChanged(catalogue, ctx);
      return { upgraded: upgraded.length, failed };
    },

    'library:import': async (input, ctx) => {
      const outcome = await importAll(input);
      if (outcome.imported.length > 0) catalogueChanged(catalogue, ctx);
      return outcome;
    },

    'library:export': async ({ sessionId, snapshotId }) => {
      const found = await library.locate(sessionId, snapshotId);
      const destination = await deps.dialogs.saveFile({
        title: 'Export saved session',
        defaultPath: `${found.record.sessionId}-${found.record.snapshotId}.bcsession`,
        filters: [{ name: 'Saved session', extensions: ['bcsession'] }],
      });
      if (!destination) return { cancelled: true } as const;
      const path = await reviews.exportSessionFile(sessionId, found.record.snapshotId, destination);
      const auditNote = await s.team.reportExport(sessionId, {
        kind: 'session-file',
        path,
        snapshotId: found.record.snapshotId,
      });
      return { path, ...(auditNote ? { auditNote } : {}) };
    },

    'library:reveal': async ({ sessionId, snapshotId }) => {
      const found = await library.locate(sessionId, snapshotId);
      deps.shell.reveal(found.file);
      return { revealed: true };
    },

    'library:recent': async () => ({ recent: await recent.list() }),
  };
}
