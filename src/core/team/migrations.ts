// The team library's schema, as numbered migrations: each runs in one transaction and
// records itself in bcv.schema_version, so a server is always at one known version. Rules
// that matter (who reads which case, who may decide, what the audit trail accepts) are the
// database's own: row-level security, grants, constraints and triggers, not the app's.
//
// Application roles are PostgreSQL group roles a member's login is granted:
// bcv_underwriter, bcv_approver, bcv_auditor, bcv_admin. The login that runs `bcv team
// init` owns the schema (a DBA's login, not one the app uses day to day).

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const APP_ROLES = ['underwriter', 'approver', 'auditor', 'admin'] as const;
export type AppRole = (typeof APP_ROLES)[number];

const ALL_ROLES = 'bcv_underwriter, bcv_approver, bcv_auditor, bcv_admin';

/** The member row of the login running the statement (invoker's rights: RLS applies). */
const MY = (column: string) =>
  `(SELECT m.${column} FROM bcv.members m WHERE m.login = current_user)`;

const FOUNDATION = `
CREATE SCHEMA bcv;
REVOKE ALL ON SCHEMA bcv FROM PUBLIC;
CREATE TABLE bcv.schema_version (
  version integer PRIMARY KEY,
  name text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  applied_by name NOT NULL DEFAULT session_user,
  app_version text NOT NULL
);
DO $roles$
DECLARE r text;
BEGIN
  FOREACH r IN ARRAY ARRAY['bcv_underwriter', 'bcv_approver', 'bcv_auditor', 'bcv_admin'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
      EXECUTE format('CREATE ROLE %I NOLOGIN', r);
    END IF;
  END LOOP;
END
$roles$;
-- Any login may ask the schema's version (and be told it is not a member): nothing else.
GRANT USAGE ON SCHEMA bcv TO PUBLIC;
GRANT SELECT ON bcv.schema_version TO PUBLIC;

-- Who is who: a member's role, team and branch, and the teams an approver approves for.
CREATE TABLE bcv.members (
  login name PRIMARY KEY,
  role text NOT NULL CHECK (role IN ('underwriter', 'approver', 'auditor', 'admin')),
  team text,
  branch text,
  approves_for text[] NOT NULL DEFAULT '{}',
  CHECK (role <> 'underwriter' OR (team IS NOT NULL AND branch IS NOT NULL)),
  CHECK (role <> 'approver' OR cardinality(approves_for) > 0)
);
ALTER TABLE bcv.members ENABLE ROW LEVEL SECURITY;
CREATE POLICY members_own ON bcv.members FOR SELECT TO PUBLIC USING (login = current_user);
CREATE POLICY members_all ON bcv.members FOR SELECT TO ${ALL_ROLES} USING (true);
GRANT SELECT ON bcv.members TO PUBLIC;

-- The schema's owner or an admin sets a member, and the login gets that one group role.
CREATE FUNCTION bcv.set_member(p_login name, p_role text, p_team text, p_branch text, p_approves text[])
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, bcv AS $fn$
DECLARE r text;
BEGIN
  IF NOT (session_user = (SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'bcv')
          OR EXISTS (SELECT 1 FROM bcv.members WHERE login = session_user AND role = 'admin')) THEN
    RAISE EXCEPTION 'only a team admin may set members' USING ERRCODE = '42501';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login AND rolcanlogin) THEN
    RAISE EXCEPTION 'there is no login "%" on this server (its DBA creates logins)', p_login
      USING ERRCODE = '22023';
  END IF;
  INSERT INTO bcv.members (login, role, team, branch, approves_for)
  VALUES (p_login, p_role, p_team, p_branch, coalesce(p_approves, '{}'))
  ON CONFLICT (login) DO UPDATE SET role = EXCLUDED.role, team = EXCLUDED.team,
    branch = EXCLUDED.branch, approves_for = EXCLUDED.approves_for;
  FOREACH r IN ARRAY ARRAY['underwriter', 'approver', 'auditor', 'admin'] LOOP
    IF r = p_role THEN
      EXECUTE format('GRANT %I TO %I', 'bcv_' || r, p_login);
    ELSE
      EXECUTE format('REVOKE %I FROM %I', 'bcv_' || r, p_login);
    END IF;
  END LOOP;
END
$fn$;
REVOKE ALL ON FUNCTION bcv.set_member(name, text, text, text, text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bcv.set_member(name, text, text, text, text[]) TO bcv_admin;
`;

