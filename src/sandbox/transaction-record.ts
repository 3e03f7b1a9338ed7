// One transaction in the API's exact shape (every field the reference page lists, most of
// them null as the live service sends them), plus the amounts in paise the generator
// computes with.
import type { CalendarDate } from '@shared/model/calendar';
import { flatText } from './flat-text';

export type TxnType = 'debit' | 'credit';

export interface TxnFields {
  readonly type: TxnType;
  readonly narration: string;
  readonly amountPaise: number;
  readonly channel: string;
  readonly description: string;
  readonly category: string;
  readonly ref?: string;
  readonly merchantName?: string;
  readonly counterparty?: string;
  readonly counterpartyUpi?: string;
}

export interface LedgerEntry extends TxnFields {
  readonly date: CalendarDate;
  readonly balancePaise: number;
  readonly hash: string;
  readonly statementId: string;
}

export function toApiTransaction(entry: LedgerEntry, accountId: string): Record<string, unknown> {
  const credit = entry.type === 'credit';
  return {
    transaction_type: entry.type,
    transaction_note: entry.narration,
    chq_num: entry.ref ?? '',
    amount: entry.amountPaise / 100,
    balance: entry.balancePaise / 100,
    date: flatText(`${entry.date} 00:00:00`),
    transaction_channel: entry.channel,
    hash: entry.hash,
    merchant_category: entry.merchantName ? entry.category.toLowerCase() : '',
    description: entry.description,
    category: entry.category,
    statement_id: entry.statementId,
    bank: null,
    template_id: null,
    updated_at: null,
    matched_regex: null,
    matched_account_type: null,
    matched_transaction_category: entry.category,
    enriched_transaction_category: null,
    is_enriched_transaction_category_copied: null,
    matched_transaction_currency: null,
    creditor_name: credit ? (entry.counterparty ?? null) : null,
    creditor_ifsc: null,
    creditor_upi_handle: credit ? (entry.counterpartyUpi ?? null) : null,
    creditor_bank: null,
    creditor_account_number: null,
    receiver_name: !credit && !entry.merchantName ? (entry.counterparty ?? null) : null,
    receiver_ifsc: null,
    receiver_upi_handle: !credit && !entry.merchantName ? (entry.counterpartyUpi ?? null) : null,
    receiver_bank: null,
    reciever_account_number: null,
    merchant_name: entry.merchantName ?? null,
    merchant_ifsc: null,
    merchant_upi_handle: entry.merchantName ? (entry.counterpartyUpi ?? null) : null,
    merchant_bank: null,
    matched_merchant_category: null,
    cheque_number: entry.channel === 'chq' ? (entry.ref ?? null) : null,
    transaction_reference_1: null,
    transaction_reference_2: null,
    primary_channel: null,
    secondary_channel: null,
    tertiary_channel: null,
    transaction_timestamp: null,
    transaction_amount: null,
    raw_location: null,
    currency: 'INR',
    categorization_time_stamp: null,
    regex_id: null,
    account_id: accountId,
  };
}
