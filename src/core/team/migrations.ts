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

/** A function running as the schema's owner, with nothing on its path a caller can shadow. */
const DEFINER = 'SECURITY DEFINER SET search_path = pg_catalog, bcv';

/** A trigger function (the owner's rights unless `definer` is false) and its row trigger. */
function rowTrigger(
  t: { trigger: string; on: string; fn: string; definer?: boolean },
  body: string,
): string {
  return `CREATE FUNCTION bcv.${t.fn}() RETURNS trigger
LANGUAGE plpgsql ${t.definer === false ? '' : `${DEFINER} `}AS $fn$${body}
$fn$;
CREATE TRIGGER ${t.trigger} ${t.on}
  FOR EACH ROW EXECUTE FUNCTION bcv.${t.fn}();`;
}

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

/**
 * ...and writable by an underwriter while the case is theirs and open. (Who wrote a row is
 * checked by a policy, not a CHECK constraint: a restore by another login must not fail.)
 */
const publishable = (table: string, also = 'true') => `${readableWithCase(table)}
CREATE POLICY ${table}_publish ON bcv.${table} FOR INSERT TO bcv_underwriter
  WITH CHECK (bcv.may_write(session_id) AND ${also});
GRANT INSERT ON bcv.${table} TO bcv_underwriter;`;

/** A catalogue row belongs to one snapshot of a case, and goes with it. */
const SNAPSHOT_COLUMNS = 'snapshot bigint NOT NULL,\n  session_id text NOT NULL';
const SNAPSHOT_KEY =
  'FOREIGN KEY (snapshot, session_id) REFERENCES bcv.snapshots (id, session_id) ON DELETE CASCADE';

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
  published_by name NOT NULL DEFAULT current_user,
  published_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (session_id, snapshot_id),
  UNIQUE (id, session_id)
);
CREATE INDEX snapshots_file ON bcv.snapshots (file_sha256);
${publishable('snapshots', 'published_by = current_user')}
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
  ${SNAPSHOT_COLUMNS},
  name text NOT NULL,
  ${SNAPSHOT_KEY}
);
CREATE INDEX holders_snapshot ON bcv.holders (snapshot);
CREATE TABLE bcv.accounts (
  ${SNAPSHOT_COLUMNS},
  account_id text NOT NULL,
  account_number text,
  account_key text,
  bank text,
  ifsc text,
  holder text,
  PRIMARY KEY (snapshot, account_id),
  ${SNAPSHOT_KEY}
);
CREATE INDEX accounts_key ON bcv.accounts (account_key);
CREATE TABLE bcv.transactions (
  id bigserial PRIMARY KEY,
  ${SNAPSHOT_COLUMNS},
  account_id text NOT NULL,
  tx_key text NOT NULL,
  date text NOT NULL,
  type text NOT NULL,
  amount_paise bigint NOT NULL,
  narration text NOT NULL,
  narration_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', narration)) STORED,
  UNIQUE (id, session_id),
  ${SNAPSHOT_KEY}
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
  ${SNAPSHOT_COLUMNS},
  kind text NOT NULL,
  key text NOT NULL,
  label text NOT NULL,
  tx_count integer NOT NULL,
  PRIMARY KEY (snapshot, kind, key),
  ${SNAPSHOT_KEY}
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
  sent_by name NOT NULL DEFAULT current_user,
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (session_id, event_id)
);
${readableWithCase('review_events')}
-- Notes and flags: any underwriter who reads the case while it is open (a submitted case is
-- locked for them); an approver on a case they read until it is purged.
CREATE POLICY review_events_underwriter ON bcv.review_events FOR INSERT TO bcv_underwriter
  WITH CHECK (sent_by = current_user
              AND session_id IN (SELECT c.session_id FROM bcv.cases c WHERE c.state = 'open'));
CREATE POLICY review_events_approver ON bcv.review_events FOR INSERT TO bcv_approver
  WITH CHECK (sent_by = current_user
              AND session_id IN (SELECT c.session_id FROM bcv.cases c WHERE c.state <> 'purged'));
GRANT INSERT ON bcv.review_events TO bcv_underwriter, bcv_approver;
`;

/** Whether the caller (a SECURITY DEFINER function's session_user) is an admin. */
const CALLER_IS_ADMIN =
  "EXISTS (SELECT 1 FROM bcv.members WHERE login = session_user AND role = 'admin')";

const MAKER_CHECKER = `
-- Assigning a case to an underwriter: an admin, or an approver of the case's team.
CREATE FUNCTION bcv.assign_case(p_session text, p_login name) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, bcv AS $fn$
DECLARE v_team text;
BEGIN
  SELECT team INTO v_team FROM bcv.cases WHERE session_id = p_session;
  IF v_team IS NULL THEN
    RAISE EXCEPTION 'no case %', p_session USING ERRCODE = '22023';
  END IF;
  IF NOT (${CALLER_IS_ADMIN} OR EXISTS (SELECT 1 FROM bcv.members WHERE login = session_user
          AND role = 'approver' AND v_team = ANY (approves_for))) THEN
    RAISE EXCEPTION 'only an admin or an approver of team % may assign its cases', v_team
      USING ERRCODE = '42501';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM bcv.members WHERE login = p_login AND role = 'underwriter') THEN
    RAISE EXCEPTION '% is not an underwriter of the team library', p_login USING ERRCODE = '22023';
  END IF;
  UPDATE bcv.cases SET assigned_to = p_login WHERE session_id = p_session;
