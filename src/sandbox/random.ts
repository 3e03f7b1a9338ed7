// A small seeded generator (sfc32) so every sandbox session is the same on every machine
// and every run: tests and benchmarks compare against figures they can recompute.

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number | string) {
    // Spread the seed over the four words (splitmix-style string hash).
    let h = 1779033703 ^ String(seed).length;
    const text = String(seed);
    for (let i = 0; i < text.length; i++) {
      h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
      h = (h << 13) | (h >>> 19);
    }
    const next = (): number => {
      h = Math.imul(h ^ (h >>> 16), 2246822507);
      h = Math.imul(h ^ (h >>> 13), 3266489909);
      return (h ^= h >>> 16) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A generator that draws from here on what this one would. */
  copy(): Random {
    const copy = new Random(0);
    copy.a = this.a;
    copy.b = this.b;
    copy.c = this.c;
    copy.d = this.d;
    return copy;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  digits(count: number): string {
    return this.characters(count, '0123456789');
  }

  hex(count: number): string {
    return this.characters(count, '0123456789abcdef');
  }

  /** `count` characters drawn from `alphabet`, as one flat string (see flat-text.ts). */
  private characters(count: number, alphabet: string): string {
    const codes = new Array<number>(count);
    for (let i = 0; i < count; i++) {
      codes[i] = alphabet.charCodeAt(Math.floor(this.next() * alphabet.length));
    }
    return String.fromCharCode(...codes);
  }

  /** A version-4-shaped UUID (deterministic, not random). */
  uuid(): string {
    const h = this.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
  }

  /** Amount in paise, log-uniform between two rupee amounts (small payments are common). */
  paise(minRupees: number, maxRupees: number): number {
    const low = Math.log(minRupees);
    const high = Math.log(maxRupees);
    const rupees = Math.exp(low + this.next() * (high - low));
    // Most real amounts are whole rupees; some carry paise.
    return this.chance(0.7) ? Math.round(rupees) * 100 : Math.round(rupees * 100);
  }
}
