// Child process for gzip-bomb.test.ts: runs one library action in a fresh process and
// prints its outcome with the kernel's peak RSS for the process, so memory is per action.
import { Library } from '../../src/core/library/store';

const [action, dir, file] = process.argv.slice(2) as [string, string, string | undefined];
const library = new Library({ dir, appVersion: 'child' });

async function run(): Promise<unknown> {
  if (action === 'list') {
    const { entries, problems } = await library.list();
    return { entries: entries.length, problems };
  }
  try {
    await library.importFile(file!);
    return { imported: true };
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    return { code, message };
  }
}

// Not top-level await: tsx runs this file as CommonJS.
void run().then((outcome) => {
  const peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify({ outcome, peakRssMB })}\n`);
});
