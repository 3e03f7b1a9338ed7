// The reviewer's name, an app setting (`review-settings.json` in the user-data folder,
// written atomically): every review change made in the app is signed with it.
import { join } from 'node:path';
import { realFs, writeFileAtomic, type LibraryFs } from '../io/safe-write';

export const REVIEW_SETTINGS_FILE = 'review-settings.json';

export class ReviewerSetting {
  constructor(
    private readonly userDataDir: string,
    private readonly fs: LibraryFs = realFs,
  ) {}

  async get(): Promise<string> {
    try {
      const value: unknown = JSON.parse(
        (await this.fs.readFile(join(this.userDataDir, REVIEW_SETTINGS_FILE))).toString('utf8'),
      );
      const name = (value as { reviewer?: unknown } | null)?.reviewer;
      return typeof name === 'string' ? name.slice(0, 200) : '';
    } catch {
      // No settings yet, or unreadable ones: no name (the app asks for one).
      return '';
    }
  }

  async set(name: string): Promise<string> {
    const clean = name.trim().slice(0, 200);
    await this.fs.mkdir(this.userDataDir, { recursive: true });
    await writeFileAtomic(
      this.fs,
      this.userDataDir,
      REVIEW_SETTINGS_FILE,
      Buffer.from(`${JSON.stringify({ reviewer: clean })}\n`, 'utf8'),
    );
    return clean;
  }
}
