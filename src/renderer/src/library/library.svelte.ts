// The library screen's state: the listing, search and sort, and the actions (open, reveal,
// export, delete, import). Search and sort are the pure functions of @shared/library.
import { plural } from '@shared/format/value';
import type {
  IpcEvents,
  LibraryListing,
  LibraryProblem,
  RecentSession,
} from '@shared/ipc/contract';
import { LIBRARY_INDEX_JOB } from '@shared/ipc/contract';
import {
  filterEntries,
  firstDirection,
  sortEntries,
  type LibraryColumn,
  type SortDirection,
} from '@shared/library/search';
import { api, shownError } from '../app/api';
import { nextSort, type ColumnSort } from '../app/column-sort';
import { keptReportLabel } from '@shared/library/kept-report';
import { navigation } from '../app/navigation.svelte';
import { JobProgress } from '../app/job-progress.svelte';
import { session } from '../app/session.svelte';

export interface PendingDelete {
  readonly sessionId: string;
  readonly snapshotId: string | null;
  readonly label: string;
}

class LibraryState {
  listing = $state.raw<LibraryListing | null>(null);
  loading = $state(false);
  query = $state('');
  column = $state<LibraryColumn>('fetchedAt');
  direction = $state<SortDirection>('desc');
  /** One-line outcome of the last action, and problems of the last import. */
  notice = $state<string | null>(null);
  error = $state<string | null>(null);
  importProblems = $state.raw<readonly LibraryProblem[]>([]);
  pendingDelete = $state<PendingDelete | null>(null);
  expanded = $state<string | null>(null);
  /** Recently opened saved sessions that are still in the library. */
  recent = $state.raw<readonly RecentSession[]>([]);
  /** While a missing or damaged index is rebuilt from the files: how far it is. */
  indexProgress = $state<string | null>(null);
  /** A save to the library running: its stages (checking, compressing, bytes written). */
  readonly saving = new JobProgress();

  constructor() {
    api.onProgress((event) => {
      if (event.jobId === LIBRARY_INDEX_JOB) this.indexProgress = event.message;
    });
  }

  readonly rows = $derived(
    sortEntries(
      filterEntries(this.listing?.entries ?? [], this.query),
      this.column,
      this.direction,
    ),
  );

  /** The sort as the column headings show it. */
  get sort(): ColumnSort<LibraryColumn> {
    return { column: this.column, direction: this.direction };
  }

  sortBy(column: LibraryColumn): void {
    const next = nextSort(this.sort, column, firstDirection);
    this.column = next.column;
    this.direction = next.direction;
  }

  /** Loads overlap (a save reloads in the background): only the latest one is shown. */
  private loads = 0;

  async load(): Promise<void> {
    const mine = ++this.loads;
    this.loading = true;
    try {
      const [listing, { recent }] = await Promise.all([api.listLibrary(), api.recentSessions()]);
      if (mine !== this.loads) return;
      const present = new Set(listing.entries.map((e) => e.sessionId));
      this.listing = listing;
      this.recent = recent.filter((r) => present.has(r.sessionId)).slice(0, 8);
      this.error = null;
    } catch (error) {
      if (mine === this.loads) this.error = shownError(error).message;
    } finally {
      if (mine === this.loads) {
        this.loading = false;
        this.indexProgress = null;
      }
    }
  }

  private async act(work: () => Promise<string | null>): Promise<void> {
    this.notice = null;
    this.error = null;
    try {
      this.notice = await work();
    } catch (error) {
      this.error = shownError(error).message;
    }
  }

  /** Shows a saved snapshot (newest when none is given) in the session screen, offline. */
  open(sessionId: string, snapshotId?: string): Promise<void> {
    return this.act(async () => {
      await session.openSaved(sessionId, snapshotId);
      navigation.screen = 'session';
      return null;
    });
  }

  reveal(sessionId: string, snapshotId?: string): Promise<void> {
    return this.act(async () => {
      await api.revealInLibrary(snapshotId ? { sessionId, snapshotId } : { sessionId });
      return null;
    });
  }

