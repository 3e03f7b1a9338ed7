// Who a transaction was with, as the catalogue indexes it: the counterparty's name (the
// same key Insights groups by), UPI handles, account numbers and IFSCs, read from FinBox's
// enrichment fields and from the narration as banks print it. Pure functions: the
// catalogue (core) and the report (renderer) must agree on every key.
import { counterpartyOf } from '../insights/counterparty';
import type { TransactionView } from '../model/view-model';

export type PartyKind = 'name' | 'upi' | 'account' | 'ifsc';

export interface Party {
  readonly kind: PartyKind;
  /** What matches across sessions: a name's grouping key, a handle in lower case, digits. */
  readonly key: string;
  /** As printed (tidied), for showing. */
  readonly label: string;
}

// A handle is `local@psp`: the local part letters, digits, dots and underscores (a hyphen
// is the narration's own separator in `UPI-NAME-VPA-IFSC-...`), the PSP letters and digits.
// An e-mail address (a dot after the PSP) is not a handle.
const UPI = /(?<![A-Za-z0-9._])([A-Za-z0-9._]{2,64}@[A-Za-z][A-Za-z0-9]{1,30})(?![A-Za-z0-9.@])/g;
const IFSC = /(?<![A-Z0-9])([A-Z]{4}0[A-Z0-9]{6})(?![A-Z0-9])/g;
// Full account numbers only where the narration says so (`TRF TO 60124003651`, `FROM A/C
// NO. 51190049822`): a bare run of digits is as often a UPI reference or a mobile number.
const ACCOUNT_IN_TEXT =
  /\b(?:TO|FROM|A\/C|AC|ACCT|ACCOUNT)\s*(?:NO\.?|NUMBER)?\s*[:.-]?\s*(\d{9,18})(?!\d)/g;

/** The UPI handles a text names, in lower case (handles are not case-sensitive). */
export function upiHandlesIn(text: string): string[] {
  return unique([...text.matchAll(UPI)].map((m) => m[1]!.toLowerCase()));
}

/** IFSCs (4 letters, a 0, 6 letters or digits) a text names. */
export function ifscsIn(text: string): string[] {
  return unique([...text.toUpperCase().matchAll(IFSC)].map((m) => m[1]!));
}

/** Full account numbers a narration names after TO/FROM/A/C; masked ones (XX1234) are not. */
export function accountNumbersIn(text: string): string[] {
  const keys = [...text.toUpperCase().matchAll(ACCOUNT_IN_TEXT)].map((m) => accountKey(m[1]!));
  return unique(keys.filter((k): k is string => k !== null));
}

/**
 * The matching key of an account number: its digits without leading zeros (banks print
 * the same number with and without them), or null when it is masked, too short or not one.
 */
export function accountKey(value: string): string | null {
  const compact = value.replace(/[\s-]/g, '');
  if (!/^\d{9,18}$/.test(compact)) return null;
  return compact.replace(/^0+/, '') || null;
}

/** The handle's key if the text is a UPI handle, else null. */
export function upiKey(text: string): string | null {
  const trimmed = text.trim();
  const found = upiHandlesIn(trimmed);
  return found.length === 1 && found[0] === trimmed.toLowerCase() ? found[0] : null;
}

export function ifscKey(text: string): string | null {
  const upper = text.trim().toUpperCase();
  return /^[A-Z]{4}0[A-Z0-9]{6}$/.test(upper) ? upper : null;
}

const SIDES = ['creditor', 'receiver', 'merchant'] as const;
// FinBox spells one of them `reciever_account_number`: both spellings are read.
const ACCOUNT_FIELDS = [
  'creditor_account_number',
  'receiver_account_number',
  'reciever_account_number',
  'merchant_account_number',
];
/** Channels whose narration names the bank or the cash, not a party. */
const NO_PARTY_CHANNELS = new Set(['bank_charge', 'cash_withdrawal', 'cash_deposit']);

function field(t: TransactionView, name: string): string | null {
  const v = t.extra[name];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

/** Every party a transaction names, each (kind, key) once. */
export function partiesOf(t: TransactionView): Party[] {
  const out: Party[] = [];
  const seen = new Set<string>();
  const add = (kind: PartyKind, key: string | null, label: string) => {
    if (!key || seen.has(`${kind}:${key}`)) return;
    seen.add(`${kind}:${key}`);
    out.push({ kind, key, label });
  };
  if (!NO_PARTY_CHANNELS.has(t.channel.toLowerCase())) {
    const named = counterpartyOf(t);
    // `A/C 123...` is the narration's account number, indexed as one below.
    if (named && !/^AC \d+$/.test(named.key)) add('name', named.key, named.name);
  }
  for (const side of SIDES) {
    const handle = field(t, `${side}_upi_handle`);
    if (handle) add('upi', handle.toLowerCase(), handle);
    const ifsc = field(t, `${side}_ifsc`);
    if (ifsc) add('ifsc', ifscKey(ifsc), ifsc);
  }
  for (const name of ACCOUNT_FIELDS) {
    const number = field(t, name);
    if (number) add('account', accountKey(number), number);
  }
  for (const handle of upiHandlesIn(t.narration)) add('upi', handle, handle);
  for (const number of accountNumbersIn(t.narration)) add('account', number, number);
  for (const code of ifscsIn(t.narration)) add('ifsc', code, code);
  return out;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