/** Statements making `table` readable for the cases the login reads. */
const readableWithCase = (table: string) => `
ALTER TABLE bcv.${table} ENABLE ROW LEVEL SECURITY;
CREATE POLICY ${table}_read ON bcv.${table} FOR SELECT TO ${ALL_ROLES}
  USING (session_id IN (SELECT c.session_id FROM bcv.cases c));
GRANT SELECT ON bcv.${table} TO ${ALL_ROLES};`;

/** ...and writable by an underwriter while the case is theirs and open. */
const publishable = (table: string) => `${readableWithCase(table)}
CREATE POLICY ${table}_publish ON bcv.${table} FOR INSERT TO bcv_underwriter
  WITH CHECK (bcv.may_write(session_id));
GRANT INSERT ON bcv.${table} TO bcv_underwriter;`;

const CASES = `
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE TABLE bcv.cases (
  session_id text PRIMARY KEY,
  team text NOT NULL,
  branch text NOT NULL,
  owner name NOT NULL DEFAULT current_user,
  assigned_to name,
  state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'submitted', 'decided', 'purged')),
  holder_names text[] NOT NULL DEFAULT '{}',
  published_at timestamptz NOT NULL DEFAULT now(),
  decided_at timestamptz,
  purged_at timestamptz
);
ALTER TABLE bcv.cases ENABLE ROW LEVEL SECURITY;
CREATE POLICY cases_underwriter_read ON bcv.cases FOR SELECT TO bcv_underwriter
  USING (team = ${MY('team')} OR owner = current_user OR assigned_to = current_user);
CREATE POLICY cases_approver_read ON bcv.cases FOR SELECT TO bcv_approver
  USING (team = ANY (${MY('approves_for')}::text[]));
CREATE POLICY cases_everything_read ON bcv.cases FOR SELECT TO bcv_auditor, bcv_admin USING (true);
CREATE POLICY cases_publish ON bcv.cases FOR INSERT TO bcv_underwriter
  WITH CHECK (owner = current_user AND state = 'open'
              AND team = ${MY('team')} AND branch = ${MY('branch')});
GRANT SELECT ON bcv.cases TO ${ALL_ROLES};
GRANT INSERT (session_id, team, branch, holder_names) ON bcv.cases TO bcv_underwriter;

-- A case this login may add to: theirs (or assigned to them), and still open. Invoker's
-- rights: the cases' own policies apply inside.
CREATE FUNCTION bcv.may_write(p_session text) RETURNS boolean LANGUAGE sql STABLE AS $fn$
  SELECT EXISTS (SELECT 1 FROM bcv.cases c WHERE c.session_id = p_session AND c.state = 'open'
                 AND (c.owner = current_user OR c.assigned_to = current_user))
$fn$;

-- The .bcsession files, byte for byte, once each: the database checks the SHA-256 itself.
CREATE TABLE bcv.blobs (
  sha256 text PRIMARY KEY,
  bytes bytea NOT NULL,
  size integer GENERATED ALWAYS AS (octet_length(bytes)) STORED,
  CONSTRAINT blobs_sha256_matches CHECK (sha256 = encode(sha256(bytes), 'hex'))
);
CREATE TABLE bcv.snapshots (
  id bigserial PRIMARY KEY,
  session_id text NOT NULL REFERENCES bcv.cases,
  snapshot_id text NOT NULL,
  file_sha256 text NOT NULL REFERENCES bcv.blobs,
  data_sha256 text NOT NULL,
  fetched_at text NOT NULL,
  record jsonb NOT NULL,
  published_by name NOT NULL DEFAULT current_user CHECK (published_by = current_user),
  published_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (session_id, snapshot_id),
  UNIQUE (id, session_id)
);
CREATE INDEX snapshots_file ON bcv.snapshots (file_sha256);
${publishable('snapshots')}
GRANT USAGE ON SEQUENCE bcv.snapshots_id_seq TO bcv_underwriter;
ALTER TABLE bcv.blobs ENABLE ROW LEVEL SECURITY;
CREATE POLICY blobs_read ON bcv.blobs FOR SELECT TO ${ALL_ROLES}
  USING (sha256 IN (SELECT s.file_sha256 FROM bcv.snapshots s));
GRANT SELECT ON bcv.blobs TO ${ALL_ROLES};
-- A file is stored once whoever sends it first; its sender cannot read it until a snapshot
-- names it, so storing goes through this function (true: stored now; false: there already).
CREATE FUNCTION bcv.store_blob(p_sha256 text, p_bytes bytea) RETURNS boolean
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, bcv AS $fn$
  WITH stored AS (
    INSERT INTO bcv.blobs (sha256, bytes) VALUES (p_sha256, p_bytes)
    ON CONFLICT (sha256) DO NOTHING RETURNING 1
  ) SELECT EXISTS (SELECT 1 FROM stored)
$fn$;
REVOKE ALL ON FUNCTION bcv.store_blob(text, bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bcv.store_blob(text, bytea) TO bcv_underwriter;

-- The catalogue rows the whole book is searched by (as the local catalogue's).
CREATE TABLE bcv.holders (
  snapshot bigint NOT NULL,
  session_id text NOT NULL,
  name text NOT NULL,
  FOREIGN KEY (snapshot, session_id) REFERENCES bcv.snapshots (id, session_id) ON DELETE CASCADE
);
CREATE INDEX holders_snapshot ON bcv.holders (snapshot);
CREATE TABLE bcv.accounts (
  snapshot bigint NOT NULL,
  session_id text NOT NULL,
  account_id text NOT NULL,
  account_number text,
  account_key text,
  bank text,
  ifsc text,
  holder text,
  PRIMARY KEY (snapshot, account_id),
  FOREIGN KEY (snapshot, session_id) REFERENCES bcv.snapshots (id, session_id) ON DELETE CASCADE
);
CREATE INDEX accounts_key ON bcv.accounts (account_key);
CREATE TABLE bcv.transactions (
  id bigserial PRIMARY KEY,
  snapshot bigint NOT NULL,
  session_id text NOT NULL,
  account_id text NOT NULL,
  tx_key text NOT NULL,
  date text NOT NULL,
  type text NOT NULL,
  amount_paise bigint NOT NULL,
  narration text NOT NULL,
  narration_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', narration)) STORED,
  UNIQUE (id, session_id),
  FOREIGN KEY (snapshot, session_id) REFERENCES bcv.snapshots (id, session_id) ON DELETE CASCADE
);
CREATE INDEX transactions_snapshot ON bcv.transactions (snapshot);
CREATE INDEX transactions_amount ON bcv.transactions (amount_paise, date);
CREATE INDEX transactions_date ON bcv.transactions (date);
CREATE INDEX transactions_narration ON bcv.transactions USING gin (narration_tsv);
GRANT USAGE ON SEQUENCE bcv.transactions_id_seq TO bcv_underwriter;
CREATE TABLE bcv.parties (
  tx bigint NOT NULL,
  session_id text NOT NULL,
  kind text NOT NULL,
  key text NOT NULL,
  FOREIGN KEY (tx, session_id) REFERENCES bcv.transactions (id, session_id) ON DELETE CASCADE
);
CREATE INDEX parties_key ON bcv.parties (kind, key);
CREATE INDEX parties_key_trgm ON bcv.parties USING gin (key public.gin_trgm_ops);
CREATE INDEX parties_tx ON bcv.parties (tx);
CREATE TABLE bcv.snapshot_parties (
  snapshot bigint NOT NULL,
  session_id text NOT NULL,
  kind text NOT NULL,
  key text NOT NULL,
  label text NOT NULL,
  tx_count integer NOT NULL,
  PRIMARY KEY (snapshot, kind, key),
  FOREIGN KEY (snapshot, session_id) REFERENCES bcv.snapshots (id, session_id) ON DELETE CASCADE
);
CREATE INDEX snapshot_parties_key ON bcv.snapshot_parties (kind, key);
${publishable('holders')}
${publishable('accounts')}
${publishable('transactions')}
${publishable('parties')}
${publishable('snapshot_parties')}

-- The review's events (as the local review.json holds them): merged by event id.
CREATE TABLE bcv.review_events (
  session_id text NOT NULL REFERENCES bcv.cases,
  event_id text NOT NULL,
  at text NOT NULL,
  reviewer text NOT NULL,
  change jsonb NOT NULL,
  sent_by name NOT NULL DEFAULT current_user CHECK (sent_by = current_user),
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (session_id, event_id)
);
${readableWithCase('review_events')}
-- Notes and flags: any underwriter who reads the case while it is open (a submitted case is
-- locked for them); an approver on a case they read until it is purged.
CREATE POLICY review_events_underwriter ON bcv.review_events FOR INSERT TO bcv_underwriter
  WITH CHECK (session_id IN (SELECT c.session_id FROM bcv.cases c WHERE c.state = 'open'));
CREATE POLICY review_events_approver ON bcv.review_events FOR INSERT TO bcv_approver
  WITH CHECK (session_id IN (SELECT c.session_id FROM bcv.cases c WHERE c.state <> 'purged'));
GRANT INSERT ON bcv.review_events TO bcv_underwriter, bcv_approver;
`;

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'members and roles', sql: FOUNDATION },
  { version: 2, name: 'cases, files, catalogue rows and reviews', sql: CASES },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
