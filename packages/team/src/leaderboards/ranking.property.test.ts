import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { competitionRanks } from './ranking.js';

const entries = fc
  .array(fc.integer({ min: 0, max: 5 }), { maxLength: 30 })
  .map((values) => values.map((value, index) => ({ id: `r${index}`, value: String(value) })));

describe('competition ranking', () => {
  it('gives equal values equal ranks, and a rank is 1 + the number of strictly better entries', () => {
    fc.assert(
      fc.property(entries, (input) => {
        const ranked = competitionRanks(input);
        expect(ranked).toHaveLength(input.length);
        for (const row of ranked) {
          const better = input.filter((other) => Number(other.value) > Number(row.value)).length;
          expect(row.rank).toBe(better + 1);
        }
      }),
    );
  });

  it('is sorted by rank, starts at 1 and skips after ties (1, 2, 2, 4)', () => {
    fc.assert(
      fc.property(entries, (input) => {
        const ranks = competitionRanks(input).map((row) => row.rank);
        expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
        if (ranks.length > 0) expect(ranks[0]).toBe(1);
        ranks.forEach((rank, index) => {
          expect(rank).toBeLessThanOrEqual(index + 1);
          if (index > 0 && rank !== ranks[index - 1]) expect(rank).toBe(index + 1);
        });
      }),
    );
  });
});
