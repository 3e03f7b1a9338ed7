// Writing one snapshot into the catalogue, and taking one out. The rows come from the
// snapshot's normalised view, as the report reads it, so a key here is a key there.
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { SessionView } from '@shared/model/view-model';
import { nextTurn } from '../io/next-turn';
import { accountRows, PartyTally, transactionRows } from './rows';

export interface SnapshotIdentity {
  readonly sessionId: string;
  readonly snapshotId: string;
  readonly sha256: string;
  readonly fetchedAt: string;
  readonly holderNames: readonly string[];
}

/** Rows written between two yields to the event loop (main must stay responsive). */
const ROWS_PER_SLICE = 4000;

export class CatalogueWriter {
  private readonly insertSnapshot: StatementSync;
  private readonly insertHolder: StatementSync;
  private readonly insertAccount: StatementSync;
  private readonly insertTx: StatementSync;
  private readonly insertParty: StatementSync;
  private readonly insertSnapshotParty: StatementSync;
  private readonly insertNarration: StatementSync;
  private readonly deleteNarrations: StatementSync;
  private readonly deleteSnapshotRow: StatementSync;

  constructor(private readonly db: DatabaseSync) {
    this.insertSnapshot = db.prepare(
      'INSERT INTO snapshots (session_id, snapshot_id, sha256, fetched_at) VALUES (?, ?, ?, ?)',
    );
    this.insertHolder = db.prepare('INSERT INTO holders (snapshot, name) VALUES (?, ?)');
    this.insertAccount = db.prepare(
      `INSERT OR IGNORE INTO accounts (snapshot, account_id, account_number, account_key, bank, ifsc, holder)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertTx = db.prepare(
      `INSERT INTO transactions (snapshot, account_id, tx_key, date, type, amount_paise, narration)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertParty = db.prepare('INSERT INTO parties (tx, kind, key) VALUES (?, ?, ?)');
    this.insertSnapshotParty = db.prepare(
      'INSERT INTO snapshot_parties (snapshot, kind, key, label, tx_count) VALUES (?, ?, ?, ?, ?)',
    );
    this.insertNarration = db.prepare(
      'INSERT INTO narrations (rowid, narration, details) VALUES (?, ?, ?)',
    );
    this.deleteNarrations = db.prepare(
      'DELETE FROM narrations WHERE rowid IN (SELECT id FROM transactions WHERE snapshot = ?)',
    );
    this.deleteSnapshotRow = db.prepare('DELETE FROM snapshots WHERE id = ?');
  }

  /**
   * Writes the snapshot in one transaction, yielding between slices; a failure rolls it
   * all back (the next sync tries again).
   */
  async add(identity: SnapshotIdentity, view: SessionView): Promise<void> {
    const { db } = this;
    db.exec('BEGIN IMMEDIATE');
    try {
      const snapshot = Number(
        this.insertSnapshot.run(
          identity.sessionId,
          identity.snapshotId,
          identity.sha256,
          identity.fetchedAt,
        ).lastInsertRowid,
      );
      for (const name of identity.holderNames) this.insertHolder.run(snapshot, name);
      for (const a of accountRows(view)) {
        this.insertAccount.run(
          snapshot,
          a.accountId,
          a.accountNumber,
          a.accountKey,
          a.bank,
          a.ifsc,
          a.holder,
        );
      }
      const tally = new PartyTally();
      let rows = 0;
      for (const t of transactionRows(view)) {
        const tx = Number(
          this.insertTx.run(
            snapshot,
            t.accountId,
            t.key,
            t.date,
            t.type,
            t.amountPaise,
            t.narration,
          ).lastInsertRowid,
        );
        this.insertNarration.run(tx, t.narration, t.details);
        for (const party of t.parties) this.insertParty.run(tx, party.kind, party.key);
        tally.add(t.parties);
        if (++rows % ROWS_PER_SLICE === 0) await nextTurn();
      }
      for (const { party, count } of tally.rows()) {
        this.insertSnapshotParty.run(snapshot, party.kind, party.key, party.label, count);
      }
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }

  /** Takes a snapshot out (its rows go with it: foreign keys cascade). */
  remove(id: number): void {
    const { db } = this;
    db.exec('BEGIN IMMEDIATE');
    try {
      this.deleteNarrations.run(id);
      this.deleteSnapshotRow.run(id);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
}