END
$fn$;
REVOKE ALL ON FUNCTION bcv.assign_case(text, name) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bcv.assign_case(text, name) TO bcv_approver, bcv_admin;

-- The reasons a team's underwriters give, and its policy's limits (set by an admin).
CREATE TABLE bcv.reasons (
  team text NOT NULL,
  recommendation text NOT NULL CHECK (recommendation IN ('approve', 'decline', 'refer')),
  reason text NOT NULL CHECK (btrim(reason) <> ''),
  sub_reason text NOT NULL DEFAULT '',
  PRIMARY KEY (team, recommendation, reason, sub_reason)
);
CREATE TABLE bcv.policy_limits (
  team text NOT NULL,
  rule text NOT NULL CHECK (rule ~ '^[a-z][a-z0-9_]{0,40}$'),
  max_value numeric NOT NULL,
  label text NOT NULL,
  PRIMARY KEY (team, rule)
);
GRANT SELECT ON bcv.reasons, bcv.policy_limits TO ${ALL_ROLES};
GRANT INSERT, DELETE ON bcv.reasons TO bcv_admin;
GRANT INSERT, UPDATE, DELETE ON bcv.policy_limits TO bcv_admin;

-- The maker: an underwriter's recommendation, with a reason from the team's list.
CREATE TABLE bcv.submissions (
  id bigserial PRIMARY KEY,
  session_id text NOT NULL REFERENCES bcv.cases,
  team text NOT NULL,
  submitted_by name NOT NULL DEFAULT current_user,
  recommendation text NOT NULL,
  reason text NOT NULL,
  sub_reason text NOT NULL DEFAULT '',
  note text NOT NULL DEFAULT '',
  -- The case's figures the policy is checked against, e.g. {"foir_pct": 62.5}.
  figures jsonb NOT NULL DEFAULT '{}',
  submitted_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (id, submitted_by),
  UNIQUE (id, session_id),
  FOREIGN KEY (team, recommendation, reason, sub_reason) REFERENCES bcv.reasons
);
${readableWithCase('submissions')}
CREATE POLICY submissions_underwriter ON bcv.submissions FOR INSERT TO bcv_underwriter
  WITH CHECK (bcv.may_write(session_id)
              AND team = (SELECT c.team FROM bcv.cases c WHERE c.session_id = submissions.session_id));
GRANT INSERT (id, session_id, team, recommendation, reason, sub_reason, note, figures)
  ON bcv.submissions TO bcv_underwriter;
GRANT USAGE ON SEQUENCE bcv.submissions_id_seq TO bcv_underwriter;

-- A figure over the team's limit: a deviation an approver (not its maker) must approve.
CREATE TABLE bcv.deviations (
  id bigserial PRIMARY KEY,
  submission_id bigint NOT NULL REFERENCES bcv.submissions,
  session_id text NOT NULL REFERENCES bcv.cases,
  team text NOT NULL,
  rule text NOT NULL,
  label text NOT NULL,
  value numeric NOT NULL,
  max_value numeric NOT NULL,
  raised_by name NOT NULL,
  approved_by name,
  approval_reason text,
  approved_at timestamptz,
  CONSTRAINT deviation_not_by_its_maker CHECK (approved_by IS NULL OR approved_by <> raised_by),
  CONSTRAINT deviation_approval_whole CHECK (
    (approved_by IS NULL) = (approved_at IS NULL)
    AND (approved_by IS NULL OR btrim(coalesce(approval_reason, '')) <> ''))
);
${readableWithCase('deviations')}
CREATE POLICY deviations_approve ON bcv.deviations FOR UPDATE TO bcv_approver
  USING (approved_by IS NULL AND team = ANY (${MY('approves_for')}::text[]))
  WITH CHECK (approved_by = current_user);
GRANT UPDATE (approved_by, approval_reason, approved_at) ON bcv.deviations TO bcv_approver;

-- The checker: an approver's decision with a reason; never on their own recommendation.
CREATE TABLE bcv.decisions (
  session_id text PRIMARY KEY REFERENCES bcv.cases,
  submission_id bigint NOT NULL,
  submitted_by name NOT NULL,
  decided_by name NOT NULL DEFAULT current_user,
  decision text NOT NULL CHECK (decision IN ('approve', 'decline', 'refer')),
  reason text NOT NULL CHECK (btrim(reason) <> ''),
  decided_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (submission_id, submitted_by) REFERENCES bcv.submissions (id, submitted_by),
  FOREIGN KEY (submission_id, session_id) REFERENCES bcv.submissions (id, session_id),
  CONSTRAINT no_one_decides_their_own CHECK (decided_by <> submitted_by)
);
${readableWithCase('decisions')}
CREATE POLICY decisions_approver ON bcv.decisions FOR INSERT TO bcv_approver
  WITH CHECK (decided_by = current_user
              AND session_id IN (SELECT c.session_id FROM bcv.cases c WHERE c.state = 'submitted'
                                 AND c.team = ANY (${MY('approves_for')}::text[])));
GRANT INSERT (session_id, submission_id, submitted_by, decision, reason) ON bcv.decisions TO bcv_approver;

