// Any field name the API sends, in words, for the places no label table covers (a
// transaction's other fields, a fraud item's details, the raw blocks): `creditor_upi_handle`
// -> `Creditor UPI handle`. Callers put the raw name on hover, so nothing is hidden.
import { keyWords, sentence } from './key-words';

// FinBox's own misspellings, read as meant.
const SPELLINGS: Readonly<Record<string, string>> = {
  reciever: 'receiver',
  withdrawl: 'withdrawal',
  chanrges: 'charges',
};

/** A field name in words, first letter upper case; a name that is not snake/camel case as sent. */
export function fieldLabel(key: string): string {
  const snake = key
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[\s-]+/g, '_');
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(snake)) return key;
  const tokens = snake
    .toLowerCase()
    .split('_')
    .map((t) => SPELLINGS[t] ?? t);
  return sentence(keyWords(tokens.join('_')));
}
