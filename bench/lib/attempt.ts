// A benchmark measurement that fails (a child process dies, a request is cut) is tried once
// more; a second failure is kept as the reason, so the run goes on to the other steps
// and sizes and reports it instead of dying with the first error.
export type Attempt<T> =
  | { readonly ok: true; readonly value: T; readonly retried: boolean }
  | { readonly ok: false; readonly error: string };

function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.trim() || 'failed';
}

export async function withOneRetry<T>(
  work: () => Promise<T>,
  onRetry: (reason: string) => void = () => undefined,
): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await work(), retried: false };
  } catch (first) {
    onRetry(reasonOf(first));
    try {
      return { ok: true, value: await work(), retried: true };
    } catch (second) {
      return { ok: false, error: reasonOf(second) };
    }
  }
}