-- A submission locks the case and raises its deviations; a decision closes it.
${rowTrigger(
  { trigger: 'submission_locks', on: 'AFTER INSERT ON bcv.submissions', fn: 'on_submission' },
  `
BEGIN
  UPDATE bcv.cases SET state = 'submitted' WHERE session_id = NEW.session_id;
  INSERT INTO bcv.deviations (submission_id, session_id, team, rule, label, value, max_value, raised_by)
  SELECT NEW.id, NEW.session_id, NEW.team, p.rule, p.label, (NEW.figures ->> p.rule)::numeric,
         p.max_value, NEW.submitted_by
  FROM bcv.policy_limits p
  WHERE p.team = NEW.team AND jsonb_typeof(NEW.figures -> p.rule) = 'number'
    AND (NEW.figures ->> p.rule)::numeric > p.max_value;
  RETURN NEW;
END`,
)}

${rowTrigger(
  { trigger: 'decision_checks', on: 'BEFORE INSERT ON bcv.decisions', fn: 'before_decision' },
  `
DECLARE d record;
BEGIN
  IF NEW.submission_id <> (SELECT max(id) FROM bcv.submissions WHERE session_id = NEW.session_id) THEN
    RAISE EXCEPTION 'a decision answers the case''s latest submission' USING ERRCODE = '23514';
  END IF;
  IF NEW.decision = 'approve' THEN
    SELECT * INTO d FROM bcv.deviations
    WHERE submission_id = NEW.submission_id AND approved_by IS NULL ORDER BY id LIMIT 1;
    IF FOUND THEN
      RAISE EXCEPTION 'deviation % (% %, over the limit %) is not approved: it must be approved before the case is',
        d.id, d.label, d.value, d.max_value USING ERRCODE = '23514';
    END IF;
  END IF;
  RETURN NEW;
END`,
)}

${rowTrigger(
  { trigger: 'decision_closes', on: 'AFTER INSERT ON bcv.decisions', fn: 'on_decision' },
  `
BEGIN
  UPDATE bcv.cases SET state = 'decided', decided_at = NEW.decided_at WHERE session_id = NEW.session_id;
  RETURN NEW;
END`,
)}

${rowTrigger(
  {
    trigger: 'deviation_approved_at',
    on: 'BEFORE UPDATE ON bcv.deviations',
    fn: 'before_deviation_approval',
    definer: false,
  },
  `
BEGIN
  NEW.approved_at := now();
  RETURN NEW;
END`,
)}
`;

/** Actions the app reports itself (the rest are written by the server's own triggers). */
export const REPORTED_ACTIONS = ['open', 'search', 'export', 'login'] as const;
export type ReportedAction = (typeof REPORTED_ACTIONS)[number];

export const AUDIT_GENESIS = '0'.repeat(64);

const AUDIT = `
-- The audit trail: one row per team action, each holding the SHA-256 of the row before and
-- of its own content (see bcv.audit_text); nobody the app uses may change or remove a row.
CREATE TABLE bcv.audit (
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  actor name NOT NULL,
  action text NOT NULL,
  session_id text,
  detail jsonb NOT NULL DEFAULT '{}',
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_case ON bcv.audit (session_id, seq);
ALTER TABLE bcv.audit ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_everything ON bcv.audit FOR SELECT TO bcv_auditor, bcv_admin USING (true);
CREATE POLICY audit_of_my_cases ON bcv.audit FOR SELECT TO bcv_underwriter, bcv_approver
  USING (session_id IN (SELECT c.session_id FROM bcv.cases c));
REVOKE ALL ON bcv.audit FROM PUBLIC;
GRANT SELECT ON bcv.audit TO ${ALL_ROLES};

-- What a row's hash covers, one field a line (the app recomputes it to verify the chain).
CREATE FUNCTION bcv.audit_text(p_seq bigint, p_at timestamptz, p_actor name, p_action text,
  p_session text, p_detail jsonb, p_prev text) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog AS $fn$
  SELECT p_seq::text || E'\n' || to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
    || E'\n' || p_actor || E'\n' || p_action || E'\n' || coalesce(p_session, '') || E'\n'
    || p_detail::text || E'\n' || p_prev
$fn$;

CREATE FUNCTION bcv.audit_write(p_action text, p_session text, p_detail jsonb) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, bcv AS $fn$
DECLARE
  v_seq bigint;
  v_prev text;
  v_at timestamptz := date_trunc('microseconds', clock_timestamp());
BEGIN
  -- One writer at a time: each row follows the one before it.
  PERFORM pg_advisory_xact_lock(hashtext('bcv.audit'));
  SELECT seq, hash INTO v_seq, v_prev FROM bcv.audit ORDER BY seq DESC LIMIT 1;
  v_seq := coalesce(v_seq, 0) + 1;
  v_prev := coalesce(v_prev, repeat('0', 64));
  INSERT INTO bcv.audit (seq, at, actor, action, session_id, detail, prev_hash, hash)
  VALUES (v_seq, v_at, session_user, p_action, p_session, coalesce(p_detail, '{}'), v_prev,
    encode(sha256(convert_to(bcv.audit_text(v_seq, v_at, session_user, p_action, p_session,
      coalesce(p_detail, '{}'), v_prev), 'UTF8')), 'hex'));
  RETURN v_seq;
END
$fn$;
REVOKE ALL ON FUNCTION bcv.audit_write(text, text, jsonb) FROM PUBLIC;

-- What the app reports (opening, searching, exporting, logging in): any member.
CREATE FUNCTION bcv.audit_report(p_action text, p_session text, p_detail jsonb) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, bcv AS $fn$
BEGIN
  IF p_action NOT IN ('open', 'search', 'export', 'login') THEN
    RAISE EXCEPTION 'the app reports only open, search, export and login' USING ERRCODE = '22023';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM bcv.members WHERE login = session_user) THEN
    RAISE EXCEPTION 'only a member reports to the audit trail' USING ERRCODE = '42501';
  END IF;
  RETURN bcv.audit_write(p_action, p_session, p_detail);
