// What every .bcsession header says of its snapshot, in either format: checked on reading.
import { z } from 'zod';

export const FORMAT_NAME = 'bankconnect-viewer/session';

export const isoTime = z.string().min(1).max(40);
export const sha256Hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex');

export const snapshotMetaFields = {
  format: z.literal(FORMAT_NAME),
  sessionId: z.string().min(1).max(500),
  savedAt: isoTime,
  fetchedAt: isoTime,
  appVersion: z.string().max(100),
  source: z.object({
    kind: z.enum(['live', 'imported']),
    profileName: z.string().max(200).nullable(),
    host: z.string().max(300).nullable(),
    sandbox: z.boolean(),
  }),
  sha256: sha256Hex64,
};
