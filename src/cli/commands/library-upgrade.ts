// `bcv library upgrade <session-id> | --all`: rewrites format-1 snapshots as format 2, in
// place and under the same snapshot ids, only when asked. Each file rewritten is a line on
// stdout; a file that could not be upgraded is a line on stderr and the exit code is 1.
import { plural } from '@shared/format/value';
import type { Library } from '../../core/library/store';
import { shown } from '../terminal-safe';
import { UsageError } from '../usage';
import type { CliIo } from '../io';

export async function upgradeCommand(
  library: Library,
  io: CliIo,
  rest: readonly string[],
  all: boolean,
): Promise<number> {
  if (all === rest.length > 0 || rest.length > 1) {
    throw new UsageError('upgrade: give one session id, or --all');
  }
  const outcome = await library.upgrade(all ? undefined : rest[0], {
    onProgress: (done, total) => {
      if (total > 0 && done > 0) io.status?.(`Upgrading: ${done} of ${total}`);
    },
  });
  for (const { record, file } of outcome.upgraded) {
    io.stdout(
      `${shown(record.sessionId)} ${record.snapshotId}: upgraded to format 2 (${shown(file)})\n`,
    );
  }
  for (const problem of outcome.failed) io.stderr(`NOT_UPGRADED: ${problem.message}\n`);
  const count = outcome.upgraded.length;
  io.stdout(
    `${plural(count, 'snapshot')} upgraded, ${outcome.already} already format 2` +
      (outcome.failed.length > 0 ? `, ${outcome.failed.length} could not be upgraded` : '') +
      '\n',
  );
  return outcome.failed.length > 0 ? 1 : 0;
}
