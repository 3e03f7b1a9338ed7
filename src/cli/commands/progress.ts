// Progress lines on stderr, so stdout stays clean for the data.
import type { PollNotice, RetryNotice } from '../../core/api/client';
import type { CliIo } from './library';

export function retryReporter(io: CliIo): (notice: RetryNotice) => void {
  return (n) =>
    io.stderr(
      `${n.reason}; trying again in ${(n.delayMs / 1000).toFixed(1)} s (try ${n.attempt + 1} of ${n.maxAttempts})\n`,
    );
}

export function pollReporter(io: CliIo, sessionId: string): (poll: PollNotice) => void {
  return (p) =>
    io.stderr(
      `Session ${sessionId} is still processing (poll ${p.attempt}, ${(p.elapsedMs / 1000).toFixed(1)} s)\n`,
    );
}
