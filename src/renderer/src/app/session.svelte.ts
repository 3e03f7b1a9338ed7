// The session being opened or shown: live polling progress, cancel, the loaded session.
import type { LoadedSession, ProgressEvent } from '@shared/ipc/contract';
import { api, newJobId, shownError, type ShownError } from './api';

export type SessionPhase = 'idle' | 'loading' | 'loaded' | 'failed' | 'cancelled';

class SessionState {
  phase = $state<SessionPhase>('idle');
  requestedId = $state('');
  jobId = $state<string | null>(null);
  polls = $state(0);
  startedAt = $state(0);
  progressMessage = $state('');
  /** Raw: a large session must not become a deep proxy. */
  loaded = $state.raw<LoadedSession | null>(null);
  error = $state.raw<ShownError | null>(null);

  constructor() {
    api.onProgress((event) => this.onProgress(event));
  }

  /** A one-line outcome of the last menu action (save), shown under the form. */
  notice = $state<string | null>(null);

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
    if (this.phase === 'loading') return;
    const loaded = await api.openFromLibrary(
      snapshotId ? { sessionId, snapshotId } : { sessionId },
    );
    Object.assign(this, { polls: 0, notice: null });
    this.show(loaded);
  }

  private async load(
    sessionId: string,
    fetch: (jobId: string) => Promise<LoadedSession>,
  ): Promise<void> {
    if (this.phase === 'loading') return;
    const jobId = newJobId('fetch');
    Object.assign(this, {
      phase: 'loading',
      requestedId: sessionId.trim(),
      jobId,
      polls: 0,
      startedAt: Date.now(),
      progressMessage: 'Checking status',
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
      this.jobId = null;
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

  private onProgress(event: ProgressEvent): void {
    if (event.jobId !== this.jobId) return;
    if (event.kind === 'poll') this.polls = event.done;
    this.progressMessage = event.message;
  }
}

export const session = new SessionState();
