import { readFile, rm, writeFile } from 'node:fs/promises';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { Catalogue } from '../../../src/core/catalogue/catalogue';
import { SCHEMA_VERSION } from '../../../src/core/catalogue/schema';
import { sessionViewOf } from '../../../src/shared/model/normalize';
import { parseSearchInput } from '../../../src/shared/catalogue/query';
import type { CatalogueQuery } from '../../../src/shared/catalogue/types';
import { caseData, caseInput, SECOND_ACCOUNT, SHARING, tempCatalogue } from './helpers';
import { rawOf } from '../../fakes/received';
import { saveInput, statusFor, tempDir } from '../library/helpers';

function query(input: Parameters<typeof parseSearchInput>[0]): CatalogueQuery {
  const parsed = parseSearchInput(input);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.query;
}

async function twoCases() {
  const made = await tempCatalogue();
  await made.library.save(saveInput('case-a'));
  await made.library.save(
    caseInput('case-b', { firstAccountNumber: '60124003651', transactions: SHARING }),
  );
  return made;
}

function sessionsOf(result: { sessions: readonly { sessionId: string }[] }): string[] {
  return result.sessions.map((s) => s.sessionId).sort();
}

describe('the catalogue', () => {
  it('is built from the library when missing: sessions, accounts, holders, transactions, parties', async () => {
    const { catalogue, file } = await twoCases();
    const outcome = await catalogue.sync();
    expect(outcome).toMatchObject({ added: 2, removed: 0, rebuilt: null, unreadable: [] });
    const db = new DatabaseSync(file, { readOnly: true });
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(count('SELECT count(*) AS n FROM snapshots')).toBe(2);
    expect(count('SELECT count(*) AS n FROM accounts')).toBe(4);
    expect(count('SELECT count(*) AS n FROM transactions')).toBe(3 + 5);
    expect(count("SELECT count(*) AS n FROM holders WHERE name = 'R K ENTERPRISES'")).toBe(2);
    const tx = db
      .prepare(
        "SELECT tx_key, date, amount_paise FROM transactions WHERE narration LIKE '%FROM 3055870344'",
      )
      .get();
    expect(tx).toEqual({ tx_key: 'case-b-h1', date: '2023-11-23', amount_paise: 4_500_050 });
    expect(
      count("SELECT count(*) AS n FROM parties WHERE kind = 'upi' AND key = '9160751095@ybl'"),
    ).toBe(2);
    db.close();
    await catalogue.close();
  });

  it('follows saves, imports and deletes', async () => {
    const { library, catalogue } = await twoCases();
    await catalogue.sync();
    const third = await library.save(caseInput('case-c', { transactions: SHARING.slice(0, 1) }));
    catalogue.changed();
    expect(sessionsOf(await catalogue.search(query({ text: '9160751095@ybl' })))).toEqual([
      'case-a',
      'case-b',
      'case-c',
    ]);
    // An import from another library's export.
    const other = await tempCatalogue();
    const exported = await other.library.save(
      caseInput('case-d', { transactions: SHARING.slice(0, 1) }),
    );
    await library.importFile(exported.file);
    catalogue.changed();
    expect(sessionsOf(await catalogue.search(query({ text: 'LEELA SANKAR' })))).toContain('case-d');
    await library.delete('case-c', third.record.snapshotId);
    catalogue.changed();
    const after = await catalogue.search(query({ text: '9160751095@ybl' }));
    expect(sessionsOf(after)).toEqual(['case-a', 'case-b', 'case-d']);
    expect(after.sessionCount).toBe(3);
    await catalogue.close();
  });

  it('a re-fetch: each transaction once, from the newest snapshot', async () => {
    const { library, catalogue } = await tempCatalogue();
    await library.save(caseInput('case-b', { transactions: SHARING }, '2026-11-01T00:00:00.000Z'));
    const newer = await library.save(
      caseInput('case-b', { transactions: SHARING }, '2026-11-02T00:00:00.000Z'),
    );
    const result = await catalogue.search(query({ text: 'AGGARWAL' }));
    expect(result.sessions).toHaveLength(1);
    expect(result.sessions[0]!.snapshotId).toBe(newer.record.snapshotId);
    expect(result.sessions[0]!.hits).toHaveLength(1);
    await catalogue.close();
  });

  it('is rebuilt when damaged, of an older schema, or deleted', async () => {
    const { catalogue, file, library } = await twoCases();
    await catalogue.sync();
    await catalogue.close();

    await writeFile(file, 'this is not a database, it was overwritten');
    await rm(`${file}-wal`, { force: true });
    await rm(`${file}-shm`, { force: true });
    const damaged = new Catalogue({ library });
    expect(await damaged.sync()).toMatchObject({ added: 2, rebuilt: 'damaged' });
    await damaged.close();

    // Pages torn inside a file whose header still reads: SQLite's check (on a worker) says so.
    const rebuilt = new Catalogue({ library });
    await rebuilt.sync();
    await rebuilt.close();
    const bytes = await readFile(file);
    bytes.fill(0x5a, 4096 * 2, bytes.length);
    await writeFile(file, bytes);
    const torn = new Catalogue({ library });
    expect(await torn.sync()).toMatchObject({ added: 2, rebuilt: 'damaged' });
    await torn.close();

    const db = new DatabaseSync(file);
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION - 1}`);
    db.close();
    const old = new Catalogue({ library });
    expect(await old.sync()).toMatchObject({ added: 2, rebuilt: 'old-schema' });
    expect(sessionsOf(await old.search(query({ text: 'AGGARWAL' })))).toEqual(['case-b']);
    await old.close();

    await rm(file);
    const missing = new Catalogue({ library });
    expect(await missing.sync()).toMatchObject({ added: 2, rebuilt: null });
    // Up to date: nothing read again.
    expect(await missing.sync()).toMatchObject({ added: 0, removed: 0 });
    await missing.close();
    // A sound file opened again passes the check and is kept: nothing read again.
    const reopened = new Catalogue({ library });
    expect(await reopened.sync()).toMatchObject({ added: 0, removed: 0, rebuilt: null });
    await reopened.close();
  });

  it('an unreadable snapshot is set aside and said; the rest is catalogued', async () => {
    const { catalogue, library } = await twoCases();
    const broken = await library.save(caseInput('case-x', { transactions: SHARING }));
    await writeFile(broken.file, 'garbage');
    const outcome = await catalogue.sync();
    expect(outcome.added).toBe(2);
    expect(outcome.unreadable).toHaveLength(1);
    expect(outcome.unreadable[0]!.file).toContain('case-x');
    const result = await catalogue.search(query({ text: 'AGGARWAL' }));
    expect(sessionsOf(result)).toEqual(['case-b']);
    expect(result.unreadable).toHaveLength(1);
    await catalogue.close();
  });

  it('a catalogue that cannot be written fails no save', async () => {
    const library = (await tempCatalogue()).library;
    const catalogue = new Catalogue({
      library,
      openDatabase: () => {
        throw new Error('disk I/O error');
      },
    });
    const saved = await library.save(saveInput('case-a'));
    catalogue.changed(); // the background update fails quietly
    expect((await library.list()).entries.map((e) => e.sessionId)).toEqual(['case-a']);
    await expect(catalogue.search(query({ text: 'x' }))).rejects.toMatchObject({
      code: 'CATALOGUE_UNAVAILABLE',
    });
    expect(saved.record.sessionId).toBe('case-a');
  });
});

describe('search across the library', () => {
  it('by counterparty name, UPI handle, account number, IFSC and narration words', async () => {
    const { catalogue } = await twoCases();
    const leela = await catalogue.search(query({ text: 'leela sankar prasad' }));
    expect(sessionsOf(leela)).toEqual(['case-a', 'case-b']);
    expect(leela.sessions.flatMap((s) => s.hits.map((h) => h.matchedBy))).toContain('name');

    const upi = await catalogue.search(query({ text: '9160751095@YBL' }));
    expect(upi.sessions.flatMap((s) => s.hits.map((h) => h.matchedBy))).toEqual(['upi', 'upi']);

    // 3055870344: case-a's own account, a counterparty in case-b.
    const account = await catalogue.search(query({ text: '3055870344' }));
    const a = account.sessions.find((s) => s.sessionId === 'case-a')!;
    expect(a.applicantAccounts).toEqual(['3055870344']);
    expect(a.hits).toEqual([]);
    const b = account.sessions.find((s) => s.sessionId === 'case-b')!;
    expect(b.hits.map((h) => [h.matchedBy, h.amountPaise, h.date])).toEqual([
      ['account', 4_500_050, '2023-11-23'],
    ]);

    const ifsc = await catalogue.search(query({ text: 'hdfc0001234' }));
    expect(sessionsOf(ifsc)).toEqual(['case-b']);

    const words = await catalogue.search(query({ text: 'sms charges' }));
    expect(sessionsOf(words)).toEqual(['case-a', 'case-b']);
    expect(words.sessions[0]!.hits[0]!.matchedBy).toBe('narration');
    // FTS syntax in the text is only text.
    expect((await catalogue.search(query({ text: 'NEAR( "x" OR *' }))).sessions).toEqual([]);
    await catalogue.close();
  });

  it('by the words of category, channel, ref and description: "EMI" finds "Loan EMI"', async () => {
    const { library, catalogue } = await twoCases();
    const data = caseData('case-emi', { transactions: SHARING.slice(0, 1) }) as unknown as {
      accounts: Record<string, { transactions: Record<string, unknown>[] }>;
    };
    // A repayment whose narration names neither EMI nor the channel.
    Object.assign(data.accounts[SECOND_ACCOUNT]!.transactions[0]!, {
      transaction_note: 'ACH D- BAJAJ FIN LTD-P400PHL0000123',
      transaction_type: 'debit',
      category: 'Loan EMI',
      transaction_channel: 'auto_debit_payment',
      chq_num: 'NACH77421',
      description: 'lender_transaction',
    });
    await library.save({
      ...caseInput('case-emi'),
      raw: rawOf(statusFor('case-emi'), data),
    });
    const hitsOf = async (text: string) =>
      (await catalogue.search(query({ text }))).sessions.map((s) => [
        s.sessionId,
        s.hits.map((h) => [h.matchedBy, h.narration]),
      ]);
    const emi = [['case-emi', [['details', 'ACH D- BAJAJ FIN LTD-P400PHL0000123']]]];
    expect(await hitsOf('EMI')).toEqual(emi);
    expect(await hitsOf('loan emi')).toEqual(emi);
    // The channel as sent and by its name, the ref, the description.
    expect(await hitsOf('auto-debit')).toEqual(emi);
    expect(await hitsOf('auto_debit_payment')).toEqual(emi);
    expect(await hitsOf('NACH77421')).toEqual(emi);
    expect(await hitsOf('lender_transaction')).toEqual(emi);
    // Words from two fields of one transaction: narration and category are searched apart.
    expect(await hitsOf('bajaj emi')).toEqual([]);
    await catalogue.close();
  });

  it('by exact amount (paise-exact from rupees typed with commas) and date range', async () => {
    const { catalogue } = await twoCases();
    const exact = await catalogue.search(query({ amount: '45,000.50' }));
    expect(exact.sessions.map((s) => [s.sessionId, s.hits.map((h) => h.amountPaise)])).toEqual([
      ['case-b', [4_500_050]],
    ]);
    expect((await catalogue.search(query({ amount: '45000' }))).sessions).toEqual([]);
    expect((await catalogue.search(query({ amount: '45000.5' }))).hitCount).toBe(1);

    const range = await catalogue.search(query({ from: '01-11-2023', to: '30-11-2023' }));
    expect(range.sessions.flatMap((s) => s.hits.map((h) => h.date)).sort()).toEqual([
      '2023-11-02',
      '2023-11-23',
    ]);
    const both = await catalogue.search(
      query({ text: 'leela', from: '01-11-2023', to: '30-11-2023' }),
    );
    expect(sessionsOf(both)).toEqual(['case-b']);
    const withAmount = await catalogue.search(query({ text: 'leela', amount: '1000' }));
    expect(sessionsOf(withAmount)).toEqual(['case-a']);
    await catalogue.close();
  });

  it('counts transactions, not hashes: rows sharing one API hash are each a transaction', async () => {
    const made = await tempCatalogue();
    // Three transactions the API gave one hash, in a case saved twice (two snapshots).
    const same = [1100, 2200, 3300].map((amount, i) => ({
      note: `NEFT CR-HDFC0001234-AGGARWAL TRADERS-N${i}`,
      amount,
      date: '2023-12-01',
      hash: 'one-hash',
    }));
    await made.library.save(
      caseInput('case-h', { transactions: same }, '2026-11-20T10:00:00.000Z'),
    );
    await made.library.save(
      caseInput('case-h', { transactions: same }, '2026-11-21T10:00:00.000Z'),
    );
    const result = await made.catalogue.search(query({ text: 'aggarwal' }));
    // 3 transactions (not 1 hash; not 6 rows of two snapshots).
    expect(result.hitCount).toBe(3);
    expect(result.sessions[0]!.hits.map((h) => h.amountPaise).sort()).toEqual([
      110_000, 220_000, 330_000,
    ]);
    await made.catalogue.close();
  });

  it('says when more matched than it lists', async () => {
    const { catalogue } = await twoCases();
    const result = await catalogue.search(query({ from: '01-01-2000' }), 2);
    expect(result).toMatchObject({ truncated: true, hitCount: 2, limit: 2 });
    await catalogue.close();
  });
});

describe('seen elsewhere', () => {
  it('counterparties and account numbers of a session found in other saved sessions', async () => {
    const { catalogue } = await twoCases();
    const view = sessionViewOf('case-a', null, caseData('case-a'));
    const { matches } = await catalogue.seenElsewhere('case-a', view);
    const seen = matches.map((m) => [
      m.kind,
      m.key,
      m.relation,
      m.sessions.map((s) => s.sessionId),
    ]);
    expect(seen).toEqual(
      expect.arrayContaining([
        ['name', 'LEELA SANKAR PRASAD', 'counterparty', ['case-b']],
        ['upi', '9160751095@ybl', 'counterparty', ['case-b']],
        // case-a's own account is a counterparty in case-b...
        ['account', '3055870344', 'applicant-here', ['case-b']],
        // ...and the account case-a pays is case-b's applicant's.
        ['account', '60124003651', 'applicant-there', ['case-b']],
      ]),
    );
    // The session itself is never "elsewhere".
    expect(matches.every((m) => m.sessions.every((s) => s.sessionId !== 'case-a'))).toBe(true);
    expect(matches[0]!.sessions[0]!.holderNames).toContain('R K ENTERPRISES');
    await catalogue.close();
  });

  it('nothing when no other session shares a party', async () => {
    const { library, catalogue } = await tempCatalogue();
    await library.save(saveInput('case-a'));
    const view = sessionViewOf('case-a', null, caseData('case-a'));
    expect((await catalogue.seenElsewhere('case-a', view)).matches).toEqual([]);
    await catalogue.close();
  });
});

describe('parseSearchInput', () => {
  it('one line for each bad input', async () => {
    expect(parseSearchInput({ amount: '45k' })).toEqual({
      ok: false,
      message: 'The amount "45k" is not an amount in rupees (e.g. 45000 or 45,000.50)',
    });
    expect(parseSearchInput({ text: 'x', from: '2023-11-01' })).toMatchObject({
      ok: false,
      message: 'From date: Enter the date as dd-mm-yyyy, e.g. 23-10-2023',
    });
    expect(parseSearchInput({ text: 'x', from: '02-11-2023', to: '01-11-2023' })).toMatchObject({
      ok: false,
    });
    expect(parseSearchInput({})).toMatchObject({ ok: false });
    expect(parseSearchInput({ amount: '₹4,50,000.05' })).toMatchObject({
      ok: true,
      query: { amountPaise: 45_000_005 },
    });
    expect(await tempDir()).toBeTruthy();
  });
});
