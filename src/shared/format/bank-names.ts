// Banks by the names underwriters know them by, from FinBox's bank identifiers (`icici`,
// `sbi`, ...). An identifier not listed still shows, tidied, never as a blank.
const NAMES: Readonly<Record<string, string>> = {
  sbi: 'State Bank of India',
  hdfc: 'HDFC Bank',
  icici: 'ICICI Bank',
  axis: 'Axis Bank',
  kotak: 'Kotak Mahindra Bank',
  yesbnk: 'Yes Bank',
  yes: 'Yes Bank',
  indusind: 'IndusInd Bank',
  idfc: 'IDFC FIRST Bank',
  idbi: 'IDBI Bank',
  pnb: 'Punjab National Bank',
  bob: 'Bank of Baroda',
  baroda: 'Bank of Baroda',
  boi: 'Bank of India',
  canara: 'Canara Bank',
  union: 'Union Bank of India',
  ubi: 'Union Bank of India',
  central: 'Central Bank of India',
  cbi: 'Central Bank of India',
  indian: 'Indian Bank',
  iob: 'Indian Overseas Bank',
  uco: 'UCO Bank',
  mahabk: 'Bank of Maharashtra',
  bom: 'Bank of Maharashtra',
  psb: 'Punjab & Sind Bank',
  federal: 'Federal Bank',
  karnataka: 'Karnataka Bank',
  kvb: 'Karur Vysya Bank',
  south_indian: 'South Indian Bank',
  sib: 'South Indian Bank',
  rbl: 'RBL Bank',
  bandhan: 'Bandhan Bank',
  au: 'AU Small Finance Bank',
  dcb: 'DCB Bank',
  citi: 'Citibank',
  hsbc: 'HSBC',
  sc: 'Standard Chartered',
  scb: 'Standard Chartered',
  dbs: 'DBS Bank',
  jkb: 'Jammu & Kashmir Bank',
  tmb: 'Tamilnad Mercantile Bank',
  cub: 'City Union Bank',
  saraswat: 'Saraswat Bank',
  cosmos: 'Cosmos Bank',
  equitas: 'Equitas Small Finance Bank',
  ujjivan: 'Ujjivan Small Finance Bank',
  paytm: 'Paytm Payments Bank',
  airtel: 'Airtel Payments Bank',
  fino: 'Fino Payments Bank',
  ippb: 'India Post Payments Bank',
};

// Statements also name the bank in full, in capitals ("ICICI BANK", "STATE BANK OF INDIA
// LTD"): matched to the same display names, ignoring case, "Ltd"/"Limited" and "The".
const BY_NAME = new Map(Object.values(NAMES).map((name) => [plainName(name), name]));

function plainName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[.,]/g, ' ')
    .replace(/\b(the|ltd|limited)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `icici` or `ICICI BANK` -> `ICICI Bank`; an unknown code as sent, upper-cased when short. */
export function bankName(code: string | null | undefined): string | null {
  if (!code) return null;
  const key = code.trim().toLowerCase();
  if (key === '') return null;
  const known = NAMES[key] ?? BY_NAME.get(plainName(key)) ?? BY_NAME.get(`${plainName(key)} bank`);
  if (known) return known;
  return /^[a-z0-9_]{1,8}$/.test(key) ? key.replace(/_/g, ' ').toUpperCase() : code.trim();
}
