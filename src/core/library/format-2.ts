// The `.bcsession` format 2 layout (docs: docs/saved-sessions.md):
//
//   "BCSESS2\n"   8 bytes magic (not gzip's 1f 8b: the first bytes tell format 1 from 2)
//   u32 LE H      length of the header JSON
//   H bytes       header JSON: meta, the bodies (name, offset, length, rawLength, and
//                 duplicateKeys when this app read the body as JSON before storing it)
//                 and sha256 = SHA-256 of the data block
//   data block    each body's bytes exactly as received, each zstd-compressed on its own
//                 frame (with zstd's content checksum); the bodies follow one another
//   sections      zero or more, outside the checksum: 8 bytes tag, u32 LE length, bytes
//
// The SHA-256 covers the stored (compressed) bytes: decompression is a function, so equal
// stored bytes are equal received bytes, and hashing 15 MB instead of 283 MB keeps it
// off the open's time; zstd's own frame checksum then proves each body decompressed to
// what was compressed. Sections (the review) can be replaced without touching the header
// or the data block, so the checksum still holds.
//
// A body's duplicateKeys is what reading its bytes found (nesting within the limit, these
// keys given twice): the bytes are proven unchanged at every open, so the library's own
// files are parsed without reading them a second time for that (decodeSessionFile's
// `recorded`). A file from elsewhere is read in full and its record is not believed.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';
import { z } from 'zod';
import { parseWith } from '@shared/api/parse';
import { DATA_ENDPOINTS, type DataEndpoint } from '@shared/api/endpoints';
import {
  JsonReadError,
  MAX_REPORTS,
  MAX_VALUES_SHOWN,
  readJson,
  type DuplicateKey,
} from '@shared/json/read-json';
import { CoreError } from '../core-error';
import { formatMiB, inflateBounded, MAX_SESSION_BYTES, TooLargeError } from '../io/size-ceiling';
import { LibraryError } from './library-errors';
import { FORMAT_NAME, isoTime, sha256Hex64, snapshotMetaFields } from './meta-schema';

export const FORMAT2_MAGIC = Buffer.from('BCSESS2\n', 'latin1');
export const FORMAT2_VERSION = 2;
/** Far more than any header (a few hundred bytes): a larger claim is damage, not a header. */
const MAX_HEADER_BYTES = 1024 * 1024;
const PREFIX_BYTES = FORMAT2_MAGIC.length + 4;
/** A larger record of duplicate keys is not kept in the header: such a body is read in full. */
const MAX_RECORD_BYTES = 256 * 1024;
const SECTION_HEAD_BYTES = 8 + 4;

/**
 * What a body holds: `session_status` and `data` are the two API answers as received (a
 * live fetch); `document` is one JSON file holding them as given to the app (an import of
 * raw JSON, or a format-1 file's payload text, the bytes its checksum covered).
 */
export const BODY_NAMES = ['session_status', 'data', 'document'] as const;
export type BodyName = (typeof BODY_NAMES)[number];

export interface StoredBody {
  readonly name: BodyName;
  /** The zstd frame, as it sits in the file. */
  readonly compressed: Buffer;
  /** Length of the bytes as received. */
  readonly rawLength: number;
  /**
   * Set when this app read the bytes as JSON before storing them: they nest within the
   * limit and give these keys twice. Absent: never read here, so read in full at open.
   */
  readonly duplicateKeys?: readonly DuplicateKey[];
}

export interface Section {
  /** Up to 8 ASCII characters ("review"). */
  readonly tag: string;
  readonly bytes: Buffer;
}

