// The rule set that turns a FinBox metric or predictor key into words: a few patterns that
// rewrite windows, thresholds and day lists as phrases, then a token dictionary. Each token
// keeps its own meaning (no two tokens are merged), so distinct keys read differently.
import { formatWhole } from '../model/money';

/** FinBox's abbreviations, as an underwriter writes them. */
const TOKENS: Readonly<Record<string, string>> = {
  amt: 'amount',
  cnt: 'count',
  avg: 'average',
  avgof: 'average of',
  bal: 'balance',
  chq: 'cheque',
  chqs: 'cheques',
  inw: 'inward',
  iw: 'inward',
  outw: 'outward',
  ow: 'outward',
  insuff: 'insufficient',
  fund: 'funds',
  eod: 'EOD',
  eom: 'month-end',
  abb: 'ABB',
  emi: 'EMI',
  upi: 'UPI',
  imps: 'IMPS',
  neft: 'NEFT',
  rtgs: 'RTGS',
  ach: 'ACH',
  ecs: 'ECS',
  nach: 'NACH',
  gst: 'GST',
  od: 'OD',
  cc: 'CC',
  ccod: 'CC/OD',
  ifsc: 'IFSC',
  pan: 'PAN',
  dob: 'date of birth',
  lt: 'below',
  lte: 'at most',
  gt: 'above',
  gte: 'at least',
  perc: '%',
  percentage: '%',
  isto: 'to',
  vs: 'vs',
  wo: 'without',
  txn: 'transaction',
  txns: 'transactions',
  trxns: 'transactions',
  tranc: 'transaction',
  withdrawl: 'withdrawal',
  chrg: 'charge',
  chanrges: 'charges',
  mths: 'months',
  lk: 'lakh',
  fdrd: 'FD/RD',
  eb: 'electricity',
  bb: 'BB',
  mbc: 'monthly business credit',
  tech: 'technical',
  creditcard: 'credit card',
  debitless: 'debit-less',
  accountnumber: 'account number',
  busines: 'business',
  inlast: 'in the last',
  atleast: 'at least',
  ccod_limit: 'CC/OD limit',
  multipleof5: 'multiple of 5',
  annualised: 'annualised',
  saction: 'sanction',
  num: 'number',
  intrest: 'interest',
  eq: 'equal',
  tax: 'tax',
  sum: 'sum',
  max: 'maximum',
  min: 'minimum',
  v1: '(v1)',
  v2: '(v2)',
  v5: '(v5)',
};

/** Rewrites applied to the whole key before it is split; `~` joins words of one phrase. */
const PHRASES: readonly (readonly [RegExp, string])[] = [
  [/_in_a_day(?=_|$)/g, '_per~day'],
  [/(?:^|_)no_of(?=_)/g, '_number~of'],
  [/(?:^|_)within(\d+)(?=_|$)/g, '_within~$1'],
  [/(?:^|_)(\d+)dates(?=_|$)/g, '_$1~dates'],
  [/(?:^|_)last_(\d+)_(\d+)_days(?=_|$)/g, '_last~$1–$2~days'],
  [/(?:^|_)inlast_(\d+)_(\d+)days(?=_|$)/g, '_in~days~$1–$2'],
  [/(?:^|_)inlast_(\d+)days(?=_|$)/g, '_in~the~last~$1~days'],
  [/(?:^|_)c(\d+)(?=_|$)/g, '_last~$1~days'],
  [/(?:^|_)m(\d+)_to_m(\d+)(?=_|$)/g, '_months~$1~to~$2'],
  [/(?:^|_)(?:last_?)?(\d+)_?(full)?(?:months?|mths|mth|m)(?=_|$)/g, '_last~$1~$2~months'],
  [/(?:^|_)last_(\d+)_days(?=_|$)/g, '_last~$1~days'],
  [/(?:^|_)(\d+)days(?=_|$)/g, '_$1~days'],
  [/(?:^|_)(\d+)(?:st|nd|rd|th)(?=_|$)/g, '_day~$1'],
  [/(?:^|_)(\d+)k(?=_|$)/g, '_₹$1k'],
  [/(?:^|_)(\d+)lk(?=_|$)/g, '_₹$1~lakh'],
];

function isNumber(token: string): boolean {
  return /^\d+$/.test(token);
}

/** `1`, `10`, `15` -> `1, 10 and 15`. */
function list(numbers: readonly string[]): string {
  const plain = numbers.map((n) => String(Number(n)));
  return plain.length === 1
    ? plain[0]!
    : `${plain.slice(0, -1).join(', ')} and ${plain[plain.length - 1]}`;
}

/** The key as words: `avg_amt_upi_credit` -> `average amount UPI credit`. */
export function keyWords(key: string): string {
  let text = key.toLowerCase();
  for (const [pattern, replacement] of PHRASES) text = text.replace(pattern, replacement);
  const tokens = text.split('_').filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (isNumber(token)) {
      const run = [token];
      while (i + 1 < tokens.length && isNumber(tokens[i + 1]!)) run.push(tokens[++i]!);
      const previous = out[out.length - 1];
      if (previous === 'on' || previous === 'day') {
        out[out.length - 1] = `${previous === 'on' ? 'on ' : ''}day${run.length > 1 ? 's' : ''}`;
        out.push(list(run));
      } else if (run.length === 1 && /^(below|above|at least|at most)$/.test(previous ?? '')) {
        out.push(`₹${formatWhole(Number(token))}`);
      } else out.push(run.length === 1 ? token : list(run));
      continue;
    }
    out.push(TOKENS[token] ?? token);
  }
  return out
    .join(' ')
    .replace(/~+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\blast 1 months\b/g, 'last month')
    .replace(/\bin last\b/g, 'in the last')
    .trim();
}

/** First letter upper case, the rest as written. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