END
$fn$;
REVOKE ALL ON FUNCTION bcv.audit_report(text, text, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bcv.audit_report(text, text, jsonb) TO ${ALL_ROLES};

-- Append-only, even for the schema's owner (short of dropping the trigger, which itself
-- is a change a DBA makes on purpose and the chain then shows).
CREATE FUNCTION bcv.audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only: % refused', TG_OP USING ERRCODE = '42501';
END
$fn$;
CREATE TRIGGER audit_no_update_delete BEFORE UPDATE OR DELETE ON bcv.audit
  FOR EACH ROW EXECUTE FUNCTION bcv.audit_is_append_only();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON bcv.audit
  FOR EACH STATEMENT EXECUTE FUNCTION bcv.audit_is_append_only();

-- The server's own actions are recorded by the server.
CREATE FUNCTION bcv.audit_row() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, bcv AS $fn$
BEGIN
  CASE TG_TABLE_NAME
    WHEN 'snapshots' THEN
      PERFORM bcv.audit_write('publish', NEW.session_id,
        jsonb_build_object('snapshot', NEW.snapshot_id, 'file_sha256', NEW.file_sha256));
    WHEN 'review_events' THEN
      PERFORM bcv.audit_write(CASE WHEN NEW.change ->> 'kind' IN ('note', 'verdict') THEN 'note' ELSE 'flag' END,
        NEW.session_id, jsonb_build_object('event', NEW.event_id, 'kind', NEW.change ->> 'kind'));
    WHEN 'submissions' THEN
      PERFORM bcv.audit_write('submission', NEW.session_id,
        jsonb_build_object('submission', NEW.id, 'recommendation', NEW.recommendation,
          'reason', NEW.reason, 'sub_reason', NEW.sub_reason, 'figures', NEW.figures));
    WHEN 'deviations' THEN
      PERFORM bcv.audit_write('deviation', NEW.session_id,
        jsonb_build_object('deviation', NEW.id, 'rule', NEW.rule, 'value', NEW.value,
          'approved_by', NEW.approved_by, 'reason', NEW.approval_reason));
    WHEN 'decisions' THEN
      PERFORM bcv.audit_write('decision', NEW.session_id,
        jsonb_build_object('submission', NEW.submission_id, 'decision', NEW.decision, 'reason', NEW.reason));
    WHEN 'cases' THEN
      IF NEW.assigned_to IS DISTINCT FROM OLD.assigned_to THEN
        PERFORM bcv.audit_write('assign', NEW.session_id, jsonb_build_object('to', NEW.assigned_to));
      END IF;
    WHEN 'members' THEN
      PERFORM bcv.audit_write('member', NULL, jsonb_build_object('login', NEW.login, 'role', NEW.role,
        'team', NEW.team, 'branch', NEW.branch, 'approves_for', NEW.approves_for));
  END CASE;
  RETURN NEW;
END
$fn$;
CREATE TRIGGER audit_publish AFTER INSERT ON bcv.snapshots FOR EACH ROW EXECUTE FUNCTION bcv.audit_row();
CREATE TRIGGER audit_review AFTER INSERT ON bcv.review_events FOR EACH ROW EXECUTE FUNCTION bcv.audit_row();
CREATE TRIGGER audit_submission AFTER INSERT ON bcv.submissions FOR EACH ROW EXECUTE FUNCTION bcv.audit_row();
CREATE TRIGGER audit_deviation AFTER UPDATE ON bcv.deviations FOR EACH ROW EXECUTE FUNCTION bcv.audit_row();
CREATE TRIGGER audit_decision AFTER INSERT ON bcv.decisions FOR EACH ROW EXECUTE FUNCTION bcv.audit_row();
CREATE TRIGGER audit_assign AFTER UPDATE ON bcv.cases FOR EACH ROW EXECUTE FUNCTION bcv.audit_row();
CREATE TRIGGER audit_member AFTER INSERT OR UPDATE ON bcv.members FOR EACH ROW EXECUTE FUNCTION bcv.audit_row();
`;

const DETAILS = `
-- A transaction's other text (ref, channel, category, description), searched as the local
-- catalogue searches it: "EMI" finds a debit categorised "Loan EMI".
ALTER TABLE bcv.transactions ADD COLUMN details text NOT NULL DEFAULT '';
ALTER TABLE bcv.transactions ADD COLUMN details_tsv tsvector
  GENERATED ALWAYS AS (to_tsvector('simple', details)) STORED;
CREATE INDEX transactions_details ON bcv.transactions USING gin (details_tsv);
`;

const RETENTION = `
-- The team's retention policy: a decided case's data is purged this many days after its
-- decision (the decision, its submission and deviations, and the audit trail are kept).
CREATE TABLE bcv.settings (
  key text PRIMARY KEY CHECK (key IN ('retention_days')),
  value jsonb NOT NULL,
  CHECK (key <> 'retention_days' OR (jsonb_typeof(value) = 'number' AND value::text::numeric >= 0))
);
GRANT SELECT ON bcv.settings TO ${ALL_ROLES};
GRANT INSERT, UPDATE ON bcv.settings TO bcv_admin;

-- The decided cases past the policy now (none while no policy is set).
CREATE FUNCTION bcv.purge_due() RETURNS TABLE (session_id text, team text, owner name,
  decided_at timestamptz, snapshots integer)
