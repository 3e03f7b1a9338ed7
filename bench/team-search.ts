// The team library's search at the size of a lender's book: a throwaway PostgreSQL cluster
// (the tests' own, with TLS), a team library grown to 500, 1,000 and 2,000 cases of 2,000
// transactions each, and at each size the bench's searches timed as an auditor (who reads
// the whole book, the slowest case for row-level security) through core's searchTeam and
// seenInTeam. Target: the slowest search under 100 ms at 2,000 cases. At each size it also
// times publishing a snapshot of 2,000 transactions through core's publishSnapshot as an
// underwriter (what the search's indexes cost a write), then removes what it published.
//
//   TSX_TSCONFIG_PATH=tsconfig.node.json node --import tsx bench/team-search.ts \
//     [--sizes 500,1000,2000] [--transactions 2000] [--reps 5]
//
// The rows are generated on the server (one transaction in ten with a shared counterparty,
// the rest with the case's own) (INSERT ... SELECT as the schema's owner): publishing
// 4 million transactions through `bcv team publish` would measure the publishing instead.
import { rm } from 'node:fs/promises';
import { counterpartyKey } from '../src/shared/insights/counterparty';
import { Library } from '../src/core/library/store';
import { ReviewStore } from '../src/core/review/store';
import { publishSnapshot } from '../src/core/team/cases';
import { searchTeam, seenInTeam } from '../src/core/team/search';
import type { CatalogueQuery } from '../src/shared/catalogue/types';
import type { SessionView } from '../src/shared/model/view-model';
import { caseInput, type Txn } from '../tests/unit/catalogue/helpers';
import { tempDir } from '../tests/unit/library/helpers';
import { connectAs, setUpTeam } from '../tests/integration/support/team-logins';
import {
  startTeamCluster,
  teamClusterUnavailable,
} from '../tests/integration/support/team-cluster';
import { growthExponent, median } from './lib/stats';

const FIRST = [
  'ASHA',
  'RAVI',
  'MEERA',
  'SURESH',
  'KAVITA',
  'ANIL',
  'PRIYA',
  'RAJESH',
  'DEEPA',
  'VIJAY',
  'LATA',
  'MOHAN',
  'SUNITA',
  'ARUN',
  'GEETA',
  'KIRAN',
  'NEHA',
  'SANJAY',
  'POOJA',
  'RAHUL',
];
const LAST = [
  'SHARMA',
  'PATIL',
  'IYER',
  'REDDY',
  'GUPTA',
  'NAIR',
  'JOSHI',
  'DESAI',
  'KULKARNI',
  'MEHTA',
  'RAO',
  'SINGH',
  'VERMA',
  'PILLAI',
  'BOSE',
  'DAS',
  'KHAN',
  'SHETTY',
  'MISHRA',
  'SAXENA',
];
const TRADES = [
  'TRADERS',
  'ENTERPRISES',
  'STORES',
  'AGENCIES',
  'MOTORS',
  'FOODS',
  'TEXTILES',
  'PHARMA',
  'STEEL',
  'ELECTRICALS',
];

interface Options {
  sizes: number[];
  transactions: number;
  reps: number;
}

function options(argv: readonly string[]): Options {
  const o: Options = { sizes: [500, 1000, 2000], transactions: 2000, reps: 5 };
  for (let i = 0; i < argv.length; i += 2) {
    const value = argv[i + 1] ?? '';
    if (argv[i] === '--sizes') o.sizes = value.split(',').map(Number);
    else if (argv[i] === '--transactions') o.transactions = Number(value);
    else if (argv[i] === '--reps') o.reps = Number(value);
    else throw new Error(`unknown flag ${argv[i]}`);
  }
  return o;
}

/**
 * Counterparties, a person or a firm, with a UPI handle and an account number: 4,000 any
 * case may pay (merchants, utilities, common payees), then 60 of each case's own (its
 * employer, family, suppliers), whose names recur across cases as Indian names do.
 */
const SHARED_PARTIES = 4000;
const OWN_PARTIES = 60;

function counterparties(cases: number) {
  const out: { name: string; key: string; handle: string; account: string }[] = [];
  for (let i = 0; i < SHARED_PARTIES + cases * OWN_PARTIES; i++) {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
    const trade = TRADES[Math.floor(i / 400) % TRADES.length]!;
    const name = i % 2 === 0 ? `${first} ${last}` : `${first} ${last} ${trade}`;
    out.push({
      name,
      key: counterpartyKey(name),
      handle: `${first.toLowerCase()}${i}@ybl`,
      account: String(30_000_000_000 + i * 7919),
    });
  }
  return out;
}

