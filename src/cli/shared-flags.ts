// Flags several commands take, each defined once so its name, placeholder and help read
// the same wherever it appears.
export const LIBRARY_FLAG = {
  library: { type: 'string', arg: 'DIR', help: 'the library folder (BCV_LIBRARY)' },
} as const;

export const JSON_FLAG = { json: { type: 'boolean', help: 'print JSON' } } as const;

export const SNAPSHOT_FLAG = {
  snapshot: { type: 'string', arg: 'ID', help: 'one snapshot (default: the latest)' },
} as const;
