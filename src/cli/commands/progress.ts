// Progress and retries go to the status line (io.status): one line on a terminal that each
// update replaces, nothing when stderr is a file or a pipe, so stdout stays clean for the
// data and logs get only the outcome.
import { formatSize } from '@shared/library/search';
import { formatCount, formatSeconds } from '@shared/format/value';
import type { RetryNotice } from '../../core/api/client';
import type { SessionProgress } from '../../core/session/open-session';
import type { CliIo } from '../io';

export function retryReporter(io: Pick<CliIo, 'status'>): (notice: RetryNotice) => void {
  return (n) =>
    io.status?.(
      `${n.reason}; trying again in ${formatSeconds(n.delayMs)} (try ${n.attempt + 1} of ${n.maxAttempts})`,
    );
}

/** `done` units since the first call, per second: `, 12.3 MB/s` (bytes) or `, 4,500 rows/s`. */
function rateOf(unit: 'bytes' | 'rows'): (done: number) => string {
  let start: { at: number; done: number } | null = null;
  return (done) => {
    const now = Date.now();
    start ??= { at: now, done };
    const seconds = (now - start.at) / 1000;
    if (seconds < 0.5) return '';
    const perSecond = (done - start.done) / seconds;
    return unit === 'bytes' ? `, ${formatSize(perSecond)}/s` : `, ${formatCount(perSecond)} rows/s`;
  };
}

/** Polls, then the download with its bytes and rate, then the checking and preparing. */
export function progressReporter(io: Pick<CliIo, 'status'>): (progress: SessionProgress) => void {
  const rate = rateOf('bytes');
  return (p) => io.status?.(p.stage === 'download' ? `${p.message}${rate(p.done)}` : p.message);
}

/** The workbook as it is written (core's message counts the rows), and how fast. */
export function exportReporter(
  io: Pick<CliIo, 'status'>,
): (done: number, total: number | null, message: string) => void {
  const rate = rateOf('rows');
  return (done, _total, message) => io.status?.(`${message}${rate(done)}`);
}
