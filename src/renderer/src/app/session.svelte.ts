// The session being opened or shown: live polling and staged progress, cancel, the loaded
// session. A library open runs as a job too (bytes read, checking, preparing).
import type { LoadedSession, ProgressEvent } from '@shared/ipc/contract';
import { api, shownError, type ShownError } from './api';
import { JobProgress } from './job-progress.svelte';

export type SessionPhase = 'idle' | 'loading' | 'loaded' | 'failed' | 'cancelled';

class SessionState {
  phase = $state<SessionPhase>('idle');
  requestedId = $state('');
  polls = $state(0);
  startedAt = $state(0);
  /** The fetch's stage and bytes (session:fetch, session:refresh). */
  readonly progress = new JobProgress();
  /** A saved snapshot being opened from the library: its id and progress, else null. */
  openingSaved = $state<string | null>(null);
  readonly savedProgress = new JobProgress();
  /** Raw: a large session must not become a deep proxy. */
  loaded = $state.raw<LoadedSession | null>(null);
  error = $state.raw<ShownError | null>(null);

  constructor() {
    api.onProgress((event) => this.onPoll(event));
  }

  /** A one-line outcome of the last menu action (save), shown under the form. */
  notice = $state<string | null>(null);

  /**
   * While another fetch runs, or after one failed, the report on screen is not the one
   * asked for: it is greyed, and Save and Export (buttons and menu alike) refuse it.
   */
  get stale(): boolean {
    return this.loaded !== null && (this.phase === 'loading' || this.phase === 'failed');
  }

  /** Why Save or Export does nothing now (the menu's Ctrl+S / Ctrl+E on a greyed report). */
  staleRefusal(action: 'Save' | 'Export'): string {
    return `${action} is not available: the report on screen is the previous one (${this.phase === 'loading' ? 'another fetch is running' : 'the last fetch failed'})`;
  }

  get jobId(): string | null {
    return this.progress.jobId;
  }

  async open(sessionId: string): Promise<void> {
    await this.load(sessionId, (jobId) => api.fetchSession({ sessionId, wait: true, jobId }));
  }

  /** Fetches the loaded session again (menu "Reload Session"). */
  async reload(): Promise<void> {
    const current = this.loaded;
    if (!current) return;
    await this.load(current.sessionId, (jobId) =>
      api.refreshSession({ handle: current.handle, jobId }),
    );
  }

  /** Shows a saved snapshot (the newest when none is given); failures reject. */
  async openSaved(sessionId: string, snapshotId?: string): Promise<void> {
    if (this.phase === 'loading' || this.openingSaved) return;
    const jobId = this.savedProgress.begin('open', 'Finding the snapshot');
    this.openingSaved = sessionId;
    try {
      const loaded = await api.openFromLibrary(
        snapshotId ? { sessionId, snapshotId, jobId } : { sessionId, jobId },
      );
      Object.assign(this, { polls: 0, notice: null });
      this.show(loaded);
    } finally {
      this.savedProgress.end();
      this.openingSaved = null;
    }
  }

  async cancelSaved(): Promise<void> {
    const jobId = this.savedProgress.jobId;
    if (jobId) await api.cancelJob({ jobId });
  }

  private async load(
    sessionId: string,
    fetch: (jobId: string) => Promise<LoadedSession>,
  ): Promise<void> {
    if (this.phase === 'loading') return;
    const jobId = this.progress.begin('fetch', 'Checking status');
    Object.assign(this, {
      phase: 'loading',
      requestedId: sessionId.trim(),
      polls: 0,
      startedAt: Date.now(),
      error: null,
      notice: null,
    });
    try {
      this.show(await fetch(jobId));
    } catch (error) {
      const shown = shownError(error);
      this.phase = shown.code === 'CANCELLED' ? 'cancelled' : 'failed';
      this.error = shown.code === 'CANCELLED' ? null : shown;
    } finally {
      this.progress.end();
    }
  }

  /** The session on screen from now on; main may forget the one it replaces. */
  private show(loaded: LoadedSession): void {
    const previous = this.loaded;
    Object.assign(this, { loaded, phase: 'loaded', requestedId: loaded.sessionId, error: null });
    if (previous && previous.handle !== loaded.handle) {
      void api.closeSession({ handle: previous.handle }).catch(() => undefined);
    }
  }

  async cancel(): Promise<void> {
    if (this.jobId) await api.cancelJob({ jobId: this.jobId });
  }

  private onPoll(event: ProgressEvent): void {
    if (event.jobId === this.jobId && event.kind === 'poll') this.polls = event.done;
  }
}

export const session = new SessionState();
