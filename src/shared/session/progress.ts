// The stages long work goes through (a fetch, a library open or save) and the one line
// each says, for the app's progress bar and the CLI alike.
import { formatSize } from '../library/search';

/**
 * download/read/write count bytes (done of total, total null when not announced); the
 * others have no measure: checking the data, compressing it, preparing the report.
 */
export type ProgressStage = 'download' | 'read' | 'write' | 'check' | 'compress' | 'prepare';

export function stageMessage(stage: ProgressStage, done = 0, total: number | null = null): string {
  const bytes =
    total === null ? `${formatSize(done)} so far` : `${formatSize(done)} of ${formatSize(total)}`;
  switch (stage) {
    case 'download':
      return `Downloading the data: ${bytes}`;
    case 'read':
      return `Reading the file: ${bytes}`;
    case 'write':
      return `Writing the file: ${bytes}`;
    case 'check':
      return 'Checking the data';
    case 'compress':
      return 'Compressing the snapshot';
    case 'prepare':
      return 'Preparing the report';
  }
}
