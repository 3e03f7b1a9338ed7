// A base URL requests can be built on: the session path goes after it, so a query or a
// fragment would swallow it (`http://h?q=1` sends every request to `/?q=1/v1/...`, `#x`
// to `/`). Refused rather than guessed at.
export function baseUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null; // not a URL at all: the caller says so
  }
  if (parsed.search !== '' || url.includes('?'))
    return 'has a query (?...): requests are made by adding the session path to it, so it cannot have one';
  if (parsed.hash !== '' || url.includes('#'))
    return 'has a fragment (#...): requests are made by adding the session path to it, so it cannot have one';
  return null;
}