const headerSchema = z.object({
  ...snapshotMetaFields,
  version: z.literal(FORMAT2_VERSION),
  endpoint: z.enum(DATA_ENDPOINTS).nullable(),
  bodies: z
    .array(
      z.object({
        name: z.enum(BODY_NAMES),
        offset: z.number().int().min(0),
        length: z.number().int().min(1),
        rawLength: z.number().int().min(1),
        duplicateKeys: z
          .array(
            z.object({
              path: z.string(),
              key: z.string(),
              values: z.array(z.string()).max(MAX_VALUES_SHOWN),
            }),
          )
          .max(MAX_REPORTS)
          .optional(),
      }),
    )
    .min(1)
    .max(BODY_NAMES.length),
  /** Set by `bcv library upgrade`: the format-1 checksum, over the document body's bytes. */
  upgradedFrom: z
    .object({
      version: z.literal(1),
      sha256: sha256Hex64,
      upgradedAt: isoTime,
      appVersion: z.string().max(100),
    })
    .optional(),
});

export type Format2Header = z.infer<typeof headerSchema>;
export type Format2Meta = Omit<Format2Header, 'format' | 'version' | 'bodies' | 'sha256'>;

export function looksFormat2(bytes: Uint8Array): boolean {
  return (
    bytes.length >= FORMAT2_MAGIC.length &&
    FORMAT2_MAGIC.equals(Buffer.from(bytes.buffer, bytes.byteOffset, FORMAT2_MAGIC.length))
  );
}

export function sha256OfBodies(bodies: readonly StoredBody[]): string {
  const hash = createHash('sha256');
  for (const body of bodies) hash.update(body.compressed);
  return hash.digest('hex');
}

const zstdCompressAsync = promisify(zlib.zstdCompress);

/** A body as received, compressed as the file keeps it (zstd's content checksum on). */
export async function compressBody(
  name: BodyName,
  raw: Uint8Array,
  duplicateKeys?: readonly DuplicateKey[],
): Promise<StoredBody> {
  if (raw.length === 0) throw new LibraryError('NO_DATA', `the ${name} response is empty`);
  const compressed = await zstdCompressAsync(raw, {
    params: { [zlib.constants.ZSTD_c_checksumFlag]: 1 },
  });
  return withRecord({ name, compressed, rawLength: raw.length }, duplicateKeys);
}

/** The body with what reading it found, when the header can hold that (else without). */
export function withRecord(
  body: StoredBody,
  duplicateKeys: readonly DuplicateKey[] | undefined,
): StoredBody {
  const { duplicateKeys: _was, ...bare } = body;
  if (!duplicateKeys) return bare;
  const fits =
    duplicateKeys.length <= MAX_REPORTS &&
    duplicateKeys.every((d) => d.values.length <= MAX_VALUES_SHOWN) &&
    Buffer.byteLength(JSON.stringify(duplicateKeys)) <= MAX_RECORD_BYTES;
  return fits ? { ...bare, duplicateKeys } : bare;
}

function u32(value: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeUInt32LE(value, 0);
  return out;
}

function sectionBytes(sections: readonly Section[]): Buffer[] {
  return sections.flatMap(({ tag, bytes }) => {
    if (!/^[\x21-\x7e]{1,8}$/.test(tag)) throw new Error(`bad section tag "${tag}"`);
    return [Buffer.from(tag.padEnd(8, ' '), 'latin1'), u32(bytes.length), bytes];
  });
}

/** The whole file: header, the bodies as given, then the sections. */
export function encodeFormat2(
  meta: Format2Meta,
  bodies: readonly StoredBody[],
  sections: readonly Section[] = [],
): { bytes: Buffer; sha256: string } {
  let offset = 0;
  const listed = bodies.map(({ name, compressed, rawLength, duplicateKeys }) => {
    const entry = {
      name,
      offset,
      length: compressed.length,
      rawLength,
      ...(duplicateKeys ? { duplicateKeys } : {}),
    };
    offset += compressed.length;
    return entry;
  });
  const sha256 = sha256OfBodies(bodies);
  const header = Buffer.from(
    JSON.stringify({
      format: FORMAT_NAME,
      version: FORMAT2_VERSION,
      ...meta,
      bodies: listed,
      sha256,
    }),
    'utf8',
  );
  const bytes = Buffer.concat([
    FORMAT2_MAGIC,
    u32(header.length),
    header,
    ...bodies.map((b) => b.compressed),
    ...sectionBytes(sections),
  ]);
  return { bytes, sha256 };
}

