// search: `bcv library search` / the Library screen's search over a catalogue of 500 saved
// cases of ~2,000 transactions each (the sandbox generator's, each case its own holder and
// account number), one round of the criteria an underwriter uses: a counterparty name, a
// UPI handle, an account number, narration words, an exact amount, a date range with
// text. The time quoted is the slowest query of a round (the catalogue already caught up,
// as after the app's background update). Baseline: `includes` over every narration held
// in memory, for the UPI handle. The catalogue is built once, in the temp folder, and
// reused by later runs and children.
import { existsSync, statSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DatabaseSync } from 'node:sqlite';
import { parseSearchInput } from '@shared/catalogue/query';
import type { CatalogueQuery } from '@shared/catalogue/types';
import { normalizeSession } from '@shared/model/normalize';
import { openCatalogueFile } from '../../src/core/catalogue/database';
import { SCHEMA_VERSION } from '../../src/core/catalogue/schema';
import { searchCatalogue } from '../../src/core/catalogue/search';
import { CatalogueWriter } from '../../src/core/catalogue/write';
import { generateSession } from '../../src/sandbox/generator';
import { PEOPLE, SUPPLIERS } from '../../src/sandbox/names';
import { largePlan } from '../../src/sandbox/sessions';
import type { Step } from '../lib/types';

export const SEARCH_CASES = 500;
const TRANSACTIONS_PER_CASE = 2_000;

function caseId(i: number): string {
  return `bench-case-${String(i).padStart(3, '0')}`;
}

function accountNumberOf(i: number): string {
  return String(50_100_000_000_000 + i * 7_919);
}

async function buildCatalogue(file: string): Promise<void> {
  const { db } = await openCatalogueFile(file);
  const writer = new CatalogueWriter(db);
  for (let i = 0; i < SEARCH_CASES; i++) {
    const base = largePlan(TRANSACTIONS_PER_CASE, caseId(i));
    const holder = `${PEOPLE[i % PEOPLE.length]} ${SUPPLIERS[i % SUPPLIERS.length]}`;
    const plan = {
      ...base,
      accounts: [{ ...base.accounts[0]!, holder, accountNumber: accountNumberOf(i) }],
    };
    const { status, subscribed } = generateSession(plan);
    const view = normalizeSession(subscribed, status);
    await writer.add(
      {
        sessionId: plan.sessionId,
        snapshotId: '20241001T090000000Z-bench',
        sha256: 'bench',
        fetchedAt: '2024-10-01T09:00:00.000Z',
        holderNames: [holder],
      },
      view,
    );
  }
  db.close();
}

function queryOf(input: Parameters<typeof parseSearchInput>[0]): CatalogueQuery {
  const parsed = parseSearchInput(input);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.query;
}

export const searchStep: Step = {
  name: 'search',
  measured: `catalogue search of ${SEARCH_CASES} saved cases x ~${TRANSACTIONS_PER_CASE.toLocaleString('en')} transactions (slowest of 6 criteria)`,
  baseline: 'narrations.filter(includes("swiggy@icici")) over every transaction in memory',
  async prepare(variant) {
    // Kept between runs (the cases are seeded: the same every time), per schema version.
    const file = join(tmpdir(), `bcv-bench-search-v${SCHEMA_VERSION}`, 'catalogue.sqlite');
    await mkdir(dirname(file), { recursive: true });
    if (!existsSync(file)) {
      // Built aside and renamed: a run stopped halfway leaves no partial catalogue behind.
      await buildCatalogue(`${file}.part`);
      await rename(`${file}.part`, file);
    }
    const db = new DatabaseSync(file, { readOnly: true });
    const transactions = (
      db.prepare('SELECT count(*) AS n FROM transactions').get() as { n: number }
    ).n;
    if (variant === 'baseline') {
      const narrations = (
        db.prepare('SELECT narration FROM transactions').all() as {
          narration: string;
        }[]
      ).map((r) => r.narration.toLowerCase());
      db.close();
      return () => {
        const found = narrations.filter((n) => n.includes('swiggy@icici')).length;
        return Promise.resolve({ facts: { transactions, found } });
      };
    }
    // An amount that is there: the 1,000th transaction of case 250.
    const { amount_paise: paise } = db
      .prepare(
        `SELECT t.amount_paise FROM transactions t JOIN snapshots s ON s.id = t.snapshot
         WHERE s.session_id = ? LIMIT 1 OFFSET 999`,
      )
      .get(caseId(250)) as { amount_paise: number };
    // What opening the catalogue costs main at start-up: SQLite's own check of the file.
    const checkStarted = performance.now();
    db.prepare('PRAGMA quick_check').all();
    const quickCheckMs = Math.round(performance.now() - checkStarted);
    const catalogueMb = Math.round(statSync(file).size / 1048576);
    const rupees = `${Math.floor(paise / 100).toLocaleString('en-IN')}.${String(paise % 100).padStart(2, '0')}`;
    const queries: Record<string, CatalogueQuery> = {
      name: queryOf({ text: 'RAHUL SHARMA' }),
      upi: queryOf({ text: 'swiggy@icici' }),
      account: queryOf({ text: accountNumberOf(250) }),
      words: queryOf({ text: 'cash deposit' }),
      amount: queryOf({ amount: rupees }),
      dates: queryOf({ text: 'kumar', from: '01-03-2024', to: '31-03-2024' }),
    };
    return () => {
      const facts: Record<string, number> = { transactions, quickCheckMs, catalogueMb };
      let slowest = 0;
      for (const [name, query] of Object.entries(queries)) {
        const started = performance.now();
        const found = searchCatalogue(db, query);
        const ms = performance.now() - started;
        slowest = Math.max(slowest, ms);
        facts[`${name}Ms`] = Math.round(ms * 10) / 10;
        facts[`${name}Hits`] = found.hitCount;
      }
      return Promise.resolve({ ms: slowest, facts });
    };
  },
};
