// Property-based fuzzing of every reader: sandbox responses of both endpoints, FinBox's own
// example and .bcsession files, mutated at random (tests/fuzz/mutate.ts), go through the
// client's parse, normalisation, library import and open, and the export. Property: no
// uncaught exception, no hang, no half-written output, memory bounded; each input either
// opens or is refused with one line and a code.
//
// Runs and seed: see settings.ts (a fixed seed in `npm test`, a random one in `npm run fuzz`,
// printed either way).
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { createBankConnectClient } from '../../src/core/api/client';
import { exportWorkbook } from '../../src/core/export/export-workbook';
import {
  bodiesOfDocument,
  decodeSessionFile,
  encodeSessionFile,
} from '../../src/core/library/format';
import { compressBody } from '../../src/core/library/format-2';
import { encodeFormat1File, SNAPSHOT_META } from '../fakes/format-1-file';
import { Library } from '../../src/core/library/store';
import { normalizeSession } from '../../src/shared/model/normalize';
import type { SessionView } from '../../src/shared/model/view-model';
import reference from '../../src/sandbox/data/reference-subscribed-data.json';
import { generateSession } from '../../src/sandbox/generator';
import { insightsResponse } from '../../src/sandbox/insights-shape';
import { DEMO_RETAIL_PLAN } from '../../src/sandbox/sessions';
import { tempDir } from '../unit/library/helpers';
import { applyMutations, applyTextMutation, mutation, textMutation } from './mutate';
import { announce, fuzzOptions } from './settings';

announce('readers');

const retail = generateSession({ ...DEMO_RETAIL_PLAN, sessionId: 'fuzz-retail' });
const SEEDS = {
  subscribed_data: retail.subscribed as unknown,
  insights: insightsResponse(retail.subscribed) as unknown,
  finbox_example: reference as unknown,
  session_status: retail.status as unknown,
};
const seedName = fc.constantFrom(...(Object.keys(SEEDS) as (keyof typeof SEEDS)[]));
const HEAP_LIMIT = 2 * 1024 ** 3;
const CASE_LIMIT_MS = 60_000;

/** A refusal as the app makes them: a code and one line. */
function expectOneLineRefusal(error: unknown, where: string): void {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const said = `${where}: ${String(code)}: ${String(message)}`;
  expect(typeof code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(code), said).toBe(true);
  expect(typeof message === 'string' && message.length > 0 && !message.includes('\n'), said).toBe(
    true,
  );
  expect(String(message), said).not.toMatch(/call stack|is not a function|Cannot read prop/);
}