export interface Format2Layout {
  readonly header: Format2Header;
  readonly bodies: readonly StoredBody[];
  readonly sections: readonly Section[];
  /** Where the data block ends: bytes before it are the header and the checksummed data. */
  readonly dataEnd: number;
}

function truncated(what: string): LibraryError {
  return new LibraryError(
    'TRUNCATED',
    `the file is truncated (${what}): the copy or download did not finish`,
  );
}

function headerOf(bytes: Uint8Array): { header: Format2Header; headerEnd: number } {
  if (bytes.length < PREFIX_BYTES) throw truncated('it ends inside the format-2 prefix');
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const length = view.readUInt32LE(FORMAT2_MAGIC.length);
  if (length > MAX_HEADER_BYTES) {
    throw new LibraryError(
      'CORRUPT',
      `the file is damaged (its header claims ${length} bytes, more than any header)`,
    );
  }
  const headerEnd = PREFIX_BYTES + length;
  if (headerEnd > bytes.length) {
    throw truncated(`the header claims ${length} bytes, ${bytes.length - PREFIX_BYTES} follow`);
  }
  let value: unknown;
  try {
    value = readJson(view.toString('utf8', PREFIX_BYTES, headerEnd), 'the header').value;
  } catch (error) {
    if (error instanceof JsonReadError && error.code === 'TOO_DEEP') {
      throw new LibraryError('TOO_DEEP', error.message);
    }
    throw new LibraryError('CORRUPT', 'the file is damaged (its header is not JSON)');
  }
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  if (record['format'] !== FORMAT_NAME) {
    throw new LibraryError(
      'NOT_BCSESSION',
      `not a .bcsession file (format is not "${FORMAT_NAME}")`,
    );
  }
  const version = record['version'];
  if (typeof version === 'number' && Number.isInteger(version) && version > FORMAT2_VERSION) {
    throw newerFormat(version);
  }
  return { header: parseWith(headerSchema, value, 'The .bcsession header'), headerEnd };
}

export function newerFormat(version: number): LibraryError {
  return new LibraryError(
    'NEWER_FORMAT',
    `saved by a newer BankConnect Viewer (format version ${version}; this app reads up to ${FORMAT2_VERSION}): update the app to open it`,
  );
}

function checkBodies(header: Format2Header, limit: number): void {
  const names = new Set(header.bodies.map((b) => b.name));
  const wellFormed =
    names.size === header.bodies.length &&
    (names.has('document') ? names.size === 1 : names.has('data'));
  if (!wellFormed) {
    throw new LibraryError(
      'CORRUPT',
      'the file is damaged (its header lists neither a data body nor one document)',
    );
  }
  let offset = 0;
  let raw = 0;
  for (const body of header.bodies) {
    if (body.offset !== offset) {
      throw new LibraryError('CORRUPT', `the file is damaged (body ${body.name} is out of place)`);
    }
    offset += body.length;
    raw += body.rawLength;
  }
  if (raw > limit) {
    throw new TooLargeError(
      `the file unpacks to ${formatMiB(raw)}, more than the largest session this app opens (${formatMiB(limit)}): refused`,
    );
  }
}

function sectionsAfter(view: Buffer, start: number): Section[] {
  const sections: Section[] = [];
  for (let at = start; at < view.length;) {
    if (at + SECTION_HEAD_BYTES > view.length) throw truncated('it ends inside a section head');
    const tag = view.toString('latin1', at, at + 8).trimEnd();
    const length = view.readUInt32LE(at + 8);
    const end = at + SECTION_HEAD_BYTES + length;
    if (end > view.length) {
      throw truncated(`section "${tag}" claims ${length} bytes, ${view.length - at - 12} follow`);
    }
    sections.push({ tag, bytes: view.subarray(at + SECTION_HEAD_BYTES, end) });
    at = end;
  }
  return sections;
}

