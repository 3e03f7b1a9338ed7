// Channels by their names on screen and in the workbook; the value as sent kept beside.
import { describe, expect, it } from 'vitest';
import { channelName, channelShortName } from '../../../src/shared/format/channel-names';
import { normalizeSession } from '../../../src/shared/model/normalize';
import { apiTransaction, column, exportTo, sheet, withTransactions } from '../export/helpers';

// Every transaction_channel value the real-responses reference lists FinBox sending.
const FINBOX_CHANNELS = `upi, salary, refund, payment_gateway_purchase, outward_cheque_bounce,
net_banking_transfer, investment, inward_cheque_bounce, investment_cashin,
international_transaction_arbitrage, debit_card, chq, cash_withdrawl, cash_deposit,
bill_payment, bank_interest, bank_charge, auto_debit_payment_bounce, auto_debit_payment,
self_transfer, demand_draft, auto_credit, reversal, inward_payment_bounce, Others, Other`
  .split(',')
  .map((s) => s.trim());

describe('channelName', () => {
  it('names every channel FinBox sends in words, never its API spelling', () => {
    for (const value of FINBOX_CHANNELS) {
      const name = channelName(value);
      // "Other" is a word already; every API spelling (lower case, underscores) is renamed.
      if (value !== 'Other') expect(name, value).not.toBe(value);
      expect(name, value).not.toMatch(/_/);
    }
  });
  it.each([
    ['upi', 'UPI'],
    ['UPI', 'UPI'],
    ['NEFT', 'NEFT'],
    ['chq', 'Cheque'],
    ['cash_withdrawl', 'Cash withdrawal'],
    ['auto_debit_payment', 'Auto-debit (NACH/ECS)'],
    ['debit_card', 'Debit card'],
  ])('%s -> %s', (value, name) => expect(channelName(value)).toBe(name));
  it('an unknown channel shows as sent; none stays empty', () => {
    expect(channelName('wallet_topup_v2')).toBe('wallet_topup_v2');
    expect(channelName('')).toBe('');
    expect(channelName(null)).toBe('');
  });
});

describe('channelShortName', () => {
  it.each([
    ['net_banking_transfer', 'NEFT/RTGS/IMPS'],
    ['auto_debit_payment', 'NACH/ECS'],
    ['auto_debit_payment_bounce', 'NACH/ECS return'],
    ['payment_gateway_purchase', 'Gateway purchase'],
    ['upi', 'UPI'],
    ['cash_deposit', 'Cash deposit'],
    ['wallet_topup_v2', 'wallet_topup_v2'],
    ['', ''],
  ])('%s -> %s', (value, name) => expect(channelShortName(value)).toBe(name));
});

describe('the workbook', () => {
  it("Transactions names the channel; Transactions (all fields) keeps FinBox's value", async () => {
    const data = withTransactions((id) => [0, 1, 2, 3].map((i) => apiTransaction(id, i)));
    const { workbook } = await exportTo(normalizeSession(data), { allFields: true });
    const tx = sheet(workbook, 'Transactions');
    const named = new Set<unknown>();
    tx.getColumn(column(tx, 'Channel')).eachCell((c, row) => void (row > 1 && named.add(c.value)));
    // (The reference's second account sends "Others".)
    expect(named).toEqual(new Set(['UPI', 'Net banking (NEFT/RTGS/IMPS)', 'Other']));
    const all = sheet(workbook, 'Transactions (all fields)');
    const raw = new Set<unknown>();
    all
      .getColumn(column(all, 'transaction_channel'))
      .eachCell((c, row) => void (row > 1 && raw.add(c.value)));
    expect(raw.has('upi') && raw.has('net_banking_transfer')).toBe(true);
    expect(raw.has('UPI')).toBe(false);
  });
});