async function outcome<T>(where: string, work: () => Promise<T>): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${where}: no answer in ${CASE_LIMIT_MS} ms`)),
      CASE_LIMIT_MS,
    );
  });
  try {
    return await Promise.race([work(), hang]);
  } catch (error) {
    if (error instanceof Error && error.message.includes('no answer in')) throw error;
    expectOneLineRefusal(error, where);
    return null;
  } finally {
    clearTimeout(timer);
  }
}

function clientAnswering(text: string) {
  return createBankConnectClient({
    baseUrl: 'http://127.0.0.1:9/bank-connect',
    apiKey: 'fuzz-key-1234',
    serverHash: 'fuzz-hash-1234',
    fetch: () =>
      Promise.resolve(new Response(text, { headers: { 'content-type': 'application/json' } })),
    retry: { maxAttempts: 1 },
  });
}

async function noTemps(dir: string): Promise<void> {
  const names = await readdir(dir, { recursive: true });
  expect(names.filter((n) => n.endsWith('.tmp'))).toEqual([]);
}

test.prop(
  [seedName, fc.array(mutation, { minLength: 1, maxLength: 5 }), textMutation],
  fuzzOptions(0),
)(
  'API responses, mutated, through client, normaliser, library and export',
  async (name, mutations, textChange) => {
    const text = applyTextMutation(
      JSON.stringify(applyMutations(SEEDS[name], mutations)),
      textChange,
    );
    const endpoint = name === 'insights' ? 'insights' : 'subscribed_data';
    const client = clientAnswering(text);
    const received =
      name === 'session_status'
        ? await outcome('client session_status', () => client.sessionStatus('fuzz-1'))
        : await outcome(`client ${endpoint}`, () => client.data('fuzz-1', endpoint));
    let view: SessionView | null = null;
    if (received && name !== 'session_status') {
      view = await outcome('normalise', () => Promise.resolve(normalizeSession(received.value)));
    }

    const dir = await tempDir('bcv-fuzz-');
    const library = new Library({ dir: join(dir, 'lib'), appVersion: 'fuzz' });
    const imported = await outcome('import', () =>
      library.importBytes(Buffer.from(text, 'utf8'), 'fuzz.json', '2026-12-01T00:00:00.000Z'),
    );
    if (imported) {
      // Saved means readable: what was imported opens again.
      const opened = await outcome('open', () => library.open(imported.record.sessionId));
      expect(opened, 'an imported file must open').not.toBeNull();
    }
    await noTemps(dir);

    if (view) {
      const destination = join(dir, 'out.xlsx');
      const written = await outcome('export', () =>
        exportWorkbook(view, { fetchedAt: '', source: 'fuzz', sandbox: true }, { destination }),
      );
      expect(existsSync(destination)).toBe(written !== null);
      await noTemps(dir);
    }
    expect(process.memoryUsage().heapUsed).toBeLessThan(HEAP_LIMIT);
  },
);

const byteChange = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.nat(),
    bit: fc.integer({ min: 0, max: 7 }),
  }),
);

const META = { ...SNAPSHOT_META, sessionId: 'fuzz-retail' };

/** Format 1, or format 2 with the two responses as bodies, or one document body. */
const layoutOf = fc.constantFrom(
  'format-1' as const,
  'format-2' as const,
  'format-2-document' as const,
);

test.prop(
  [fc.array(mutation, { maxLength: 4 }), textMutation, byteChange, layoutOf],
  fuzzOptions(1),
)(
  '.bcsession files, mutated inside (checksum recomputed) and as bytes',
  async (mutations, textChange, change, layout) => {
    const payload = applyMutations(
      { session_status: SEEDS.session_status, subscribed_data: SEEDS.subscribed_data },
      mutations,
    ) as Record<string, unknown>;
    let bytes: Buffer;
    if (layout === 'format-1') {
      const payloadText = applyTextMutation(JSON.stringify(payload), textChange);
      ({ bytes } = await encodeFormat1File({ payloadText, ...META }));
    } else {
      // A body is never empty (compressBody refuses it): a mutation that empties one is a space.
      const text = (value: unknown, change?: typeof textChange) => {
        const json = JSON.stringify(value) ?? 'null';
        return Buffer.from((change ? applyTextMutation(json, change) : json) || ' ');
      };
      const bodies =
        layout === 'format-2-document'
          ? await bodiesOfDocument(text(payload, textChange))
          : [
              await compressBody('session_status', text(payload['session_status'])),
              await compressBody('data', text(payload['subscribed_data'], textChange)),
            ];
      ({ bytes } = encodeSessionFile({ ...META, endpoint: 'subscribed_data', bodies }));
    }
    if (change.kind === 'cut') bytes = bytes.subarray(0, Math.floor(bytes.length * change.at));
    if (change.kind === 'flip' && bytes.length > 0) {
      bytes = Buffer.from(bytes);
      bytes[change.at % bytes.length]! ^= 1 << change.bit;
    }
    await outcome('decode', () => decodeSessionFile(bytes));
    const dir = await tempDir('bcv-fuzz-');
    const library = new Library({ dir: join(dir, 'lib'), appVersion: 'fuzz' });
    const imported = await outcome('import .bcsession', () =>
      library.importBytes(bytes, 'fuzz.bcsession', '2026-12-01T00:00:00.000Z'),
    );
    if (imported) {
      expect(await outcome('open', () => library.open(imported.record.sessionId))).not.toBeNull();
    }
    const listing = await library.list();
    expect(listing.problems).toEqual([]);
    await noTemps(dir);
    expect(process.memoryUsage().heapUsed).toBeLessThan(HEAP_LIMIT);
  },
);
