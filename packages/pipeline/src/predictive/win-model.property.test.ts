import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildWinModel, NONE, TOTAL, winProbability } from './win-model.js';

const FEATURES = ['source', 'owner'] as const;
const value = fc.constantFrom('a', 'b', 'c', NONE);
const row = fc.record({
  feature: fc.constantFrom(...FEATURES),
  value,
  won: fc.nat(50),
  lost: fc.nat(50),
});

describe('naive Bayes win probability', () => {
  it('is a probability, and swapping won and lost gives its complement', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(row, { selector: (item) => `${item.feature}:${item.value}`, maxLength: 8 }),
        fc.nat(200),
        fc.nat(200),
        fc.record({ source: value, owner: value }),
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        (rows, won, lost, deal, smoothing) => {
          const totals = { feature: TOTAL, value: TOTAL, won, lost };
          const model = buildWinModel([totals, ...rows], FEATURES, smoothing);
          const p = winProbability(model, deal);
          if (won + lost === 0) {
            expect(p).toBeNull();
            return;
          }
          expect(p).not.toBeNull();
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
          const swapped = buildWinModel(
            [totals, ...rows].map((item) => ({ ...item, won: item.lost, lost: item.won })),
            FEATURES,
            smoothing,
          );
          expect((winProbability(swapped, deal) ?? 0) + (p ?? 0)).toBeCloseTo(1, 9);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('matches a hand computation with Laplace smoothing', () => {
    const model = buildWinModel(
      [
        { feature: TOTAL, value: TOTAL, won: 3, lost: 1 },
        { feature: 'source', value: 'referral', won: 3, lost: 0 },
        { feature: 'source', value: 'web', won: 0, lost: 1 },
      ],
      ['source'],
      1,
    );
    // prior (3+1)/(1+1); P(referral|won) = (3+1)/(3+1·3), P(referral|lost) = (0+1)/(1+1·3)
    const odds = (4 / 2) * (4 / 6 / (1 / 4));
    expect(winProbability(model, { source: 'referral' })).toBeCloseTo(odds / (1 + odds), 12);
    // an unseen value keeps only the prior and the smoothing mass
    const unseen = (4 / 2) * (1 / 6 / (1 / 4));
    expect(winProbability(model, { source: 'trade show' })).toBeCloseTo(unseen / (1 + unseen), 12);
  });
});
