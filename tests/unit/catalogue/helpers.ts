// Saved cases for the catalogue tests: the reference session and variants of it whose
// transactions share parties with it (a name, a UPI handle, account numbers).
import { join } from 'node:path';
import type { SubscribedDataResponse } from '../../../src/shared/api/schemas';
import { Catalogue } from '../../../src/core/catalogue/catalogue';
import type { SaveInput } from '../../../src/core/library/store';
import { rawOf } from '../../fakes/received';
import reference from '../../../src/sandbox/data/reference-subscribed-data.json';
import { dataFor, statusFor, tempLibrary } from '../library/helpers';

export const FIRST_ACCOUNT = '8cdcf3f2-e4ba-4be8-b0eb-bc619c6cc753';
export const SECOND_ACCOUNT = 'aee2d55d-2a2b-41d7-9ae8-9ab37eaf6cb7';

export interface Txn {
  readonly note: string;
  readonly amount: number;
  readonly date: string;
  readonly type?: 'credit' | 'debit';
  readonly hash?: string;
}

type Block = {
  account_details: Record<string, unknown>[];
  transactions: Record<string, unknown>[];
};

/** The reference data as session `sessionId`, with the second account's transactions replaced. */
export function caseData(
  sessionId: string,
  options: { firstAccountNumber?: string; transactions?: readonly Txn[] } = {},
): SubscribedDataResponse {
  const data = dataFor(sessionId) as unknown as { accounts: Record<string, Block> };
  if (options.firstAccountNumber) {
    data.accounts[FIRST_ACCOUNT]!.account_details[0]!['account_number'] =
      options.firstAccountNumber;
  }
  if (options.transactions) {
    const template = (reference as unknown as { accounts: Record<string, Block> }).accounts[
      SECOND_ACCOUNT
    ]!.transactions[0]!;
    data.accounts[SECOND_ACCOUNT]!.transactions = options.transactions.map((t, i) => ({
      ...template,
      description: '',
      category: '',
      transaction_note: t.note,
      amount: t.amount,
      date: `${t.date} 00:00:00`,
      transaction_type: t.type ?? 'credit',
      hash: t.hash ?? `${sessionId}-h${i}`,
    }));
  }
  return data as unknown as SubscribedDataResponse;
}

export function caseInput(
  sessionId: string,
  options: Parameters<typeof caseData>[1] = {},
  fetchedAt = '2026-11-20T10:00:00.000Z',
): SaveInput {
  return {
    raw: rawOf(statusFor(sessionId), caseData(sessionId, options)),
    fetchedAt,
    source: { kind: 'live', profileName: 'Sandbox', host: '127.0.0.1:4010', sandbox: true },
  };
}

/** Shares with the reference: LEELA SANKAR PRASAD, 9160751095@ybl, and its account 3055870344. */
export const SHARING: readonly Txn[] = [
  {
    note: 'UPI-LEELA SANKAR PRASAD-9160751095@ybl-ICIC0000598-111122223333-PAYMENT',
    amount: 2500,
    date: '2023-11-02',
  },
  { note: '23/11/23 BY TRF. IMPS TRF FROM 3055870344', amount: 45000.5, date: '2023-11-23' },
  { note: 'NEFT CR-HDFC0001234-AGGARWAL TRADERS-N1234567', amount: 12000, date: '2023-12-01' },
];

export async function tempCatalogue() {
  const library = await tempLibrary();
  const catalogue = new Catalogue({ library });
  return { library, catalogue, file: join(library.dir, 'catalogue.sqlite') };
}
