/**
 * A small seeded pseudo-random generator (sfc32, seeded through a 128-bit string hash), so the
 * demo data is the same for the same seed on every machine. Math.random is never used.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max] (both included). */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** One element, chosen with the given weights. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** A normally distributed number (Box-Muller), for amounts and durations. */
  normal(mean: number, deviation: number): number;
  /** `count` distinct elements of a list, in random order. */
  sample<T>(items: readonly T[], count: number): T[];
  /**
   * An independent generator for a named part (`company:42`): each entity draws from its own
   * stream, so generating more of one kind never shifts the values of another.
   */
  fork(label: string | number): Random;
}

function hash128(text: string): [number, number, number, number] {
  // cyrb128-style mixing: four 32-bit lanes, each fed every character.
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    h1 = h2 ^ Math.imul(h1 ^ code, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ code, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ code, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ code, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/**
 * Creates a generator from a seed.
 *
 * @example
 * ```ts
 * const random = createRandom('demo-2026');
 * random.int(1, 6);                   // the same number on every run
 * random.fork('company:7').pick(['Cancity', 'Isdom', 'Zumgoity']);
 * ```
 */
export function createRandom(seed: string | number): Random {
  const key = String(seed);
  let [a, b, c, d] = hash128(key);
  const nextUint = (): number => {
    // sfc32: small, fast, passes PractRand for these purposes.
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Warm up so that similar seeds diverge at once.
  for (let index = 0; index < 12; index++) nextUint();

  const random: Random = {
    next: () => nextUint() / 4294967296,
    int(min, max) {
      return min + Math.floor(random.next() * (max - min + 1));
    },
    chance(p) {
      return random.next() < p;
    },
    pick(items) {
      return items[Math.floor(random.next() * items.length)]!;
    },
    weighted(items) {
      const total = items.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = random.next() * total;
      for (const [item, weight] of items) {
        roll -= weight;
        if (roll < 0) return item;
      }
      return items[items.length - 1]![0];
    },
    normal(mean, deviation) {
      const u = 1 - random.next();
      const v = random.next();
      return mean + deviation * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    sample(items, count) {
      const pool = [...items];
      const out: typeof pool = [];
      while (out.length < count && pool.length > 0) {
        out.push(pool.splice(Math.floor(random.next() * pool.length), 1)[0]!);
      }
      return out;
    },
    fork(label) {
      return createRandom(`${key}/${label}`);
    },
  };
  return random;
}
