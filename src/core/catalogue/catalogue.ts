// The catalogue of every saved case: an SQLite cache beside the library's files (see
// schema.ts), kept in step with the library by `sync` (snapshots added, changed or gone
// since the last one) and read by search and "seen elsewhere". Every snapshot is read
// through the library's own open, whatever the file format. Plain Node: the library and
// the database opener are passed in.
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { CatalogueQuery, CatalogueSearchResult, SeenElsewhere } from '@shared/catalogue/types';
import type { SessionView } from '@shared/model/view-model';
import { CoreError } from '../core-error';
import type { Library } from '../library/store';
import { viewOfPayload } from '@shared/model/normalize';
import { openCatalogueFile, openSqlite, type DiscardReason, type OpenDatabase } from './database';
import { CATALOGUE_NAME } from './schema';
import { DEFAULT_SEARCH_LIMIT, searchCatalogue } from './search';
import { seenElsewhere } from './seen';
import { CatalogueWriter } from './write';

export type CatalogueLibrary = Pick<Library, 'dir' | 'list' | 'open'>;

export interface CatalogueOptions {
  readonly library: CatalogueLibrary;
  /** Default: catalogue.sqlite in the library folder. */
  readonly file?: string;
  readonly openDatabase?: OpenDatabase;
}

/** Snapshots read so far of those to read, while the catalogue catches up. */
export type CatalogueProgress = (done: number, total: number) => void;

export interface SyncOutcome {
  readonly added: number;
  readonly removed: number;
  /** Why the file was made again from nothing (null: it was usable, or there was none). */
  readonly rebuilt: DiscardReason;
  readonly unreadable: readonly { readonly file: string; readonly message: string }[];
}

interface Open {
  readonly db: DatabaseSync;
  readonly writer: CatalogueWriter;
}

export class Catalogue {
  readonly file: string;
  private readonly library: CatalogueLibrary;
  private readonly openDatabase: OpenDatabase;
  private opened: Promise<Open> | null = null;
  private discarded: DiscardReason = null;
  /** Set by changes to the library; the next read catches up first. */
  private dirty = true;
  private queued: Promise<SyncOutcome> | null = null;
  private current: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<CatalogueProgress>();
  private unreadable: SyncOutcome['unreadable'] = [];
  /** Files that failed to open, by snapshot and checksum: not read again this run. */
  private readonly failed = new Map<string, string>();

  constructor(options: CatalogueOptions) {
    this.library = options.library;
    this.file = options.file ?? join(options.library.dir, CATALOGUE_NAME);
    this.openDatabase = options.openDatabase ?? openSqlite;
  }

  private open(): Promise<Open> {
    // The library folder may not exist yet (nothing saved): made, as the library makes it.
    this.opened ??= mkdir(dirname(this.file), { recursive: true })
      .then(() => openCatalogueFile(this.file, this.openDatabase))
      .then(
        ({ db, discarded }) => {
          this.discarded = discarded;
          return { db, writer: new CatalogueWriter(db) };
        },
        (error: unknown) => {
          this.opened = null;
          const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
          throw new CoreError(
            'CATALOGUE_UNAVAILABLE',
            `The search catalogue ${this.file} cannot be opened (${reason})`,
          );
        },
      );
    return this.opened;
  }

  /** The library changed (a save, import or delete): catch up in the background. */
  changed(): void {
    this.dirty = true;
    // A cache: a failure here fails nothing; the next read tries again.
    void this.sync().catch(() => undefined);
  }

  /** Listens to progress of the syncs running until the returned function is called. */
  watch(listener: CatalogueProgress): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Catches up with the library; calls made while one runs share the next run. */
  sync(): Promise<SyncOutcome> {
    if (this.queued) return this.queued;
    const run = this.current.then(() => {
      this.queued = null;
      return this.syncNow();
    });
    this.queued = run;
    this.current = run.catch(() => undefined);
    return run;
  }

  private async syncNow(): Promise<SyncOutcome> {
    this.dirty = false;
    const { db, writer } = await this.open();
    const { snapshots, problems } = await this.library.list();
    const have = db.prepare('SELECT id, session_id, snapshot_id, sha256 FROM snapshots').all() as {
      id: number;
      session_id: string;
      snapshot_id: string;
      sha256: string;
    }[];
    const wanted = new Map<string, (typeof snapshots)[number]>(
      snapshots.map((s) => [`${s.record.sessionId}/${s.record.snapshotId}`, s]),
    );
    let removed = 0;
    const present = new Set<string>();
    for (const row of have) {
      const id = `${row.session_id}/${row.snapshot_id}`;
      if (wanted.get(id)?.record.sha256 === row.sha256) present.add(id);
      else {
        writer.remove(row.id);
        removed++;
      }
    }
    const toAdd = [...wanted].filter(([id]) => !present.has(id)).map(([, s]) => s);
    const unreadable = problems.map((p) => ({ file: p.file, message: p.message }));
    let added = 0;
    let done = 0;
    const report = () => {
      for (const listener of this.listeners) listener(done, toAdd.length);
    };
    if (toAdd.length > 0) report();
    for (const listed of toAdd) {
      const { record } = listed;
      const failure = this.failed.get(`${record.sessionId}/${record.snapshotId}/${record.sha256}`);
      if (failure) {
        unreadable.push({ file: listed.file, message: failure });
      } else {
        try {
          const opened = await this.library.open(record.sessionId, record.snapshotId);
          const view = viewOfPayload(opened);
          await writer.add(record, view);
          added++;
        } catch (error) {
          // Set aside and said: the rest of the library is still catalogued.
          const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
          this.failed.set(`${record.sessionId}/${record.snapshotId}/${record.sha256}`, message);
          unreadable.push({ file: listed.file, message });
        }
      }
      done++;
      report();
    }
    this.unreadable = unreadable;
    const rebuilt = this.discarded;
    this.discarded = null;
    return { added, removed, rebuilt, unreadable };
  }

  /** Reads see the library as it is: a pending change is caught up with first. */
  private async ready(): Promise<Open> {
    if (this.dirty) await this.sync();
    else await this.current;
    return this.open();
  }

  async search(
    query: CatalogueQuery,
    limit = DEFAULT_SEARCH_LIMIT,
  ): Promise<CatalogueSearchResult> {
    const { db } = await this.ready();
    const found = searchCatalogue(db, query, limit);
    return {
      ...found,
      limit,
      sessionCount: (
        db.prepare('SELECT count(DISTINCT session_id) AS n FROM snapshots').get() as { n: number }
      ).n,
      unreadable: this.unreadable,
    };
  }

  /** The parties of `view` (a session on screen, saved or not) found in other saved sessions. */
  async seenElsewhere(sessionId: string, view: SessionView): Promise<SeenElsewhere> {
    const { db } = await this.ready();
    return { sessionId, matches: seenElsewhere(db, sessionId, view) };
  }

  async close(): Promise<void> {
    await this.current;
    const opened = this.opened;
    this.opened = null;
    if (opened) (await opened.catch(() => null))?.db.close();
  }
}
