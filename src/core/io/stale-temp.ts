// Temporary files of a save that died (kill -9, a crash, a power cut) are removed on the
// next library open, as soon as their writer is known to be gone: the name carries the
// writer's process id and start time (see safe-write.ts), and a process id alone is not
// enough, since the system reuses ids. Where the start time of another process cannot be
// read (not Linux), or the name carries no writer, the file is removed once it is old.
import * as nodeFs from 'node:fs/promises';
import { join } from 'node:path';
import { PROCESS_STARTED_S } from './temp-files';

const WRITER = /^\..+\.(\d+)-(\d+)\.[0-9a-f]+\.tmp$/;
/** Seconds two readings of one process's start time may differ by (rounding, clock steps). */
const START_SLACK_S = 2;

export interface Writer {
  readonly pid: number;
  readonly startedS: number;
}

export function writerOf(name: string): Writer | null {
  const match = WRITER.exec(name);
  return match ? { pid: Number(match[1]), startedS: Number(match[2]) } : null;
}

export interface ProcessProbe {
  /** Throws ESRCH when there is no such process (process.kill with signal 0). */
  exists(pid: number): boolean;
  /** The process's start, in seconds since the epoch, or null when it cannot be read. */
  startedS(pid: number): Promise<number | null>;
}

/** Linux: field 22 of /proc/<pid>/stat is the start in clock ticks after boot (btime). */
async function linuxStartedS(pid: number): Promise<number | null> {
  try {
    const stat = await nodeFs.readFile(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    const boot = /^btime (\d+)$/m.exec(await nodeFs.readFile('/proc/stat', 'utf8'));
    if (!Number.isFinite(ticks) || !boot) return null;
    return Number(boot[1]) + ticks / 100; // USER_HZ is 100 on every Linux Node runs on
  } catch {
    return null;
  }
}

export const systemProbe: ProcessProbe = {
  exists(pid) {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      // EPERM: it exists, it is another user's.
      return (error as { code?: string }).code === 'EPERM';
    }
  },
  startedS: (pid) =>
    pid === process.pid
      ? Promise.resolve(PROCESS_STARTED_S)
      : process.platform === 'linux'
        ? linuxStartedS(pid)
        : Promise.resolve(null),
};

/** True: the writer is running; false: it is gone; null: cannot tell. */
export async function writerRunning(
  writer: Writer,
  probe: ProcessProbe = systemProbe,
): Promise<boolean | null> {
  if (!probe.exists(writer.pid)) return false;
  const started = await probe.startedS(writer.pid);
  if (started === null) return null;
  // Another process now has the id: the writer is gone.
  return Math.abs(started - writer.startedS) <= START_SLACK_S;
}

/**
 * Before a write of `dir/name`: the temporary files an earlier write of that same name left
 * when its process died (SIGKILL, a crash, a power cut) are removed; a live writer's stay.
 */
export async function removeStaleTempsOf(
  dir: string,
  name: string,
  fs: Pick<typeof nodeFs, 'readdir' | 'unlink'> = nodeFs,
  probe: ProcessProbe = systemProbe,
): Promise<void> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return; // no folder yet: the write says so itself
  }
  const prefix = `.${name}.`;
  for (const entry of names) {
    if (!entry.startsWith(prefix) || entry.length > prefix.length + 60) continue;
    const writer = writerOf(entry);
    // The name must be this file's exactly, with nothing but the writer's tag after it.
    if (!writer || !/^\d+-\d+\.[0-9a-f]+\.tmp$/.test(entry.slice(prefix.length))) continue;
    if ((await writerRunning(writer, probe)) !== false) continue;
    await fs.unlink(join(dir, entry)).catch(() => undefined);
  }
}