LANGUAGE sql STABLE AS $fn$
  SELECT c.session_id, c.team, c.owner, c.decided_at,
         (SELECT count(*)::int FROM bcv.snapshots s WHERE s.session_id = c.session_id)
  FROM bcv.cases c, bcv.settings r
  WHERE r.key = 'retention_days' AND c.state = 'decided'
    AND c.decided_at + make_interval(days => (r.value::text::numeric)::int) <= now()
  ORDER BY c.decided_at, c.session_id
$fn$;

-- Purges one case's data: files (unless another case's snapshot names them), snapshots and
-- their catalogue rows, review events, holder names. An admin only, and only when due.
CREATE FUNCTION bcv.purge_case(p_session text, p_detail jsonb) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, bcv AS $fn$
DECLARE
  v_files text[];
  v_snapshots integer;
BEGIN
  IF NOT ${CALLER_IS_ADMIN} THEN
    RAISE EXCEPTION 'only a team admin may purge' USING ERRCODE = '42501';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM bcv.purge_due() d WHERE d.session_id = p_session) THEN
    RAISE EXCEPTION 'case % is not due for purging under the retention policy', p_session
      USING ERRCODE = '23514';
  END IF;
  SELECT array_agg(DISTINCT file_sha256), count(*) INTO v_files, v_snapshots
  FROM bcv.snapshots WHERE session_id = p_session;
  DELETE FROM bcv.review_events WHERE session_id = p_session;
  DELETE FROM bcv.snapshots WHERE session_id = p_session;
  DELETE FROM bcv.blobs b WHERE b.sha256 = ANY (v_files)
    AND NOT EXISTS (SELECT 1 FROM bcv.snapshots s WHERE s.file_sha256 = b.sha256);
  UPDATE bcv.cases SET state = 'purged', purged_at = now(), holder_names = '{}'
  WHERE session_id = p_session;
  PERFORM bcv.audit_write('purge', p_session,
    coalesce(p_detail, '{}') || jsonb_build_object('snapshots', v_snapshots));
  RETURN v_snapshots;
