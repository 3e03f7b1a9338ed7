// The one order of review events every copy agrees on, apart from the review file's zod
// schemas (document.ts) so the renderer can sort events without loading them.
export function compareEvents(
  a: { readonly at: string; readonly id: string },
  b: { readonly at: string; readonly id: string },
): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