async function grow(
  superQuery: (sql: string, params?: unknown[]) => Promise<unknown>,
  from: number,
  to: number,
  perCase: number,
): Promise<void> {
  // Cases, files (the bytes' SHA-256 computed by the server, as its check wants), snapshots.
  await superQuery(
    `INSERT INTO bcv.cases (session_id, team, branch, owner, state, holder_names)
     SELECT 'bench-' || i, 'team-' || (i % 20), 'branch-' || (i % 5), 'owner' || (i % 40), 'open',
            ARRAY['APPLICANT ' || i]
     FROM generate_series($1::int, $2::int) i`,
    [from, to - 1],
  );
  await superQuery(
    `INSERT INTO bcv.blobs (sha256, bytes)
     SELECT encode(sha256(convert_to('bench file ' || i, 'UTF8')), 'hex'), convert_to('bench file ' || i, 'UTF8')
     FROM generate_series($1::int, $2::int) i`,
    [from, to - 1],
  );
  await superQuery(
    `INSERT INTO bcv.snapshots (session_id, snapshot_id, file_sha256, data_sha256, fetched_at, record, published_by)
     SELECT 'bench-' || i, 'snap-' || i, encode(sha256(convert_to('bench file ' || i, 'UTF8')), 'hex'),
            'data-' || i, '2026-11-20T10:00:00.000Z', '{}', 'owner' || (i % 40)
     FROM generate_series($1::int, $2::int) i`,
    [from, to - 1],
  );
  // Each case's transactions: a counterparty picked by a hash of (case, row), its UPI
  // narration, an amount in paise and a date in 2023.
  for (let start = from; start < to; start += 100) {
    const end = Math.min(to, start + 100) - 1;
    await superQuery(
      `INSERT INTO bcv.transactions (snapshot, session_id, account_id, tx_key, date, type, amount_paise, narration, details)
       SELECT s.id, s.session_id, 'acct-' || c.i, 'tx-' || c.i || '-' || g,
              to_char(date '2023-01-01' + (g % 365), 'YYYY-MM-DD'),
              CASE WHEN g % 3 = 0 THEN 'credit' ELSE 'debit' END,
              ((abs(hashint4(c.i * 7919 + g)) % 5000000) + 100)::bigint,
              'UPI-' || p.name || '-' || p.handle || '-UTIB0000' || (g % 900 + 100) || '-' || (c.i * 100000 + g) || '-PAYMENT',
              'upi UPI Others'
       FROM generate_series($1::int, $2::int) c(i)
       JOIN bcv.snapshots s ON s.session_id = 'bench-' || c.i
       CROSS JOIN generate_series(1, $3::int) g
       JOIN bench_parties p ON p.n = CASE WHEN g % 10 = 0
         THEN abs(hashint4(c.i * 31 + g * 17)) % ${SHARED_PARTIES}
         ELSE ${SHARED_PARTIES} + c.i * ${OWN_PARTIES} + abs(hashint4(c.i * 17 + g * 31)) % ${OWN_PARTIES} END`,
      [start, end, perCase],
    );
  }
  await superQuery(
    `INSERT INTO bcv.parties (tx, session_id, date, kind, key)
     SELECT t.id, t.session_id, t.date, k.kind, k.key
     FROM bcv.transactions t
     JOIN bench_parties p ON p.handle = split_part(t.narration, '-', 3)
     CROSS JOIN LATERAL (VALUES ('name', p.key), ('upi', p.handle)) AS k(kind, key)
     WHERE t.session_id = ANY (SELECT 'bench-' || i FROM generate_series($1::int, $2::int) i)`,
    [from, to - 1],
  );
  await superQuery(
    `INSERT INTO bcv.snapshot_parties (snapshot, session_id, kind, key, label, tx_count)
     SELECT t.snapshot, p.session_id, p.kind, p.key, p.key, count(*)
     FROM bcv.parties p JOIN bcv.transactions t ON t.id = p.tx
     WHERE p.session_id = ANY (SELECT 'bench-' || i FROM generate_series($1::int, $2::int) i)
     GROUP BY t.snapshot, p.session_id, p.kind, p.key`,
    [from, to - 1],
  );
  await superQuery(
    `INSERT INTO bcv.accounts (snapshot, session_id, account_id, account_number, account_key, bank, ifsc, holder)
     SELECT s.id, s.session_id, 'acct-' || i, (50000000000 + i)::text, (50000000000 + i)::text, 'HDFC', 'HDFC0001234', 'APPLICANT ' || i
     FROM generate_series($1::int, $2::int) i JOIN bcv.snapshots s ON s.session_id = 'bench-' || i`,
    [from, to - 1],
  );
  // As autovacuum leaves a table that has stopped growing: statistics, and its pages marked
  // all-visible (an index-only scan reads them from the index alone).
  await superQuery('VACUUM ANALYZE');
}