  exportTo(sessionId: string, snapshotId?: string): Promise<void> {
    return this.act(async () => {
      const result = await api.exportFromLibrary(
        snapshotId ? { sessionId, snapshotId } : { sessionId },
      );
      if (!('path' in result)) return null;
      return `Exported to ${result.path}${result.auditNote ? `. ${result.auditNote}` : ''}`;
    });
  }

  askDelete(sessionId: string, snapshotId: string | null, label: string): void {
    this.pendingDelete = { sessionId, snapshotId, label };
  }

  confirmDelete(): Promise<void> {
    const pending = this.pendingDelete;
    this.pendingDelete = null;
    if (!pending) return Promise.resolve();
    return this.act(async () => {
      const { deleted } = await api.deleteFromLibrary(
        pending.snapshotId
          ? { sessionId: pending.sessionId, snapshotId: pending.snapshotId }
          : { sessionId: pending.sessionId },
      );
      await this.load();
      return `Moved ${plural(deleted, 'snapshot')} of ${pending.sessionId} to the trash`;
    });
  }

  /** Rewrites the session's format-1 snapshots as format 2 (asked for, never automatic). */
  upgrade(sessionId: string): Promise<void> {
    return this.act(async () => {
      const { upgraded, failed } = await api.upgradeInLibrary({ sessionId });
      await this.load();
      const done = `Upgraded ${plural(upgraded, 'snapshot')} of ${sessionId} to format 2`;
      return failed.length > 0 ? `${done}; ${failed.map((f) => f.message).join('; ')}` : done;
    });
  }

  importByDialog(): Promise<void> {
    return this.act(async () => this.importOutcome(await api.importToLibrary({})));
  }

  /** Files dropped on the window: main imports them from where they are on disk. */
  importDropped(files: readonly File[]): Promise<void> {
    navigation.screen = 'library';
    return this.act(async () => {
      const dropped = files.map((file) => ({ name: file.name, path: api.pathOf(file) }));
      const paths = dropped.filter((f) => f.path !== '').map((f) => f.path);
      const result =
        paths.length > 0 ? await api.importToLibrary({ paths }) : { imported: [], problems: [] };
      return this.importOutcome({
        imported: result.imported,
        problems: [
          ...dropped
            .filter((f) => f.path === '')
            .map((f) => ({
              file: f.name,
              message: `${f.name}: not a file on this computer's disk`,
            })),
          ...result.problems,
        ],
      });
    });
  }

  private async importOutcome(result: {
    imported: readonly unknown[];
    problems: readonly LibraryProblem[];
  }): Promise<string | null> {
    this.importProblems = result.problems;
    if (result.imported.length === 0 && result.problems.length === 0) return null;
    await this.load();
    const n = result.imported.length;
    return `Imported ${plural(n, 'file')}${result.problems.length ? `; ${result.problems.length} could not be imported` : ''}`;
  }

  /**
   * A `.bcsession` the OS opened the app with: main has imported it; open it offline, or
   * show the Library screen with the same one-line refusal as its Import.
   */
  openedByOs(event: IpcEvents['library:file-opened']): Promise<void> {
    if ('sessionId' in event) return this.open(event.sessionId, event.snapshotId);
    navigation.screen = 'library';
    return this.act(() => this.importOutcome({ imported: [], problems: [event.problem] }));
  }

  /** Saves the session on screen as a new snapshot (menu "Save", or the session banner). */
  async saveCurrent(): Promise<string> {
    const current = session.loaded;
    if (!current) return 'Open a session first';
    if (session.stale) return session.staleRefusal('Save');
    if (this.saving.jobId) return 'A save is already running';
    const jobId = this.saving.begin('save', 'Starting');
    try {
      const saved = await api.saveToLibrary({ handle: current.handle, jobId });
      if (this.listing) void this.load();
      const reports = saved.finboxReports;
      const kept = reports?.kept.map((r) => keptReportLabel(r.keptAt, r.accountId)) ?? [];
      return [`Saved to the library (snapshot ${saved.snapshotId})`, ...kept, reports?.failure]
        .filter(Boolean)
        .join('; ');
    } catch (error) {
      return `Could not save: ${shownError(error).message}`;
    } finally {
      this.saving.end();
    }
  }
}

export const library = new LibraryState();
