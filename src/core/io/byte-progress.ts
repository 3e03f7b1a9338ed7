// Byte counts for progress: a 283 MB answer arrives in thousands of chunks, so the count
// is passed on only when it has moved by about 1% of the total (1 MiB when none was
// announced), and once at the end.
const STEP_WITHOUT_TOTAL = 1 << 20;

export type ByteReport = (done: number, total: number | null) => void;

export function byteCounter(
  total: number | null,
  report: ByteReport | undefined,
): (done: number, finished?: boolean) => void {
  if (!report) return () => undefined;
  const step =
    total !== null && total > 0 ? Math.max(1, Math.floor(total / 100)) : STEP_WITHOUT_TOTAL;
  let last = -1;
  return (done, finished = false) => {
    if (!finished && last >= 0 && done - last < step) return;
    if (done === last) return;
    last = done;
    report(done, total);
  };
}
