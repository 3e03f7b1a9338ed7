// What counts as a raw API word where a person reads (screens, sheets, the printed memo):
// snake_case, and a bank's lower-case code standing alone; what the API sent as data (a
// UPI handle, an e-mail address, an id, a file name) is not.
/** snake_case words, and a bank's lower-case code standing alone. */
const RAW = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b|^(?:icici|hdfc|sbi|axis|kotak|yes|idfc|federal)$/g;
/** Data, not words: UPI handles, e-mail addresses, ids, file names, URLs. */
const DATA = [
  /^[\w.-]+@[\w.-]+$/,
  /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/,
  /^[\w.-]+\.(xlsx|json|bcsession|pdf)$/,
];

export function rawWords(text: string): string[] {
  const found: string[] = [];
  for (const token of text.split(/\s+/)) {
    const word = token.replace(/^[("“'`]+|[)"”'`.,:;]+$/g, '');
    if (DATA.some((d) => d.test(word))) continue;
    for (const m of word.matchAll(RAW)) found.push(m[0]);
  }
  return found;
}
