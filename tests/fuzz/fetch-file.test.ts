// Fuzzing the reader of the file `bcv fetch --out` writes (core/library/fetch-file.ts, read
// by `bcv export FILE` and `bcv library import`): the file as fetch writes it for any
// profile name, host and time (quotes, backslashes, controls, long text), then its bodies
// mutated, its text mutated and its bytes cut or flipped. Property: it is read or refused
// with a code and one line; a note read is a real time and bounded names; and a file no
// one changed gives back exactly the time and source it was written with.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { fetchFilePieces } from '../../src/core/library/fetch-file';
import { readSessionInput } from '../../src/core/library/session-input';
import { generateSession } from '../../src/sandbox/generator';
import { DEMO_RETAIL_PLAN } from '../../src/sandbox/sessions';
import { tempDir } from '../unit/library/helpers';
import { applyMutations, applyTextMutation, mutation, textMutation } from './mutate';
import { announce, fuzzOptions } from './settings';

announce('bcv fetch file');

const retail = generateSession({ ...DEMO_RETAIL_PLAN, sessionId: 'fuzz-fetch' });
const STATUS = JSON.stringify(retail.status);
const DATA = JSON.stringify(retail.subscribed);

const nameOf = fc.oneof(
  fc.constantFrom('Ops "East" \\ desk', 'Sandbox', 'A (b)', 'x\ny', '\u001b[2J', 'é😀'),
  fc.string({ maxLength: 250 }),
);
const headOf = fc.record({
  profileName: fc.option(nameOf),
  host: fc.option(fc.oneof(fc.domain(), fc.string({ maxLength: 40 }))),
  sandbox: fc.boolean(),
  fetchedAt: fc.oneof(
    fc
      .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString()),
    fc.string({ maxLength: 50 }),
  ),
});
const changeOf = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({
    kind: fc.constant('bodies' as const),
    mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant('text' as const), text: textMutation }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.nat(),
    bit: fc.integer({ min: 0, max: 7 }),
  }),
);

let dir: string | null = null;

test.prop([headOf, changeOf], fuzzOptions(30))(
  'any bcv fetch file: read or refused in one line; an unchanged one round-trips',
  async (head, change) => {
    dir ??= await tempDir('bcv-fuzz-fetch-');
    let data = DATA;
    if (change.kind === 'bodies') {
      data = JSON.stringify(applyMutations(retail.subscribed, change.mutations)) ?? 'null';
    }
    const provenance = { profileName: head.profileName, host: head.host, sandbox: head.sandbox };
    let bytes = Buffer.concat(
      fetchFilePieces(
        {
          sessionId: 'fuzz-fetch',
          fetchedAt: head.fetchedAt,
          provenance,
          endpoint: 'subscribed_data',
        },
        Buffer.from(STATUS),
        Buffer.from(data),
      ),
    );
    if (change.kind === 'text') {
      bytes = Buffer.from(applyTextMutation(bytes.toString('utf8'), change.text));
    }
    if (change.kind === 'cut') bytes = bytes.subarray(0, Math.floor(bytes.length * change.at));
    if (change.kind === 'flip' && bytes.length > 0) {
      bytes[change.at % bytes.length]! ^= 1 << change.bit;
    }
    const path = join(dir, 'case.json');
    await writeFile(path, bytes);
    let input;
    try {
      input = await readSessionInput(path);
    } catch (error) {
      const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
      const said = `${String(code)}: ${String(message)}`;
      expect(typeof code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(code), said).toBe(true);
      expect(typeof message === 'string' && !message.includes('\n'), said).toBe(true);
      expect(String(message), said).not.toMatch(/call stack|is not a function|Cannot read prop/);
      return;
    }
    const note = input.fetched;
    if (note) {
      expect(new Date(note.fetchedAt).toISOString()).toBe(note.fetchedAt);
      expect((note.source.profileName ?? '').length).toBeLessThanOrEqual(200);
      expect((note.source.host ?? '').length).toBeLessThanOrEqual(300);
    }
    if (change.kind === 'none') {
      // Unchanged: the time as written (when it is one), the source field by field.
      const time = Date.parse(head.fetchedAt);
      if (Number.isNaN(time) || head.fetchedAt.length > 40 || head.fetchedAt === '') {
        expect(note).toBeNull();
      } else {
        expect(note?.fetchedAt).toBe(new Date(time).toISOString());
        const fits = (s: string | null, max: number) => (s && s.length <= max ? s : null);
        expect(note?.source).toEqual({
          profileName: fits(head.profileName, 200),
          host: fits(head.host, 300),
          sandbox: head.sandbox,
        });
      }
    }
  },
);