/**
 * The file's parts, checked: the header, the data block against its checksum, the
 * sections' lengths. Nothing is decompressed.
 */
export function readFormat2Layout(bytes: Uint8Array, limit = MAX_SESSION_BYTES): Format2Layout {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const { header, headerEnd } = headerOf(view);
  checkBodies(header, limit);
  const dataLength = header.bodies.reduce((n, b) => n + b.length, 0);
  const dataEnd = headerEnd + dataLength;
  if (dataEnd > view.length) {
    throw truncated(`${view.length - headerEnd} of ${dataLength} data bytes`);
  }
  const bodies = header.bodies.map(({ name, offset, length, rawLength, duplicateKeys }) => ({
    name,
    rawLength,
    compressed: view.subarray(headerEnd + offset, headerEnd + offset + length),
    ...(duplicateKeys ? { duplicateKeys } : {}),
  }));
  if (sha256OfBodies(bodies) !== header.sha256) {
    throw new LibraryError(
      'CHECKSUM_MISMATCH',
      'checksum mismatch: the saved data was corrupted or edited after saving',
    );
  }
  return { header, bodies, sections: sectionsAfter(view, dataEnd), dataEnd };
}

/**
 * Bytes inflateBody's buffer has past the body: node:zlib makes a second output buffer as
 * large as the first whenever the first is filled to its end (283 MB at 200,000
 * transactions, untouched but counted as memory in use, which set off a garbage collection
 * at every open), so the one buffer is a byte longer than the body.
 */
export const INFLATED_SPARE_BYTES = 1;

/**
 * The bytes as received. The output buffer is sized from the header at once (node:zlib's
 * default 16 KiB steps take 7x as long at 283 MB), and never past what the header says.
 * Its ArrayBuffer is the caller's alone, INFLATED_SPARE_BYTES longer than the bytes.
 */
export async function inflateBody(body: StoredBody): Promise<Buffer> {
  let raw: Buffer;
  try {
    raw = await inflateBounded(body.compressed, 'zstd', {
      limit: body.rawLength,
      chunkSize: body.rawLength + INFLATED_SPARE_BYTES,
    });
  } catch (error) {
    throw bodyFailure(body, error);
  }
  if (raw.length !== body.rawLength) {
    throw new LibraryError(
      'CORRUPT',
      `the file is damaged (body ${body.name} unpacks to ${raw.length} bytes, its header says ${body.rawLength})`,
    );
  }
  return raw;
}

function bodyFailure(body: StoredBody, error: unknown): LibraryError {
  if (error instanceof TooLargeError) {
    return new LibraryError(
      'CORRUPT',
      `the file is damaged (body ${body.name} unpacks to more than its header's ${body.rawLength} bytes)`,
    );
  }
  if (error instanceof CoreError) return error as LibraryError;
  const { code, message } = error as { code?: string; message?: string };
  if (code === 'ZSTD_error_checksum_wrong') {
    return new LibraryError(
      'CHECKSUM_MISMATCH',
      `checksum mismatch: body ${body.name} does not unpack to the bytes that were saved`,
    );
  }
  return new LibraryError(
    'CORRUPT',
    `the file is damaged (body ${body.name}: ${message ?? code ?? 'invalid zstd data'})`,
  );
}

/** The file with its sections replaced: header and data block byte for byte as they were. */
export function withSections(
  bytes: Uint8Array,
  layout: Format2Layout,
  sections: readonly Section[],
): Buffer {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  return Buffer.concat([view.subarray(0, layout.dataEnd), ...sectionBytes(sections)]);
}

export type { DataEndpoint };
