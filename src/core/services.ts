// The composition root: every long-lived part of core is built here, once, from what the
// outside world passes in. The app (openServices, from AppDeps) and the CLI
// (libraryServices, from a library folder) take what they need from it and build nothing
// of their own.
import type { AppDeps, ExportWorkbook, SandboxServer } from './deps';
import { exportWorkbook } from './export/export-workbook';
import { SessionWorkbooks } from './export/session-workbook';
import { Catalogue } from './catalogue/catalogue';
import { appLibraryDir, recentFileOf } from './library/paths';
import { RecentSessions } from './library/recent';
import { Library } from './library/store';
import { ProfileStore, SANDBOX_CREDENTIALS } from './profiles/profile-store';
import { ReviewerSetting } from './review/reviewer-setting';
import { PolicySetting } from './policy/policy-setting';
import { SessionReviews } from './review/session-reviews';
import { ReviewStore } from './review/store';
import { Jobs } from './jobs';
import { SessionStore } from './session/session-store';
import { SavedSessions } from './session/open-saved';
import { ViewCache, viewCacheDir, viewCacheKey } from './session/view-cache';
import { Vault } from './vault/vault';
import { TeamDesk } from './team/team-desk';
import { TeamLink } from './team/team-link';

export interface LibraryServicesOptions {
  /** The library folder. */
  readonly dir: string;
  readonly appVersion: string;
  readonly clock?: () => Date;
  /** Moves a file to the OS trash (the app); absent, deletes for real (the CLI). */
  readonly trash?: (path: string) => Promise<void>;
  /** Where opened views of large sessions are kept (the app); absent, none are. */
  readonly views?: ViewCache | null;
  /** The Excel exporter (default: core's). */
  readonly exportWorkbook?: ExportWorkbook;
}

/** The saved-session library and what lives beside it in its folder. */
export interface LibraryServices {
  readonly library: Library;
  /** Reviews (flags, notes, verdicts), one folder a session beside its snapshots. */
  readonly reviewStore: ReviewStore;
  /** Saved sessions with their reviews: session files in and out, review changes. */
  readonly reviews: SessionReviews;
  /** Search across every saved case (an SQLite cache, opened on first use). */
  readonly catalogue: Catalogue;
  /** Session files -> opened sessions: snapshots opened, files imported to be opened. */
  readonly saved: SavedSessions;
  /** Sessions -> workbooks with their reviews. */
  readonly workbooks: SessionWorkbooks;
  close(): Promise<void>;
}

export function libraryServices(options: LibraryServicesOptions): LibraryServices {
  const { dir, appVersion, clock, trash, views = null, exportWorkbook: exporter } = options;
  const library = new Library({
    dir,
    appVersion,
    ...(clock ? { clock } : {}),
    ...(trash ? { trash } : {}),
  });
  const reviewStore = new ReviewStore({ dir, ...(clock ? { clock } : {}) });
  const catalogue = new Catalogue({ library });
  const reviews = new SessionReviews({ library, store: reviewStore });
  return {
    library,
    reviewStore,
    reviews,
    catalogue,
    saved: new SavedSessions({ library, reviews, views }),
    workbooks: new SessionWorkbooks({
      exporter: exporter ?? exportWorkbook,
      reviewStore,
      reviews,
    }),
    close: () => catalogue.close(),
  };
}

/** Everything main holds for the app's lifetime. */
export interface Services extends LibraryServices {
  readonly vault: Vault;
  readonly profiles: ProfileStore;
  /** Sessions open in the window, by handle. */
  readonly sessions: SessionStore;
  readonly jobs: Jobs;
  /** Opened views of large saved sessions, for this build and install (null: none kept). */
  readonly views: ViewCache | null;
  readonly recent: RecentSessions;
  /** The reviewer's name every review change made in the app is signed with. */
  readonly reviewer: ReviewerSetting;
  /** The credit policy the app's figures are made with. */
  readonly policy: PolicySetting;
  /** The team library, when a team profile is set up (the local library works without). */
  readonly team: TeamDesk;
}

export async function openServices(deps: AppDeps): Promise<Services> {
  let sandbox: Promise<SandboxServer> | null = null;
  const sandboxServer = (): Promise<SandboxServer> => {
    sandbox ??= deps.startSandbox({ ...SANDBOX_CREDENTIALS }).catch((error: unknown) => {
      sandbox = null; // let the next call try again
      throw error;
    });
    return sandbox;
  };
  const vault = await Vault.open(deps.userDataDir, deps.safeStorage);
  const profiles = await ProfileStore.open(
    deps.userDataDir,
    vault,
    async () => (await sandboxServer()).url,
  );
  const jobs = new Jobs();
  const recent = new RecentSessions(recentFileOf(deps.userDataDir), undefined, deps.clock);
  let viewKey: Promise<Buffer> | null = null;
  const views = deps.buildFingerprint
    ? new ViewCache({
        dir: viewCacheDir(deps.userDataDir),
        fingerprint: deps.buildFingerprint,
        key: () => (viewKey ??= viewCacheKey(vault)),
      })
    : null;
  const library = libraryServices({
    dir: deps.libraryDir ?? appLibraryDir(deps.userDataDir),
    appVersion: deps.appInfo.version,
    clock: deps.clock,
    trash: (path) => deps.shell.trash(path),
    views,
    exportWorkbook: deps.exportWorkbook,
  });
  let team: TeamDesk | null = null;
  const link = await TeamLink.open({
    userDataDir: deps.userDataDir,
    vault,
    appVersion: deps.appInfo.version,
    // Reviews written on team cases while the server was away go up on every sign-in.
    onSignedIn: () => team?.syncInBackground(),
  });
  team = new TeamDesk(link, { library: library.library, reviews: library.reviewStore });
  return {
    ...library,
    vault,
    team,
    profiles,
    sessions: new SessionStore(),
    jobs,
    views,
    recent,
    reviewer: new ReviewerSetting(deps.userDataDir),
    policy: new PolicySetting(deps.userDataDir),
    async close() {
      jobs.cancelAll();
      // An open answers before its recent-list entry is written: the entry is written whole.
      await recent.settled();
      await link.close();
      await library.close();
      if (sandbox) await (await sandbox.catch(() => null))?.close();
    },
  };
}
