// Progress lines on stderr, so stdout stays clean for the data.
import type { RetryNotice } from '../../core/api/client';
import type { SessionProgress } from '../../core/session/open-session';
import type { CliIo } from '../io';

export function retryReporter(io: Pick<CliIo, 'stderr'>): (notice: RetryNotice) => void {
  return (n) =>
    io.stderr(
      `${n.reason}; trying again in ${(n.delayMs / 1000).toFixed(1)} s (try ${n.attempt + 1} of ${n.maxAttempts})\n`,
    );
}

/** Polls are worth a line each; the fetch steps are quick and stay quiet. */
export function progressReporter(io: Pick<CliIo, 'stderr'>): (progress: SessionProgress) => void {
  return (p) => {
    if (p.kind === 'poll') io.stderr(`${p.message}\n`);
  };
}
