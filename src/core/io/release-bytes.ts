// A Buffer's memory goes back only when a major GC finds it unreferenced, which during a
// long JSON.parse may be seconds later: 283 MB of received bytes would sit beside their
// text and the parsed value. Detaching its ArrayBuffer frees the memory at once.

/**
 * Frees `bytes`' memory now, when it owns its whole ArrayBuffer (not a slice of Node's
 * pool), or all of it but `spare` bytes at its end that no one reads; every view of it
 * reads as empty afterwards. The caller must hold the last use.
 */
export function releaseBytes(bytes: Buffer, spare = 0): void {
  const whole = bytes.buffer;
  if (!(whole instanceof ArrayBuffer) || whole.detached) return;
  if (bytes.byteOffset !== 0 || whole.byteLength - bytes.byteLength > spare) return;
  whole.transfer(0);
}
