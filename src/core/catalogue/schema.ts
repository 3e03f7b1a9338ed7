// The catalogue's tables. A cache of the library (the .bcsession files stay the truth):
// any change here bumps SCHEMA_VERSION, and a file of another version is rebuilt.
export const SCHEMA_VERSION = 2;
export const CATALOGUE_NAME = 'catalogue.sqlite';

export const SCHEMA = `
CREATE TABLE snapshots (
  id INTEGER PRIMARY KEY,
  session_id TEXT NOT NULL,
  snapshot_id TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  fetched_at TEXT NOT NULL,
  UNIQUE (session_id, snapshot_id)
);
CREATE TABLE holders (
  snapshot INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  name TEXT NOT NULL
);
CREATE INDEX holders_snapshot ON holders(snapshot);
CREATE TABLE accounts (
  snapshot INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  account_id TEXT NOT NULL,
  account_number TEXT,
  -- accountKey() of the number: null when masked.
  account_key TEXT,
  bank TEXT,
  ifsc TEXT,
  holder TEXT,
  PRIMARY KEY (snapshot, account_id)
);
CREATE INDEX accounts_key ON accounts(account_key);
CREATE TABLE transactions (
  id INTEGER PRIMARY KEY,
  snapshot INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  account_id TEXT NOT NULL,
  tx_key TEXT NOT NULL,
  date TEXT NOT NULL,
  type TEXT NOT NULL,
  amount_paise INTEGER NOT NULL,
  narration TEXT NOT NULL
);
CREATE INDEX transactions_snapshot ON transactions(snapshot);
CREATE INDEX transactions_amount ON transactions(amount_paise, date);
CREATE INDEX transactions_date ON transactions(date);
-- Every party each transaction names (kind: name, upi, account, ifsc).
CREATE TABLE parties (
  tx INTEGER NOT NULL REFERENCES transactions(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  key TEXT NOT NULL
);
CREATE INDEX parties_key ON parties(kind, key);
CREATE INDEX parties_tx ON parties(tx);
-- The same per snapshot, once each: what "seen elsewhere" looks up.
CREATE TABLE snapshot_parties (
  snapshot INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  label TEXT NOT NULL,
  tx_count INTEGER NOT NULL,
  PRIMARY KEY (snapshot, kind, key)
) WITHOUT ROWID;
CREATE INDEX snapshot_parties_key ON snapshot_parties(kind, key);
-- Words of each transaction, rowid = transactions.id; contentless (the text is in
-- transactions). details: ref, channel (as sent and by name), category, description.
CREATE VIRTUAL TABLE narrations USING fts5(narration, details, content='', contentless_delete=1);
`;
