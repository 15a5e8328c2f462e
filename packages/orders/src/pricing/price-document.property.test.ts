import { Money, type RoundingMode, toDecimal } from '@sellkit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priceDocument } from './price-document.js';
import type {
  LineTax,
  PricedDocument,
  PricingInput,
  PricingLineInput,
  TaxRounding,
} from './pricing-types.js';

const runs = { numRuns: 300 };

/** A decimal string with up to `decimals` decimals, from an integer of minor steps. */
const decimal = (max: number, decimals: number, min = 0) =>
  fc
    .tuple(fc.integer({ min, max: max * 10 ** decimals }), fc.integer({ min: 0, max: decimals }))
    .map(([steps, shown]) => {
      const text = toDecimal(steps)
        .dividedBy(10 ** decimals)
        .toFixed(decimals);
      // sometimes print fewer decimals when they are zeros, sometimes keep them
      return shown === decimals ? text : toDecimal(text).toFixed();
    });

const taxes: LineTax[] = [
  { categoryId: 'cn-13', rate: '0.13', treatment: 'standard' },
  { categoryId: 'cn-9', rate: '0.09', treatment: 'standard' },
  { categoryId: 'cn-6', rate: '0.06', treatment: 'standard' },
  { categoryId: 'de-19', rate: '0.19', treatment: 'standard' },
  { categoryId: 'de-7', rate: '0.07', treatment: 'standard' },
  { categoryId: 'odd', rate: '0.0725', treatment: 'standard' },
  { categoryId: 'zero', rate: '0', treatment: 'zero-rated' },
  { categoryId: null, rate: '0', treatment: 'exempt' },
];

const lineArb = fc.record({
  kind: fc.constantFrom('product', 'product', 'product', 'shipping', 'charge') as fc.Arbitrary<
    'product' | 'shipping' | 'charge'
  >,
  quantity: decimal(1000, 3, 1),
  unitPrice: decimal(100000, 4),
  discountPercent: fc.option(decimal(100, 2), { nil: undefined }),
  tax: fc.constantFrom(...taxes),
});

const documentArb = fc.record({
  currency: fc.constantFrom('EUR', 'CNY', 'JPY', 'KWD'),
  pricesIncludeTax: fc.boolean(),
  lines: fc.array(lineArb, { maxLength: 20 }),
  documentDiscount: fc.option(
    fc.oneof(
      fc.record({ percent: decimal(100, 2) }),
      fc.record({ share: fc.integer({ min: 0, max: 100 }) }),
    ),
    { nil: undefined },
  ),
});

type Generated = typeof documentArb extends fc.Arbitrary<infer T> ? T : never;

function build(
  generated: Generated,
  taxRounding: TaxRounding,
  rounding: RoundingMode = 'half-even',
): PricingInput {
  const lines: PricingLineInput[] = generated.lines.map((l, index) => ({
    key: `l${index}`,
    kind: l.kind,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    tax: l.tax,
    ...(l.discountPercent === undefined ? {} : { discount: { percent: l.discountPercent } }),
  }));
  const base: PricingInput = {
    currency: generated.currency,
    pricesIncludeTax: generated.pricesIncludeTax,
    taxRounding,
    lines,
  };
  const discount = generated.documentDiscount;
  if (discount === undefined) return base;
  if ('percent' in discount) return { ...base, documentDiscount: { percent: discount.percent } };
  // an amount: a share of what the product lines are after their own discounts
  const products = priceDocument(base, { rounding }).lines.filter((l) => l.kind === 'product');
  const after = Money.sum(
    products.map((l) => l.subtotal.subtract(l.discount)),
    generated.currency,
  );
  const amount = after.multiply(discount.share).divide(100, { rounding: 'down' });
  return { ...base, documentDiscount: { amount: amount.toString() } };
}

function sum(amounts: readonly Money[], currency: string): Money {
  return Money.sum(amounts, currency);
}

