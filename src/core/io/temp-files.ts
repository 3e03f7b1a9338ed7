// The temporary files of writes under way (see safe-write.ts), known to the process so
// that a signal that ends it (SIGTERM, SIGHUP) or an exit on a crash removes them: a half
// workbook of customer data is never left beside the output. What a kill -9 or a power
// cut leaves is removed on the next write to the same name (removeStaleTempsOf).
import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';

/** This process's start, in whole seconds since the epoch (the same every call). */
export const PROCESS_STARTED_S = Math.round(Date.now() / 1000 - process.uptime());

/** `.<name>.<pid>-<start>.<random>.tmp`: the writer can be told alive or gone from it. */
export function tempNameFor(name: string): string {
  return `.${name}.${process.pid}-${PROCESS_STARTED_S}.${randomBytes(6).toString('hex')}.tmp`;
}

const live = new Set<string>();

/** A temporary file now exists at `path`; `done` when it is renamed or removed. */
export function trackTemp(path: string): { done(): void } {
  live.add(path);
  return { done: () => live.delete(path) };
}

/** Removes every temporary file of a write still under way (at an exit, synchronously). */
export function removeLiveTemps(): void {
  for (const path of live) {
    try {
      unlinkSync(path);
    } catch {
      // Already gone (renamed into place or removed): nothing to do.
    }
  }
  live.clear();
}

const SIGNAL_EXIT: Readonly<Record<string, number>> = { SIGTERM: 143, SIGHUP: 129 };

/**
 * For a command-line process: SIGTERM and SIGHUP end it at once with their usual exit code,
 * and any exit (a crash too) first removes the temporary files of writes under way.
 */
export function removeTempsOnExit(proc: NodeJS.Process = process): void {
  proc.on('exit', removeLiveTemps);
  for (const [signal, code] of Object.entries(SIGNAL_EXIT)) {
    proc.on(signal, () => {
      removeLiveTemps();
      proc.exit(code);
    });
  }
}
