// Child process for shared-library.test.ts, standing for the app: through the composition
// root the app uses (libraryServices), saves argv[3] sessions into the library argv[2], each
// followed by a review note on `shared-case` and a catalogue update, as the app does.
import { libraryServices } from '../../src/core/services';
import { saveInput } from '../unit/library/helpers';

const [dir, count] = process.argv.slice(2) as [string, string];

async function run(): Promise<void> {
  const services = libraryServices({ dir, appVersion: 'app-side' });
  try {
    for (let i = 0; i < Number(count); i++) {
      await services.library.save(saveInput(`app-${i}`));
      services.catalogue.changed();
      await services.reviews.note('shared-case', 'App', `app note ${i}`, { account: null });
      await services.catalogue.sync();
    }
  } finally {
    await services.close();
  }
  process.stdout.write('done\n');
}
// Not top-level await: tsx runs this file as CommonJS.
void run().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