function checkInvariants(priced: PricedDocument): void {
  const { currency } = priced;
  for (const line of priced.lines) {
    for (const amount of [line.subtotal, line.discount, line.net, line.tax, line.gross]) {
      expect(Money.isMoney(amount)).toBe(true);
      expect(amount.isNegative()).toBe(false);
      expect(amount.toString()).toMatch(/^\d+(\.\d+)?$/);
    }
    expect(line.net.add(line.tax).equals(line.gross)).toBe(true);
    const charged = line.subtotal.subtract(line.discount);
    expect(charged.equals(priced.pricesIncludeTax ? line.gross : line.net)).toBe(true);
  }
  for (const field of ['subtotal', 'discount', 'net', 'tax', 'gross'] as const) {
    expect(
      priced[field].equals(
        sum(
          priced.lines.map((l) => l[field]),
          currency,
        ),
      ),
    ).toBe(true);
  }
  expect(priced.net.add(priced.tax).equals(priced.gross)).toBe(true);
  expect(
    sum(
      priced.taxSummary.map((r) => r.base),
      currency,
    ).equals(priced.net),
  ).toBe(true);
  expect(
    sum(
      priced.taxSummary.map((r) => r.tax),
      currency,
    ).equals(priced.tax),
  ).toBe(true);
  for (const row of priced.taxSummary) {
    const members = priced.lines.filter(
      (l) =>
        l.taxLine.categoryId === row.categoryId &&
        l.taxLine.rate === row.rate &&
        l.taxLine.treatment === row.treatment,
    );
    expect(
      sum(
        members.map((l) => l.net),
        currency,
      ).equals(row.base),
    ).toBe(true);
    expect(
      sum(
        members.map((l) => l.tax),
        currency,
      ).equals(row.tax),
    ).toBe(true);
  }
  // JSON carries no number where an amount is: every amount serialises as a string
  const json = JSON.stringify(priced, (_key, value: unknown) => {
    if (typeof value === 'number') throw new Error(`a number in the result: ${value}`);
    return value;
  });
  expect(json.length).toBeGreaterThan(0);
}

/** The exact tax of a line before any rounding, as decimal.js (a reference independent of the engine). */
function exactTax(charged: Money, rate: string, inclusive: boolean) {
  const amount = toDecimal(charged.toString());
  const r = toDecimal(rate);
  return inclusive ? amount.times(r).dividedBy(r.plus(1)) : amount.times(r);
}

describe('priceDocument properties', () => {
  it('totals equal the sum of lines, net + tax = gross and the summary reconciles, under both rules', () => {
    fc.assert(
      fc.property(documentArb, (generated) => {
        checkInvariants(priceDocument(build(generated, 'per-line')));
        checkInvariants(priceDocument(build(generated, 'per-document')));
      }),
      runs,
    );
  });

  it('the invariants hold under every rounding mode', () => {
    const modes = ['half-even', 'half-up', 'half-down', 'up', 'down', 'ceil', 'floor'] as const;
    fc.assert(
      fc.property(documentArb, fc.constantFrom(...modes), (generated, rounding) => {
        checkInvariants(priceDocument(build(generated, 'per-line', rounding), { rounding }));
        checkInvariants(priceDocument(build(generated, 'per-document', rounding), { rounding }));
      }),
      { numRuns: 150 },
    );
  });

  it('line subtotals are quantity × unit price rounded half-even, and both rules share them', () => {
    fc.assert(
      fc.property(documentArb, (generated) => {
        const perLine = priceDocument(build(generated, 'per-line'));
        const perDocument = priceDocument(build(generated, 'per-document'));
        perLine.lines.forEach((line, index) => {
          const exact = toDecimal(line.quantity).times(line.unitPrice).toFixed();
          expect(
            line.subtotal.equals(Money.of(exact, generated.currency, { rounding: 'half-even' })),
          ).toBe(true);
          expect(perDocument.lines[index]?.subtotal.equals(line.subtotal)).toBe(true);
          expect(perDocument.lines[index]?.discount.equals(line.discount)).toBe(true);
        });
      }),
      runs,
    );
  });

  it('per-line: each line tax is its exact tax rounded; per-document: each group is its exact sum rounded, each line within a unit', () => {
    fc.assert(
      fc.property(documentArb, (generated) => {
        const inclusive = generated.pricesIncludeTax;
        const currency = generated.currency;
        const perLine = priceDocument(build(generated, 'per-line'));
        for (const line of perLine.lines) {
          const exact = exactTax(
            line.subtotal.subtract(line.discount),
            line.taxLine.rate,
            inclusive,
          );
          expect(
            line.tax.equals(Money.of(exact.toFixed(30), currency, { rounding: 'half-even' })),
          ).toBe(true);
        }
        const perDocument = priceDocument(build(generated, 'per-document'));
        const unit = Money.fromMinor(1, currency).toDecimal();
        for (const row of perDocument.taxSummary) {
          const members = perDocument.lines.filter(
            (l) =>
              l.taxLine.categoryId === row.categoryId &&
              l.taxLine.rate === row.rate &&
              l.taxLine.treatment === row.treatment,
          );
          let total = toDecimal(0);
          for (const line of members) {
            const exact = exactTax(
              line.subtotal.subtract(line.discount),
              line.taxLine.rate,
              inclusive,
            );
            total = total.plus(exact);
            expect(line.tax.toDecimal().minus(exact).abs().lessThan(unit)).toBe(true);
          }
          expect(
            row.tax.equals(Money.of(total.toFixed(30), currency, { rounding: 'half-even' })),
          ).toBe(true);
        }
      }),
      runs,
    );
  });
});