END
$fn$;
REVOKE ALL ON FUNCTION bcv.purge_case(text, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bcv.purge_case(text, jsonb) TO bcv_admin;
`;

/**
 * bcv.search_ids' signature, its settings after the search path, and its declarations up to
 * BEGIN: every version of the function restates them (a replaced function is given whole).
 */
function searchIdsHead(
  create: 'CREATE' | 'CREATE OR REPLACE',
  settings: string,
  declarations: readonly string[],
): string {
  const declared = declarations.map((d) => `  ${d}\n`).join('');
  return `${create} FUNCTION bcv.search_ids(p_arm text, p_kind text, p_term text, p_amount bigint,
  p_from text, p_to text, p_limit integer) RETURNS SETOF bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, bcv, public${settings} AS $fn$
DECLARE
  v_from text;
  v_match text;
  v_filters text := '';
${declared}BEGIN`;
}

/** search_ids' settings from schema 8: no JIT, and a sequential scan left to the planner. */
const SEARCH_SETTINGS = '\nSET enable_seqscan = on SET jit = off';
/** search_ids' variables from schema 11 (the rare lexemes looked up first). */
const RARE_LEXEME_VARIABLES = [
  'v_common text[];',
  'v_rare text;',
  'v_lexemes integer;',
  'v_rare_lexemes integer;',
];

/** bcv.search_ids's arms: what each way of matching reads and the condition it matches by. */
const SEARCH_ARMS = `  CASE p_arm
    WHEN 'party' THEN
      v_from := 'bcv.parties p JOIN bcv.transactions t ON t.id = p.tx';
      v_match := 'p.kind = $1 AND p.key = $2';
    WHEN 'party-prefix' THEN
      v_from := 'bcv.parties p JOIN bcv.transactions t ON t.id = p.tx';
      v_match := 'p.kind = $1 AND p.key LIKE $2';
    WHEN 'narration' THEN
      v_from := 'bcv.transactions t';
      v_match := $m$t.narration_tsv @@ to_tsquery('simple', $2)$m$;
    WHEN 'details' THEN
      v_from := 'bcv.transactions t';
      v_match := $m$t.details_tsv @@ to_tsquery('simple', $2)$m$;
    ELSE
      RAISE EXCEPTION 'no search arm %', p_arm USING ERRCODE = '22023';
  END CASE;`;

/**
 * bcv.search_ids's end: the filters, the query under the caller's cases (given the lookup's
 * own values after the six parameters), and its grants.
 */
function searchQuery(more = ''): string {
  return `  IF p_amount IS NOT NULL THEN v_filters := v_filters || ' AND t.amount_paise = $3'; END IF;
  IF p_from IS NOT NULL THEN v_filters := v_filters || ' AND t.date >= $4'; END IF;
  IF p_to IS NOT NULL THEN v_filters := v_filters || ' AND t.date <= $5'; END IF;
  -- Planned for these values each time (a generic plan cannot tell a rare word from a
  -- common one).
  RETURN QUERY EXECUTE 'SELECT t.id FROM ' || v_from || ' WHERE ' || v_match || v_filters
    || ' AND t.session_id IN (SELECT bcv.readable_sessions()) LIMIT $6'
    USING p_kind, p_term, p_amount, p_from, p_to, p_limit${more};
END
$fn$;
REVOKE ALL ON FUNCTION bcv.search_ids(text, text, text, bigint, text, text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bcv.search_ids(text, text, text, bigint, text, text, integer) TO ${ALL_ROLES};`;
}
const SEARCH_QUERY = searchQuery();

const SEARCH_LOOKUPS = `
-- Row-level security lets an index serve only "leakproof" conditions: text equality does,
-- but LIKE and full-text @@ do not, so under the policies a word or a name prefix is found
-- by reading every row (seconds at a lender's size). The lookups below run as the schema's
-- owner, so their indexes serve, and keep to the cases the caller reads, by the same rules
-- as the cases' policies (a test compares the two for every role). They answer transaction
-- ids only: the rows themselves are then read under the policies.
CREATE FUNCTION bcv.readable_sessions() RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, bcv AS $fn$
  SELECT c.session_id FROM bcv.cases c JOIN bcv.members m ON m.login = session_user
  WHERE m.role IN ('auditor', 'admin')
     OR (m.role = 'underwriter' AND pg_has_role(session_user, 'bcv_underwriter', 'MEMBER')
         AND (c.team = m.team OR c.owner = session_user OR c.assigned_to = session_user))
     OR (m.role = 'approver' AND pg_has_role(session_user, 'bcv_approver', 'MEMBER')
         AND c.team = ANY (m.approves_for))
$fn$;
REVOKE ALL ON FUNCTION bcv.readable_sessions() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bcv.readable_sessions() TO ${ALL_ROLES};

-- One way the text can match ("arm"): party (exact key), party-prefix (LIKE pattern),
-- narration or details (a tsquery); with the amount and date filters; at most p_limit ids.
${searchIdsHead('CREATE', '', [])}
${SEARCH_ARMS}
${SEARCH_QUERY}
`;

/** A word's lookup by its index unless every word is one the statistics know as common. */
const WORDS_BY_INDEX = `  IF p_arm IN ('narration', 'details') THEN
    -- A word's rows come from its index (at the cost of its posting list) or from reading
    -- rows until the page is full (at the cost of what is read). The planner chooses well
    -- for words its statistics name as common; for any other (a rare word, a prefix, a word
    -- in no row) it guesses, and a wrong guess reads the whole book for a word that is
    -- nowhere. So unless every word is one the statistics know as common, the index.
    SELECT s.most_common_elems::text::text[] INTO v_common FROM pg_stats s
    WHERE s.schemaname = 'bcv' AND s.tablename = 'transactions' AND s.attname = p_arm || '_tsv';
    IF EXISTS (
      SELECT 1 FROM regexp_matches(p_term, $re$'((?:[^']|'')*)'(:\\*)?$re$, 'g') AS w(m)
      WHERE NOT EXISTS (
        SELECT 1 FROM unnest(coalesce(v_common, '{}')) AS c(lexeme)
        WHERE c.lexeme = replace(w.m[1], '''''', '''')
           OR (w.m[2] IS NOT NULL AND starts_with(c.lexeme, replace(w.m[1], '''''', '''')))
      )
    ) THEN
      PERFORM set_config('enable_seqscan', 'off', true); -- for this call only (see SET above)
    END IF;
  END IF;`;

const SEARCH_BY_INDEX = `
-- A name's prefix by a B-tree range (LIKE 'MEERA IY%' reads the names from MEERA IY on and
-- stops at the page size); the trigram index answers it only by every name sharing a
-- trigram with it.
CREATE INDEX parties_key_prefix ON bcv.parties (kind, key text_pattern_ops);

-- Lookups without JIT (compiling a plan cost more than running these ones), and a word's
-- lookup never left to a guess that reads the whole book.
${searchIdsHead('CREATE OR REPLACE', SEARCH_SETTINGS, ['v_common text[];'])}
${SEARCH_ARMS}
${WORDS_BY_INDEX}
${SEARCH_QUERY}
`;

const FINBOX_REPORTS = `
-- FinBox's own report files (its links last an hour, its files are deleted later), kept with
-- the snapshot they came with: each file stored once in bcv.blobs, read by whoever reads the
-- case, gone with the snapshot's other data when the case is purged.
CREATE TABLE bcv.finbox_reports (
  ${SNAPSHOT_COLUMNS},
  position integer NOT NULL CHECK (position >= 0),
  account_id text,
  file_sha256 text NOT NULL REFERENCES bcv.blobs,
  kept_at text NOT NULL,
  PRIMARY KEY (snapshot, position),
  ${SNAPSHOT_KEY}
);
CREATE INDEX finbox_reports_file ON bcv.finbox_reports (file_sha256);
${publishable('finbox_reports')}
CREATE POLICY blobs_read_reports ON bcv.blobs FOR SELECT TO ${ALL_ROLES}
  USING (sha256 IN (SELECT r.file_sha256 FROM bcv.finbox_reports r));
${rowTrigger(
  {
    trigger: 'finbox_report_file_goes',
    on: 'AFTER DELETE ON bcv.finbox_reports',
    fn: 'drop_report_file',
  },
  `
BEGIN
  DELETE FROM bcv.blobs b WHERE b.sha256 = OLD.file_sha256
    AND NOT EXISTS (SELECT 1 FROM bcv.finbox_reports r WHERE r.file_sha256 = b.sha256)
    AND NOT EXISTS (SELECT 1 FROM bcv.snapshots s WHERE s.file_sha256 = b.sha256);
  RETURN OLD;
END`,
)}
`;

const PARTY_CASES = `
-- Each party (kind and key) with the cases naming it, one row a case: "seen elsewhere" reads
-- a party's cases from this index instead of gathering every snapshot's rows and
-- de-duplicating them. Kept by the snapshots' party rows (publishing adds, a purge's cascade
-- removes), counting the case's snapshots that name the party so a case's row goes with its
-- last one.
CREATE TABLE bcv.party_cases (
  kind text NOT NULL,
  key text NOT NULL,
  session_id text NOT NULL,
  snapshots integer NOT NULL CHECK (snapshots > 0),
  PRIMARY KEY (kind, key, session_id)
);
${readableWithCase('party_cases')}
INSERT INTO bcv.party_cases (kind, key, session_id, snapshots)
SELECT kind, key, session_id, count(*) FROM bcv.snapshot_parties GROUP BY kind, key, session_id;

