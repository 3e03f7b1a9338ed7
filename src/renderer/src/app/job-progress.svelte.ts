// One long job's progress as main reports it (stage, bytes done of total, its line), for
// the job id this side chose: a fetch, a library open, a save.
import type { ProgressEvent } from '@shared/ipc/contract';
import type { ProgressStage } from '@shared/session/progress';
import { api, newJobId } from './api';

export class JobProgress {
  jobId = $state<string | null>(null);
  stage = $state<ProgressStage | null>(null);
  done = $state(0);
  total = $state<number | null>(null);
  message = $state('');

  constructor() {
    api.onProgress((event) => this.onProgress(event));
  }

  /** Whole percent when a total is known (bytes of the announced size), else null. */
  get percent(): number | null {
    return this.total && this.total > 0
      ? Math.min(100, Math.floor((this.done / this.total) * 100))
      : null;
  }

  /** A new job id, the progress reset to the first line. */
  begin(kind: string, message: string): string {
    const jobId = newJobId(kind);
    Object.assign(this, { jobId, stage: null, done: 0, total: null, message });
    return jobId;
  }

  end(): void {
    this.jobId = null;
  }

  protected onProgress(event: ProgressEvent): void {
    if (event.jobId !== this.jobId) return;
    Object.assign(this, {
      stage: event.stage ?? null,
      done: event.done,
      total: event.total,
      message: event.message,
    });
  }
}
