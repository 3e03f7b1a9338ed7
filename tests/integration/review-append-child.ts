// Child process for review-two-writers.test.ts: appends argv[4] notes, one change at a time,
// to the review of session argv[3] in the library argv[2], signed by argv[5].
import { ReviewStore } from '../../src/core/review/store';

const [dir, sessionId, count, reviewer] = process.argv.slice(2) as [string, string, string, string];

async function run(): Promise<void> {
  const store = new ReviewStore({ dir });
  for (let i = 0; i < Number(count); i++) {
    await store.append(sessionId, reviewer, [
      { kind: 'note', noteId: `${reviewer}-${i}`, account: null, text: `${reviewer} note ${i}` },
    ]);
  }
  process.stdout.write('done\n');
}
// Not top-level await: tsx runs this file as CommonJS.
void run().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