/** A case's 2,000 UPI payments to the bench's counterparties over 2023, as a saved session. */
function publishedCase(
  sessionId: string,
  parties: ReturnType<typeof counterparties>,
  seed: number,
) {
  const transactions: Txn[] = [];
  for (let g = 1; g <= 2000; g++) {
    const p = parties[(seed * 7919 + g * 31) % parties.length]!;
    const day = new Date(Date.UTC(2023, 0, 1 + (g % 365))).toISOString().slice(0, 10);
    transactions.push({
      note: `UPI-${p.name}-${p.handle}-UTIB0000${(g % 900) + 100}-${seed * 100000 + g}-PAYMENT`,
      amount: ((seed * 7919 + g * 104729) % 50000) + 1,
      date: day,
      type: g % 3 === 0 ? 'credit' : 'debit',
    });
  }
  return caseInput(sessionId, { transactions });
}

async function main(): Promise<void> {
  const why = teamClusterUnavailable();
  if (why) {
    console.log(`team search bench skipped: ${why}`);
    return;
  }
  const o = options(process.argv.slice(2));
  const cluster = await startTeamCluster();
  try {
    const { logins } = await setUpTeam(cluster, {
      audrey: { role: 'auditor' },
      ulla: { role: 'underwriter', team: 'team-0', branch: 'branch-0' },
    });
    const parties = counterparties(Math.max(...o.sizes));
    await cluster.superQuery(
      'CREATE TABLE public.bench_parties (n int PRIMARY KEY, name text, key text, handle text, account text)',
    );
    await cluster.superQuery(
      'INSERT INTO public.bench_parties SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[])',
      [
        parties.map((_, i) => i),
        parties.map((p) => p.name),
        parties.map((p) => p.key),
        parties.map((p) => p.handle),
        parties.map((p) => p.account),
      ],
    );
    // The audit trail's trigger on snapshots would write a row per generated snapshot.
    await cluster.superQuery('ALTER TABLE bcv.snapshots DISABLE TRIGGER audit_publish');
    const db = await connectAs(cluster, logins.audrey);
    const writer = await connectAs(cluster, logins.ulla);
    const libraryDir = await tempDir('bcv-bench-publish-');
    const parts = {
      library: new Library({ dir: libraryDir, appVersion: 'bench' }),
      reviews: new ReviewStore({ dir: libraryDir }),
    };
    const publishMs: { size: number; ms: number }[] = [];
    const q = (text: string, extra: Partial<CatalogueQuery> = {}): CatalogueQuery => ({
      text,
      amountPaise: null,
      from: null,
      to: null,
      ...extra,
    });
    const searches: [string, () => Promise<unknown>][] = [
      ['UPI handle', () => searchTeam(db, q(parties[1234]!.handle))],
      ['name (prefix)', () => searchTeam(db, q('MEERA IY'))],
      ['common word', () => searchTeam(db, q('PAYMENT'))],
      ['rare words', () => searchTeam(db, q('KAVITA PATIL TEXTILES'))],
      ['amount', () => searchTeam(db, q('', { amountPaise: 1234567 }))],
      ['date range', () => searchTeam(db, q('', { from: '2023-03-01', to: '2023-03-02' }))],
      [
        'name + dates',
        () => searchTeam(db, q('ASHA SHARMA', { from: '2023-06-01', to: '2023-06-30' })),
      ],
      ['applicant account', () => searchTeam(db, q('50000000007'))],
    ];
    const seenView = {
      accounts: [
        {
          accountId: 'x',
          details: { accountNumber: '50000000011' },
          transactions: parties.slice(0, 300).map((p, i) => ({
            index: i,
            accountId: 'x',
            date: '2023-05-01',
            type: 'debit',
            amount: 100,
            balance: null,
            narration: `UPI-${p.name}-${p.handle}-UTIB0000123-1-PAYMENT`,
            ref: '',
            channel: 'upi',
            category: '',
            description: '',
            hash: `h${i}`,
            hashDerived: false,
            statementId: null,
            fraudTypes: [],
            extra: {},
          })),
        },
      ],
    } as unknown as SessionView;
    searches.push(['seen elsewhere (300 parties)', () => seenInTeam(db, 'bench-new', seenView)]);
    const results: Record<string, { size: number; ms: number }[]> = {};
    const found: Record<string, number> = {};
    let have = 0;
    for (const size of o.sizes) {
      const started = performance.now();
      await grow(cluster.superQuery, have, size, o.transactions);
      console.log(
        `grew to ${size} cases x ${o.transactions} transactions in ${((performance.now() - started) / 1000).toFixed(0)} s`,
      );
      have = size;
      for (const [name, run] of searches) {
        const answer = (await run()) as { hitCount?: number; matches?: unknown[] }; // warm
        found[name] = answer.hitCount ?? answer.matches?.length ?? 0;
        const times: number[] = [];
        for (let r = 0; r < o.reps; r++) {
          const t0 = performance.now();
          await run();
          times.push(performance.now() - t0);
        }
        (results[name] ??= []).push({ size, ms: median(times) });
      }
      // Publishing: each snapshot a new case (saved first, not timed), then all removed so
      // the searches at the next size read the generated book only.
      await cluster.superQuery('ALTER TABLE bcv.snapshots ENABLE TRIGGER audit_publish');
      const times: number[] = [];
      for (let r = 0; r < o.reps; r++) {
        const id = `bench-publish-${size}-${r}`;
        await parts.library.save(publishedCase(id, parties, size + r));
        const t0 = performance.now();
        await publishSnapshot(writer, parts, id);
        times.push(performance.now() - t0);
      }
      publishMs.push({ size, ms: median(times) });
      await cluster.superQuery('ALTER TABLE bcv.snapshots DISABLE TRIGGER audit_publish');
      await cluster.superQuery(
        `DELETE FROM bcv.snapshots WHERE session_id LIKE 'bench-publish-%';
         DELETE FROM bcv.cases WHERE session_id LIKE 'bench-publish-%'`,
      );
    }
    if (process.env['BENCH_EXPLAIN']) {
      for (const sql of process.env['BENCH_EXPLAIN'].split(';;')) {
        const plan = (await cluster.superQuery(
          `SET enable_seqscan = off; EXPLAIN (ANALYZE, BUFFERS) ${sql}`,
        )) as unknown as { rows: { 'QUERY PLAN': string }[] }[];
        console.log(plan[1]!.rows.map((r) => r['QUERY PLAN']).join('\n'));
      }
    }
    console.log(`\nmedian ms of ${o.reps} (as an auditor: every case readable)`);
    console.log(
      [
        'search'.padEnd(30),
        ...o.sizes.map((s) => String(s).padStart(8)),
        '  growth k',
        '  found at the largest',
      ].join(''),
    );
    let slowest = 0;
    for (const [name, points] of Object.entries(results)) {
      const k = growthExponent(points);
      slowest = Math.max(slowest, points[points.length - 1]!.ms);
      console.log(
        [
          name.padEnd(30),
          ...points.map((p) => p.ms.toFixed(1).padStart(8)),
          `  ${k === null ? '-' : k.toFixed(2)}`.padEnd(10),
          `  ${found[name]}`,
        ].join(''),
      );
    }
    // How the slowest search grows with the book: its time at each size.
    const slowestAt = o.sizes.map((size, i) => ({
      size,
      ms: Math.max(...Object.values(results).map((points) => points[i]!.ms)),
    }));
    const k = growthExponent(slowestAt);
    console.log(
      `\nslowest search by size: ${slowestAt.map((p) => `${p.size} cases ${p.ms.toFixed(1)} ms`).join(', ')}` +
        (k === null ? '' : ` (growth k ${k.toFixed(2)})`),
    );
    console.log(
      `publishing a snapshot of 2,000 transactions (median of ${o.reps}): ${publishMs.map((p) => `${p.size} cases ${p.ms.toFixed(0)} ms`).join(', ')}`,
    );
    const largest = o.sizes[o.sizes.length - 1]!;
    console.log(
      `\nslowest at ${largest} cases: ${slowest.toFixed(1)} ms (target < 100 ms): ${slowest < 100 ? 'met' : 'NOT met'}`,
    );
    await db.close();
    await writer.close();
    await rm(libraryDir, { recursive: true, force: true });
  } finally {
    await cluster.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
