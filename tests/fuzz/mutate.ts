// Random structural mutations of a JSON document (fast-check arbitraries): type swaps,
// deleted and duplicated keys, lists for objects and back, truncation, huge numbers and
// strings, deep nesting, control and non-BMP characters. A mutation names its target by
// a number, taken modulo the nodes there are, so every generated case applies.
import { fc } from '@fast-check/vitest';

type Json = unknown;

const ODD_STRINGS = [
  '\u001b]0;owned\u0007',
  '\u001b[2J',
  '\u0000\u0001\u007f\u009b',
  '😀𝄞\u{10ffff}',
  '\ud800',
  '\u202eevil',
  '=HYPERLINK("x")',
  '',
];
const ODD_NUMBERS = [1e308, -1e308, 2 ** 53 + 1, -0, 5e-324, 123456789012345.67];

export const mutation = fc.oneof(
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('number' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({
    kind: fc.constant('text' as const),
    at: fc.nat(),
    to: fc.nat(),
    extra: fc.string({ unit: 'binary', maxLength: 20 }),
  }),
  fc.record({
    kind: fc.constant('huge' as const),
    at: fc.nat(),
    size: fc.integer({ min: 1, max: 2_000_000 }),
  }),
  fc.record({
    kind: fc.constant('nest' as const),
    at: fc.nat(),
    depth: fc.integer({ min: 1, max: 400 }),
  }),
);
export type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

/** Text-level mutations, applied to the serialised document. */
export const textMutation = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({
    kind: fc.constant('truncate' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant('duplicate-key' as const),
    at: fc.nat(),
    value: fc.jsonValue({ maxDepth: 1 }),
  }),
  fc.constant({ kind: 'bom' as const }),
);
export type TextMutation = typeof textMutation extends fc.Arbitrary<infer M> ? M : never;

interface Slot {
  readonly parent: Record<string, Json> | Json[];
  readonly key: string | number;
}

function slots(root: Json): Slot[] {
  const found: Slot[] = [];
  const stack: Json[] = [root];
  while (stack.length > 0 && found.length < 50_000) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      // Long lists (transactions) are sampled, not walked whole.
      const step = Math.max(1, Math.floor(value.length / 50));
      for (let i = 0; i < value.length; i += step) {
        found.push({ parent: value, key: i });
        stack.push(value[i]);
      }
    } else if (value !== null && typeof value === 'object') {
      for (const key of Object.keys(value)) {
        found.push({ parent: value as Record<string, Json>, key });
        stack.push((value as Record<string, Json>)[key]);
      }
    }
  }
  return found;
}

function set(slot: Slot, value: Json): void {
  (slot.parent as Record<string | number, Json>)[slot.key] = value;
}

function get(slot: Slot): Json {
  return (slot.parent as Record<string | number, Json>)[slot.key];
}

export function applyMutations(document: Json, mutations: readonly Mutation[]): Json {
  const root = structuredClone(document);
  for (const m of mutations) {
    const all = slots(root);
    if (all.length === 0) break;
    const slot = all[m.at % all.length]!;
    const value = get(slot);
    switch (m.kind) {
      case 'swap': {
        const options: Json[] = [null, 0, 'text', true, [], {}, [value], { value }];
        set(slot, options[m.to % options.length]);
        break;
      }
      case 'delete':
        if (Array.isArray(slot.parent)) slot.parent.splice(Number(slot.key), 1);
        else delete slot.parent[slot.key as string];
        break;
      case 'flip':
        if (Array.isArray(value))
          set(slot, Object.fromEntries(value.map((v, i) => [String(i), v])));
        else if (value !== null && typeof value === 'object') set(slot, Object.values(value));
        break;
      case 'number':
        set(slot, ODD_NUMBERS[m.to % ODD_NUMBERS.length]);
        break;
      case 'text':
        set(slot, `${ODD_STRINGS[m.to % ODD_STRINGS.length]}${m.extra}`);
        break;
      case 'huge':
        set(slot, 'Z'.repeat(m.size));
        break;
      case 'nest': {
        let nested: Json = value;
        for (let d = 0; d < m.depth; d++) nested = [nested];
        set(slot, nested);
        break;
      }
    }
  }
  return root;
}

export function applyTextMutation(text: string, m: TextMutation): string {
  switch (m.kind) {
    case 'none':
      return text;
    case 'truncate':
      return text.slice(0, Math.floor(text.length * m.at));
    case 'bom':
      return `\uFEFF${text}`;
    case 'duplicate-key': {
      const keys = [...text.matchAll(/"([A-Za-z_]+)":/g)];
      if (keys.length === 0) return text;
      const hit = keys[m.at % keys.length]!;
      const at = hit.index;
      return `${text.slice(0, at)}"${hit[1]}":${JSON.stringify(m.value)},${text.slice(at)}`;
    }
  }
}
