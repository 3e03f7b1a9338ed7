// The build that kept an opened view (core/session/view-cache.ts) must be this one: main's
// own bundle, hashed at start (a few ms), and the V8 that serialised the view.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The fingerprint of the running build, or null (no views are kept) if unreadable. */
export function buildFingerprint(bundle: string): string | null {
  try {
    const digest = createHash('sha256').update(readFileSync(bundle)).digest('hex');
    return `${digest}/v8-${process.versions.v8}`;
  } catch {
    return null;
  }
}
