// A safeStorage stand-in that really transforms bytes (XOR with a key plus a marker), so
// tests can see that what reaches the disk is not the secret.
import type { SafeStorageLike } from '../../src/core/vault/vault';

const MARKER = Buffer.from('FAKEENC1');
const KEY = Buffer.from('test-only-key-not-protection');

function xor(bytes: Buffer): Buffer {
  return Buffer.from(bytes.map((b, i) => b ^ KEY[i % KEY.length]!));
}

export function fakeSafeStorage(
  options: { backend?: string; available?: boolean } = {},
): SafeStorageLike & { encryptCalls: number } {
  const backend = options.backend ?? 'gnome_libsecret';
  const available = options.available ?? true;
  return {
    encryptCalls: 0,
    isAsyncEncryptionAvailable: () => Promise.resolve(available),
    getSelectedStorageBackend: () => backend,
    encryptStringAsync(plain: string) {
      if (!available) return Promise.reject(new Error('Encryption is not available'));
      this.encryptCalls += 1;
      return Promise.resolve(Buffer.concat([MARKER, xor(Buffer.from(plain, 'utf8'))]));
    },
    decryptStringAsync(encrypted: Buffer) {
      if (!encrypted.subarray(0, MARKER.length).equals(MARKER)) {
        return Promise.reject(new Error('Not encrypted by this store'));
      }
      const result = xor(encrypted.subarray(MARKER.length)).toString('utf8');
      return Promise.resolve({ result, shouldReEncrypt: false });
    },
  };
}
