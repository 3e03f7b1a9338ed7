// A released migration has run on lenders' servers: its SQL may be written differently in
// the source (helpers for repeated statements) but must generate the same text, byte for
// byte. The digests were taken from the SQL as each version was released.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src/core/team/migrations';

const RELEASED: Readonly<Record<number, string>> = {
  1: '8f2780809e9007e5d4241b0fd2e3aa24a396e0b426c2295fce8b8f3a3d166e9b',
  2: '50c5bbd958f207abde7e8982f812abd71e4fd777f480069fb754f1ebe66cfb12',
  3: '6b1516f10fcc13bc2747103ca1d48163aeff64f8da5e9ff760b6c134d00187d1',
  4: '0ce212a14ffe629a9792ca3af5285912f56dc261f198c6bd0767636e2d7c6ca4',
  5: '8bf2b5d81db59f582dad10167ebfd2f20803827e4f228e04b20c2e90d7f5a3de',
  6: 'c95a8504656b843e226e4350207f2ada376cdce4fd0bf2edc088d5e7652a9d5c',
  7: '65a62c7b8b0790c5cc3ccdff625a32c3636b58d69014ed96606dc9261bd3172f',
  8: 'd9a197d99b6ebe978b7e1c1bd53b9fa9bc4c88f044599834154492ac369163ec',
  9: '1de5c27441702cadae39bbe7508d4728e081913bb668fcbdd9b5bcc95c16ffe3',
  10: '239e01df8b06702d34cc1ca5f6fe828ea924a9a517fa1879387a8b4dfd8546d4',
  11: '598ff21f9452b069b184ce6477d1082625dc075649037bd78fca4dde690a09e9',
  12: '8bec226f495ac2b9a910fd5566c32eae887da6fd38d3e4902d92e8f6020387e7',
};

describe('released team migrations', () => {
  it.each(Object.entries(RELEASED))(
    'version %s generates the SQL it was released with',
    (version, digest) => {
      const migration = MIGRATIONS.find((m) => m.version === Number(version));
      expect(migration).toBeDefined();
      expect(createHash('sha256').update(migration!.sql).digest('hex')).toBe(digest);
    },
  );

  it('numbers the migrations 1, 2, 3... in order', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });
});
