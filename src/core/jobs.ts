// Long work (polling, fetching, exporting) runs under a job id the renderer chose, so the
// renderer can cancel it with `job:cancel` while the call is still pending.
import { CoreError } from './core-error';

export class Jobs {
  private readonly running = new Map<string, AbortController>();

  async run<T>(jobId: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.running.has(jobId))
      throw new CoreError('JOB_RUNNING', `Job ${jobId} is already running`);
    const controller = new AbortController();
    this.running.set(jobId, controller);
    try {
      const result = await work(controller.signal);
      // Work that ignored the signal still reports the cancel the user asked for.
      if (controller.signal.aborted) throw new CoreError('CANCELLED', 'Cancelled');
      return result;
    } catch (error) {
      if (controller.signal.aborted) throw new CoreError('CANCELLED', 'Cancelled');
      throw error;
    } finally {
      this.running.delete(jobId);
    }
  }

  cancel(jobId: string): boolean {
    const controller = this.running.get(jobId);
    if (!controller) return false;
    controller.abort();
    return true;
  }

  cancelAll(): void {
    for (const controller of this.running.values()) controller.abort();
  }
}
