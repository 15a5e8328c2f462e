import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from './random.js';

describe('createRandom', () => {
  it('is a pure function of the seed', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const a = createRandom(seed);
        const b = createRandom(seed);
        for (let index = 0; index < 20; index++) expect(a.next()).toBe(b.next());
      }),
    );
  });

  it('gives different streams to different seeds and forks', () => {
    const values = (seed: string) => Array.from({ length: 5 }, createRandom(seed).next);
    expect(values('a')).not.toEqual(values('b'));
    const root = createRandom('x');
    expect(root.fork('company:1').next()).not.toBe(root.fork('company:2').next());
    expect(root.fork('company:1').next()).toBe(createRandom('x').fork('company:1').next());
  });

  it('stays in range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (min, width) => {
          const random = createRandom(`${min}/${width}`);
          for (let index = 0; index < 50; index++) {
            const value = random.int(min, min + width);
            expect(value).toBeGreaterThanOrEqual(min);
            expect(value).toBeLessThanOrEqual(min + width);
            const float = random.next();
            expect(float).toBeGreaterThanOrEqual(0);
            expect(float).toBeLessThan(1);
          }
        },
      ),
    );
  });

  it('is roughly uniform and honours weights', () => {
    const random = createRandom('uniform');
    const counts = [0, 0, 0, 0];
    for (let index = 0; index < 40_000; index++) counts[random.int(0, 3)]! += 1;
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(600);
    let heavy = 0;
    for (let index = 0; index < 10_000; index++)
      if (
        random.weighted([
          ['a', 9],
          ['b', 1],
        ] as const) === 'a'
      )
        heavy += 1;
    expect(heavy).toBeGreaterThan(8_600);
    expect(heavy).toBeLessThan(9_400);
    expect(new Set(random.sample([1, 2, 3, 4, 5], 5))).toEqual(new Set([1, 2, 3, 4, 5]));
  });
});
