// Strings built piece by piece (`+=`, template literals) are kept by V8 as trees of their
// pieces, about 1 KB for an 80-character narration. A 200,000-transaction session held
// that way is 140 MB more than its text, so text the generator keeps is copied out flat.

/** The same text as one contiguous string. */
export function flatText(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}
