// Child process for catalogue-two-openers.test.ts: opens the catalogue argv[2] as the app
// and bcv do, and records itself in it (a snapshots row named argv[3]).
import { openCatalogueFile } from '../../src/core/catalogue/database';

const [path, name] = process.argv.slice(2) as [string, string];

void openCatalogueFile(path).then(
  ({ db, fresh }) => {
    db.prepare(
      "INSERT INTO snapshots (session_id, snapshot_id, sha256, fetched_at) VALUES (?, 's', '', '')",
    ).run(name);
    db.close();
    process.stdout.write(fresh ? 'fresh\n' : 'opened\n');
  },
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exitCode = 1;
  },
);
