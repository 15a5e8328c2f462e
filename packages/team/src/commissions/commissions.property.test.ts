import { Money } from '@sellkit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CommissionTier } from './plan-schema.js';
import { shareCredit } from './splits.js';
import { adjustmentFor, marginalTiers, steppedTiers } from './tiers.js';

const cents = (max: number) =>
  fc.integer({ min: 0, max }).map((value) => Money.fromMinor(value, 'EUR'));
const rate = fc.integer({ min: 0, max: 2000 }).map((value) => (value / 10_000).toFixed(4));

/** Contiguous tiers from 0, open-ended, boundaries in hundredths of attainment. */
const tiers = fc.uniqueArray(fc.integer({ min: 1, max: 300 }), { maxLength: 5 }).chain((cuts) => {
  const bounds = [...cuts].sort((a, b) => a - b).map((cut) => (cut / 100).toFixed(2));
  return fc
    .array(rate, { minLength: bounds.length + 1, maxLength: bounds.length + 1 })
    .map((rates): CommissionTier[] =>
      rates.map((value, index) => ({
        from: index === 0 ? '0' : (bounds[index - 1] as string),
        to: index < bounds.length ? (bounds[index] as string) : null,
        rate: value,
      })),
    );
});

describe('commission properties', () => {
  it('the marginal tier slices add up to the credited amount', () => {
    fc.assert(
      fc.property(
        cents(100_000_000),
        cents(50_000_000).filter((q) => q.isPositive()),
        tiers,
        (credited, quota, list) => {
          const slices = marginalTiers(credited, quota, list);
          expect(
            Money.sum(
              slices.map((line) => line.base),
              'EUR',
            ).equals(credited),
          ).toBe(true);
          for (const line of slices) expect(line.base.isPositive()).toBe(true);
        },
      ),
    );
  });

  it('with rising rates, stepped pays at least marginal (within a cent a slice); with one tier they agree', () => {
    const rising = tiers.map((list) => {
      const sorted = list.map((tier) => tier.rate).sort((a, b) => Number(a) - Number(b));
      return list.map((tier, index) => ({ ...tier, rate: sorted[index] as string }));
    });
    fc.assert(
      fc.property(
        cents(100_000_000),
        cents(50_000_000).filter((q) => q.isPositive()),
        rising,
        (credited, quota, list) => {
          const marginal = Money.sum(
            marginalTiers(credited, quota, list).map((line) => line.amount),
            'EUR',
          );
          const stepped = Money.sum(
            steppedTiers(credited, quota, list).map((line) => line.amount),
            'EUR',
          );
          const slack = Money.fromMinor(list.length, 'EUR');
          expect(stepped.add(slack).compare(marginal)).toBeGreaterThanOrEqual(0);
          const one = [{ from: '0', to: null, rate: list[0]?.rate ?? '0' }];
          expect(
            Money.sum(
              marginalTiers(credited, quota, one).map((line) => line.amount),
              'EUR',
            ).equals(
              Money.sum(
                steppedTiers(credited, quota, one).map((line) => line.amount),
                'EUR',
              ),
            ),
          ).toBe(true);
        },
      ),
    );
  });

  it('splits and their lines never lose or invent a cent', () => {
    const shares = fc
      .array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 6 })
      .map((weights) => {
        // Percent shares with 4 decimals summing to exactly 100.
        const total = weights.reduce((sum, weight) => sum + weight, 0);
        const units = weights.map((weight) => Math.floor((weight * 1_000_000) / total));
        units[0] = (units[0] as number) + 1_000_000 - units.reduce((sum, unit) => sum + unit, 0);
        return units
          .filter((unit) => unit > 0)
          .map((unit, index) => ({ repId: `rep_${index}`, share: (unit / 10_000).toFixed(4) }));
      });
    fc.assert(
      fc.property(
        cents(10_000_000),
        fc.array(cents(1_000_000), { maxLength: 4 }),
        shares,
        (amount, lineAmounts, split) => {
          const credit = {
            recordId: 'opp_1',
            ownerId: 'u-1',
            customerId: null,
            amount,
            date: '2026-03-01',
            label: 'Deal',
            lines: lineAmounts.map((line, index) => ({
              productId: `p${index}`,
              category: null,
              amount: line,
            })),
          };
          const parts = shareCredit(credit, split, null);
          expect(
            Money.sum(
              parts.map((part) => part.amount),
              'EUR',
            ).equals(amount),
          ).toBe(true);
          lineAmounts.forEach((line, index) => {
            const sum = Money.sum(
              parts.map((part) => part.lines[index]?.amount ?? Money.zero('EUR')),
              'EUR',
            );
            expect(sum.equals(line)).toBe(true);
          });
        },
      ),
    );
  });

  it('a clawback followed by the same credit restores the original total', () => {
    fc.assert(
      fc.property(
        cents(10_000_000).filter((c) => c.isPositive()),
        cents(2_000_000),
        fc.nat(),
        (credited, commission, cut) => {
          const paid = { credited, commission };
          const change = Money.fromMinor(-(BigInt(cut) % (credited.toMinor() + 1n)), 'EUR');
          const back = adjustmentFor(paid, change);
          const again = adjustmentFor(paid, change.negate());
          expect(back.add(again).isZero()).toBe(true);
          expect(adjustmentFor(paid, credited.negate()).equals(commission.negate())).toBe(true);
        },
      ),
    );
  });
});
