// Personal details shown masked until the reviewer asks: only the last characters (or the
// mail domain) stay, enough to compare with an application form.
export function maskTail(value: string, keep = 4): string {
  const t = value.trim();
  if (t.length <= keep) return '•'.repeat(t.length);
  return '•'.repeat(Math.min(t.length - keep, 8)) + t.slice(-keep);
}

export function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at <= 0) return maskTail(value);
  return `${value[0]}•••${value.slice(at)}`;
}
