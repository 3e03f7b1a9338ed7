// `--amount`: the search filter `bcv library search` and `bcv team search` share (one query
// language, parsed by shared/catalogue/query), described once.
export const AMOUNT_FLAG = {
  amount: {
    type: 'string',
    arg: 'RUPEES',
    help: 'an exact amount in rupees, matched to the paisa (45,000.50)',
  },
} as const;
