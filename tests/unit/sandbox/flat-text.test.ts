// The generator keeps its text flat (src/sandbox/flat-text.ts) without changing a character
// of what it generates: the seeded sequences are those the character-by-character
// versions gave.
import { describe, expect, it } from 'vitest';
import { flatText } from '../../../src/sandbox/flat-text';
import { Random } from '../../../src/sandbox/random';

function drawn(random: Random, count: number, alphabet: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += Math.floor(random.next() * alphabet).toString(alphabet);
  return out;
}

describe('flat text in the sandbox generator', () => {
  it('flatText gives the same text, other scripts included', () => {
    const built = `UPI-${'RAMESH'}-${'98765'}43210@ybl-₹ 1,234.50-${'अ'}`;
    expect(flatText(built)).toBe(built);
    expect(flatText('')).toBe('');
  });

  it('digits and hex draw the same characters from the same seed as before', () => {
    const fast = new Random('demo-large-200000');
    const reference = new Random('demo-large-200000');
    for (let i = 0; i < 200; i++) {
      expect(fast.hex(32)).toBe(drawn(reference, 32, 16));
      expect(fast.digits(12)).toBe(drawn(reference, 12, 10));
    }
  });
});