CREATE FUNCTION bcv.party_cases_add() RETURNS trigger
LANGUAGE plpgsql ${DEFINER} AS $fn$
BEGIN
  INSERT INTO bcv.party_cases AS pc (kind, key, session_id, snapshots)
  SELECT kind, key, session_id, count(*) FROM added GROUP BY kind, key, session_id
  ON CONFLICT (kind, key, session_id) DO UPDATE SET snapshots = pc.snapshots + EXCLUDED.snapshots;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER party_cases_add AFTER INSERT ON bcv.snapshot_parties
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION bcv.party_cases_add();

CREATE FUNCTION bcv.party_cases_remove() RETURNS trigger
LANGUAGE plpgsql ${DEFINER} AS $fn$
BEGIN
  -- The last snapshots naming the party go first, so the update counts down only the rest.
  DELETE FROM bcv.party_cases pc
  USING (SELECT kind, key, session_id, count(*) AS n FROM removed GROUP BY kind, key, session_id) r
  WHERE pc.kind = r.kind AND pc.key = r.key AND pc.session_id = r.session_id AND pc.snapshots <= r.n;
  UPDATE bcv.party_cases pc SET snapshots = pc.snapshots - r.n
  FROM (SELECT kind, key, session_id, count(*) AS n FROM removed GROUP BY kind, key, session_id) r
  WHERE pc.kind = r.kind AND pc.key = r.key AND pc.session_id = r.session_id;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER party_cases_remove AFTER DELETE ON bcv.snapshot_parties
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION bcv.party_cases_remove();
`;

/**
 * A word's query narrowed to the index of its lexemes the statistics do not know as common
 * (`indexed`: the words as the index holds them, a format() template of the column's name).
 */
const rareLexemes = (indexed: string) => `  IF p_arm IN ('narration', 'details') THEN
    SELECT string_agg(quote_literal(l.lexeme) || l.prefix, ' & ') FILTER (WHERE l.rare),
           count(*), count(*) FILTER (WHERE l.rare)
      INTO v_rare, v_lexemes, v_rare_lexemes
    FROM (
      SELECT x.lexeme, w.prefix,
             NOT x.lexeme = ANY (coalesce(v_common, '{}'))
             AND (w.prefix = '' OR NOT EXISTS (
               SELECT 1 FROM unnest(coalesce(v_common, '{}')) AS c(lexeme)
               WHERE starts_with(c.lexeme, x.lexeme))) AS rare
      FROM regexp_matches(p_term, $re$'((?:[^']|'')*)'(:\\*)?$re$, 'g') AS m(m)
      CROSS JOIN LATERAL (SELECT replace(m.m[1], '''''', '''') AS word,
                                 coalesce(m.m[2], '') AS prefix) w
      CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector('simple', w.word))) AS x(lexeme)
    ) l;
    IF v_rare_lexemes > 0 AND v_rare_lexemes < v_lexemes THEN
      v_match := format(
        '${indexed} @@ to_tsquery(''simple'', %2$L) AND ts_match_vq(t.%1$I, to_tsquery(''simple'', $2))',
        p_arm || '_tsv', v_rare);
    END IF;
  END IF;`;

const RARE_LEXEMES_FIRST = `
-- A word the server's parser splits (a UPI handle: 'asha1234@ybl' is 'asha1234' and 'ybl')
-- or several words together are found by the index of the lexemes the statistics do not know
-- as common ('asha1234'), the whole query then checked on those rows only: 'ybl', in every
-- UPI narration, would otherwise have its whole posting list read. (A prefix counts as
-- common when a common lexeme starts with it.) Every lexeme of the query is required, so the
-- rows with the rare ones hold every answer.
${searchIdsHead('CREATE OR REPLACE', SEARCH_SETTINGS, RARE_LEXEME_VARIABLES)}
${SEARCH_ARMS}
${WORDS_BY_INDEX}
${rareLexemes('t.%1$I')}
${SEARCH_QUERY}
`;

/** A calendar date as the app writes it (YYYY-MM-DD, a real month): a month names its dates. */
const CALENDAR_DATE = '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$';

/**
 * The lookup narrowed by its dates: a name's party rows by their date; a word's rows by the
 * month lexemes its index holds, for a range of up to twelve months (a longer one reads as
 * before).
 */
const DATED_LOOKUP = `  IF p_arm IN ('party', 'party-prefix') THEN
    IF p_from IS NOT NULL THEN v_match := v_match || ' AND p.date >= $4'; END IF;
    IF p_to IS NOT NULL THEN v_match := v_match || ' AND p.date <= $5'; END IF;
  ELSIF p_from ~ '${CALENDAR_DATE}' AND p_to ~ '${CALENDAR_DATE}' THEN
    v_first := substr(p_from, 1, 4)::integer * 12 + substr(p_from, 6, 2)::integer - 1;
    v_last := substr(p_to, 1, 4)::integer * 12 + substr(p_to, 6, 2)::integer - 1;
    IF v_last >= v_first AND v_last - v_first < 12 THEN
      SELECT string_agg(quote_literal(' ' || lpad((m / 12)::text, 4, '0') || '-'
               || lpad((m % 12 + 1)::text, 2, '0')), ' | ')::tsquery
        INTO v_months FROM generate_series(v_first, v_last) AS m;
      v_match := v_match || format(' AND bcv.words_in_month(t.%I, t.date) @@ $7', p_arm || '_tsv');
    END IF;
  END IF;`;

const DATED_SEARCH = `
-- A name or a word within dates (ASHA SHARMA in June) read every row of the name or the word
-- before the dates kept a tenth of them: neither the party rows nor the words' indexes held
-- the date. Now a name's party rows hold their transaction's date (the foreign key makes it
-- the transaction's own), indexed after the name, and the words' indexes hold each row's
-- month as one more lexeme; so the lookup reads the dates' rows only.

-- Every transaction's date is a calendar date (the app writes nothing else): so a date range
-- is within its months, whatever the server's collation.
ALTER TABLE bcv.transactions ADD CONSTRAINT transactions_date_is_a_calendar_date
  CHECK (date ~ '${CALENDAR_DATE}');

-- A transaction's words with its month as a lexeme (' 2023-06'): no text makes a lexeme
-- starting with a space, so no word's query matches a month and no month a word.
CREATE FUNCTION bcv.words_in_month(words tsvector, date text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN words || array_to_tsvector(ARRAY[' ' || left(date, 7)]);
DROP INDEX bcv.transactions_narration;
CREATE INDEX transactions_narration ON bcv.transactions
  USING gin (bcv.words_in_month(narration_tsv, date));
DROP INDEX bcv.transactions_details;
CREATE INDEX transactions_details ON bcv.transactions
  USING gin (bcv.words_in_month(details_tsv, date));

-- The party rows' date, filled with their indexes set aside (rebuilt once after).
ALTER TABLE bcv.parties DROP CONSTRAINT parties_tx_session_id_fkey;
DROP INDEX bcv.parties_key, bcv.parties_key_prefix, bcv.parties_key_trgm, bcv.parties_tx;
ALTER TABLE bcv.parties ADD COLUMN date text;
UPDATE bcv.parties p SET date = t.date FROM bcv.transactions t WHERE t.id = p.tx;
ALTER TABLE bcv.parties ALTER COLUMN date SET NOT NULL;
ALTER TABLE bcv.transactions DROP CONSTRAINT transactions_id_session_id_key;
ALTER TABLE bcv.transactions ADD CONSTRAINT transactions_id_session_id_date_key
  UNIQUE (id, session_id, date);
ALTER TABLE bcv.parties ADD CONSTRAINT parties_tx_session_id_date_fkey
  FOREIGN KEY (tx, session_id, date) REFERENCES bcv.transactions (id, session_id, date)
  ON DELETE CASCADE;
CREATE INDEX parties_tx ON bcv.parties (tx);
CREATE INDEX parties_key_trgm ON bcv.parties USING gin (key public.gin_trgm_ops);
-- A name (or its prefix) and its dates, the transaction in the index (an index-only scan).
CREATE INDEX parties_key_date ON bcv.parties (kind, key text_pattern_ops, date) INCLUDE (tx);

-- A word typed as a prefix ('sharma':*) is gathered from the index into a bitmap of its rows;
-- past work_mem the bitmap keeps pages, not rows, and the month is then checked only on the
-- rows read. 32 MB keeps it exact up to about 500,000 pages of transactions (13 million rows).
${searchIdsHead('CREATE OR REPLACE', `${SEARCH_SETTINGS} SET work_mem = '32MB'`, [
  ...RARE_LEXEME_VARIABLES,
  'v_first integer;',
  'v_last integer;',
  'v_months tsquery;',
])}
${SEARCH_ARMS}
  IF p_arm IN ('narration', 'details') THEN -- the words as their index now holds them
    v_match := format('bcv.words_in_month(t.%I, t.date) @@ to_tsquery(''simple'', $2)',
      p_arm || '_tsv');
  END IF;
${WORDS_BY_INDEX}
${rareLexemes('bcv.words_in_month(t.%1$I, t.date)')}
${DATED_LOOKUP}
${searchQuery(', v_months')}
`;

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'members and roles', sql: FOUNDATION },
  { version: 2, name: 'cases, files, catalogue rows and reviews', sql: CASES },
  { version: 3, name: 'assignment, submissions, deviations and decisions', sql: MAKER_CHECKER },
  { version: 4, name: 'the audit trail', sql: AUDIT },
  { version: 5, name: "transactions' other text, searched", sql: DETAILS },
  { version: 6, name: 'retention policy and purging', sql: RETENTION },
  { version: 7, name: 'search lookups served by their indexes', sql: SEARCH_LOOKUPS },
  { version: 8, name: 'search lookups that never read the whole book', sql: SEARCH_BY_INDEX },
  { version: 9, name: "FinBox's report files kept with the case", sql: FINBOX_REPORTS },
  { version: 10, name: 'the cases naming each party', sql: PARTY_CASES },
  { version: 11, name: 'words found by their rare lexemes first', sql: RARE_LEXEMES_FIRST },
  { version: 12, name: 'a name or a word looked up within its dates', sql: DATED_SEARCH },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
