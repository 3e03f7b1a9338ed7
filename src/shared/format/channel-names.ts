// Transaction channels by the names underwriters use (UPI, NEFT, NACH, cheque, cash...),
// from FinBox's `transaction_channel` values (the real-responses reference lists them;
// FinBox spells one `cash_withdrawl`, and recurring sets send them in capitals). A value
// not listed shows as sent: never guessed, never blank. A table column shows the short name
// (the rails a statement reader looks for), the full name on hover, in the filter and details.
const NAMES: Readonly<Record<string, string>> = {
  upi: 'UPI',
  neft: 'NEFT',
  rtgs: 'RTGS',
  imps: 'IMPS',
  nach: 'NACH',
  ecs: 'ECS',
  net_banking_transfer: 'Net banking (NEFT/RTGS/IMPS)',
  net_banking: 'Net banking',
  chq: 'Cheque',
  cheque: 'Cheque',
  cash_deposit: 'Cash deposit',
  cash_withdrawl: 'Cash withdrawal',
  cash_withdrawal: 'Cash withdrawal',
  cash: 'Cash',
  debit_card: 'Debit card',
  credit_card: 'Credit card',
  card: 'Card',
  atm: 'ATM',
  salary: 'Salary',
  refund: 'Refund',
  reversal: 'Reversal',
  payment_gateway_purchase: 'Payment gateway purchase',
  bill_payment: 'Bill payment',
  bank_interest: 'Bank interest',
  bank_charge: 'Bank charge',
  auto_debit_payment: 'Auto-debit (NACH/ECS)',
  auto_debit_payment_bounce: 'Auto-debit return (NACH/ECS)',
  auto_credit: 'Auto-credit',
  inward_cheque_bounce: 'Inward cheque return',
  outward_cheque_bounce: 'Outward cheque return',
  inward_payment_bounce: 'Inward payment return',
  investment: 'Investment',
  investment_cashin: 'Investment redeemed',
  international_transaction_arbitrage: 'International transaction',
  self_transfer: 'Own-account transfer',
  demand_draft: 'Demand draft',
  others: 'Other',
  other: 'Other',
};

/** `upi` -> `UPI`, `chq` -> `Cheque`; an unknown value as sent; empty stays empty. */
export function channelName(value: string | null | undefined): string {
  const raw = (value ?? '').trim();
  if (raw === '') return '';
  return NAMES[raw.toLowerCase()] ?? raw;
}

/** The few full names too long for a table column, by the rails they stand for. */
const SHORT: Readonly<Record<string, string>> = {
  'Net banking (NEFT/RTGS/IMPS)': 'NEFT/RTGS/IMPS',
  'Auto-debit (NACH/ECS)': 'NACH/ECS',
  'Auto-debit return (NACH/ECS)': 'NACH/ECS return',
  'Payment gateway purchase': 'Gateway purchase',
  'International transaction': 'International',
};

/** The channel's name for a table column: `net_banking_transfer` -> `NEFT/RTGS/IMPS`. */
export function channelShortName(value: string | null | undefined): string {
  const name = channelName(value);
  return SHORT[name] ?? name;
}
