// Bytes of a dropped file -> base64 for the library:import call (the sandboxed page sees
// no file paths). Chunked: String.fromCharCode on a whole large file overflows the stack.
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}
