import { isSellkitError, SellkitError } from '@sellkit/core';
import { describe, expect, it } from 'vitest';
import { priceDocument } from './price-document.js';
import type { PricingInput, PricingLineInput } from './pricing-types.js';

const VAT19 = { categoryId: 'de-standard', rate: '0.19', treatment: 'standard' } as const;
const VAT7 = { categoryId: 'de-reduced', rate: '0.07', treatment: 'standard' } as const;

function line(
  key: string,
  quantity: string,
  unitPrice: string,
  extra: Partial<PricingLineInput> = {},
): PricingLineInput {
  return { key, quantity, unitPrice, tax: VAT19, ...extra };
}

function doc(lines: PricingLineInput[], extra: Partial<PricingInput> = {}): PricingInput {
  return { currency: 'EUR', pricesIncludeTax: false, taxRounding: 'per-line', lines, ...extra };
}

function amounts(input: PricingInput) {
  const priced = priceDocument(input);
  return {
    lines: priced.lines.map((l) => [
      l.key,
      `${l.subtotal}`,
      `${l.discount}`,
      `${l.net}`,
      `${l.tax}`,
      `${l.gross}`,
    ]),
    totals: [
      `${priced.subtotal}`,
      `${priced.discount}`,
      `${priced.net}`,
      `${priced.tax}`,
      `${priced.gross}`,
    ],
    summary: priced.taxSummary.map((row) => [
      row.categoryId,
      row.rate,
      row.treatment,
      `${row.base}`,
      `${row.tax}`,
    ]),
  };
}

function reasonOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (isSellkitError(error, 'VALIDATION_FAILED'))
      return `${error.details.issues?.[0]?.path} ${error.details.issues?.[0]?.reason}`;
    throw error;
  }
  return undefined;
}

describe('priceDocument', () => {
  it('rounds quantity × a sub-cent unit price half-even to the minor unit', () => {
    const result = amounts(
      doc([line('a', '1000', '0.0045'), line('b', '3', '0.0045'), line('c', '5', '0.0045')]),
    );
    // 4.5 exact; 0.0135 → 0.01; 0.0225 → 0.02 (half-even keeps the even cent)
    expect(result.lines.map((l) => l[1])).toEqual(['4.50', '0.01', '0.02']);
  });

  it('per-line and per-document tax rounding differ by a cent on the same lines', () => {
    const lines = [line('a', '1', '0.10'), line('b', '1', '0.10'), line('c', '1', '0.10')];
    // 19 % of 0.10 = 0.019 each: per line 0.02 × 3 = 0.06; per document 0.057 → 0.06. Same.
    // 7 % of 0.35 = 0.0245 each: per line 0.02 × 3 = 0.06 (half-even); per document 0.0735 → 0.07.
    const reduced = lines.map((l) => ({ ...l, unitPrice: '0.35', tax: VAT7 }));
    expect(amounts(doc(reduced)).totals).toEqual(['1.05', '0.00', '1.05', '0.06', '1.11']);
    const perDocument = amounts(doc(reduced, { taxRounding: 'per-document' }));
    expect(perDocument.totals).toEqual(['1.05', '0.00', '1.05', '0.07', '1.12']);
    // the extra cent goes to the first line (equal remainders: the earlier line)
    expect(perDocument.lines.map((l) => l[4])).toEqual(['0.03', '0.02', '0.02']);
    expect(perDocument.summary).toEqual([['de-reduced', '0.07', 'standard', '1.05', '0.07']]);
  });

  it('takes tax out of tax-inclusive prices: tax = gross × rate / (1 + rate)', () => {
    const result = amounts(
      doc([line('a', '1', '11.90'), line('b', '2', '1.07', { tax: VAT7 })], {
        pricesIncludeTax: true,
      }),
    );
    expect(result.lines).toEqual([
      ['a', '11.90', '0.00', '10.00', '1.90', '11.90'],
      ['b', '2.14', '0.00', '2.00', '0.14', '2.14'],
    ]);
    expect(result.totals).toEqual(['14.04', '0.00', '12.00', '2.04', '14.04']);
  });

  it('applies line discounts to the rounded subtotal and spreads the document discount over product lines', () => {
    const result = amounts(
      doc(
        [
          line('a', '3', '10', { discount: { percent: '12.5' } }), // 30.00 − 3.75 = 26.25
          line('b', '1', '13.75', { discount: { amount: '3.75' } }), // 13.75 − 3.75 = 10.00
          line('ship', '1', '5', { kind: 'shipping' }),
        ],
        { documentDiscount: { amount: '10.00' } },
      ),
    );
    // 10.00 over 26.25 : 10.00 (of 36.25) → 7.2413… and 2.7586… → 7.24 and 2.76; shipping takes none
    expect(result.lines.map((l) => [l[0], l[2], l[3]])).toEqual([
      ['a', '10.99', '19.01'],
      ['b', '6.51', '7.24'],
      ['ship', '0.00', '5.00'],
    ]);
    expect(result.totals.slice(0, 3)).toEqual(['48.75', '17.50', '31.25']);
  });

  it('reports zero-rated, exempt and reverse-charge lines apart in the summary', () => {
    const priced = priceDocument(
      doc([
        line('a', '1', '100'),
        line('b', '1', '50', { tax: { categoryId: 'zero', rate: '0', treatment: 'zero-rated' } }),
        line('c', '1', '20', { tax: { categoryId: null, rate: '0.0', treatment: 'exempt' } }),
        line('d', '1', '10', { tax: { categoryId: 'rc', rate: '0', treatment: 'reverse-charge' } }),
        line('e', '2', '100', { tax: { ...VAT19, rate: '0.190' } }),
      ]),
    );
    expect(
      priced.taxSummary.map((r) => [r.categoryId, r.rate, r.treatment, `${r.base}`, `${r.tax}`]),
    ).toEqual([
      ['de-standard', '0.19', 'standard', '300.00', '57.00'],
      ['zero', '0', 'zero-rated', '50.00', '0.00'],
      [null, '0', 'exempt', '20.00', '0.00'],
      ['rc', '0', 'reverse-charge', '10.00', '0.00'],
    ]);
  });

  it('works for currencies without or with three decimals', () => {
    const jpy = priceDocument({ ...doc([line('a', '3', '333.5')]), currency: 'JPY' });
    expect([`${jpy.net}`, `${jpy.tax}`, `${jpy.gross}`]).toEqual(['1000', '190', '1190']);
    const kwd = priceDocument({ ...doc([line('a', '1', '1.2345')]), currency: 'KWD' });
    expect(`${kwd.net}`).toBe('1.234');
  });

  it('accepts another rounding mode as an option', () => {
    const input = doc([line('a', '1', '0.125')]);
    expect(`${priceDocument(input).net}`).toBe('0.12');
    expect(`${priceDocument(input, { rounding: 'half-up' }).net}`).toBe('0.13');
  });

  it('prices an empty document to zero', () => {
    expect(amounts(doc([])).totals).toEqual(['0.00', '0.00', '0.00', '0.00', '0.00']);
  });
});

describe('the worked examples of docs/orders-pricing.md', () => {
  const cn = { categoryId: 'standard', rate: '0.13', treatment: 'standard' } as const;
  const lines = (tax: PricingLineInput['tax'], rows: Array<[string, string, string]>) =>
    rows.map(([key, quantity, unitPrice]) => ({ key, quantity, unitPrice, tax }));

  it('example 1: tax-exclusive CNY at 13 %', () => {
    const input = doc(
      lines(cn, [
        ['screws', '1000', '0.0045'],
        ['washers', '12', '1.15'],
        ['nuts', '7', '0.35'],
      ]),
      { currency: 'CNY' },
    );
    const perLine = amounts(input);
    expect(perLine.lines.map((l) => l[4])).toEqual(['0.58', '1.79', '0.32']);
    expect(perLine.totals).toEqual(['20.75', '0.00', '20.75', '2.69', '23.44']);
    const perDocument = amounts({ ...input, taxRounding: 'per-document' });
    expect(perDocument.lines.map((l) => l[4])).toEqual(['0.59', '1.79', '0.32']);
    expect(perDocument.totals).toEqual(['20.75', '0.00', '20.75', '2.70', '23.45']);
  });

  it('example 2: tax-inclusive EUR at 19 %', () => {
    const input = doc(
      lines(VAT19, [
        ['screws', '1000', '0.0045'],
        ['washers', '7', '1.15'],
        ['nuts', '3', '0.35'],
      ]),
      { pricesIncludeTax: true },
    );
    const perLine = amounts(input);
    expect(perLine.lines.map((l) => [l[3], l[4], l[5]])).toEqual([
      ['3.78', '0.72', '4.50'],
      ['6.76', '1.29', '8.05'],
      ['0.88', '0.17', '1.05'],
    ]);
    expect(perLine.totals).toEqual(['13.60', '0.00', '11.42', '2.18', '13.60']);
    const perDocument = amounts({ ...input, taxRounding: 'per-document' });
    expect(perDocument.lines.map((l) => [l[3], l[4]])).toEqual([
      ['3.78', '0.72'],
      ['6.77', '1.28'],
      ['0.88', '0.17'],
    ]);
    expect(perDocument.totals).toEqual(['13.60', '0.00', '11.43', '2.17', '13.60']);
  });
});

describe('priceDocument bad input', () => {
  const cases: Array<[string, PricingInput, string]> = [
    ['negative quantity', doc([line('a', '-1', '10')]), 'lines.0.quantity negative'],
    ['zero quantity', doc([line('a', '0', '10')]), 'lines.0.quantity not_positive'],
    ['negative unit price', doc([line('a', '1', '-0.01')]), 'lines.0.unitPrice negative'],
    ['float-ish text', doc([line('a', '1e3', '10')]), 'lines.0.quantity invalid_decimal'],
    [
      'discount over 100 %',
      doc([line('a', '1', '10', { discount: { percent: '100.01' } })]),
      'lines.0.discount.percent above_100_percent',
    ],
    [
      'discount above the line',
      doc([line('a', '1', '10', { discount: { amount: '10.01' } })]),
      'lines.0.discount above_line',
    ],
    [
      'discount amount finer than a cent',
      doc([line('a', '1', '10', { discount: { amount: '1.005' } })]),
      'lines.0.discount.amount too_precise',
    ],
    [
      'document discount over 100 %',
      doc([line('a', '1', '10')], { documentDiscount: { percent: '101' } }),
      'documentDiscount.percent above_100_percent',
    ],
    [
      'document discount above the products',
      doc([line('a', '1', '10'), line('s', '1', '5', { kind: 'shipping' })], {
        documentDiscount: { amount: '10.01' },
      }),
      'documentDiscount above_lines',
    ],
    [
      'unknown currency',
      { ...doc([line('a', '1', '10')]), currency: 'XYZ' },
      'currency unknown_currency',
    ],
    [
      'rate as a percentage',
      doc([line('a', '1', '10', { tax: { ...VAT19, rate: '19' } })]),
      'lines.0.tax.rate rate_above_1',
    ],
    [
      'exempt with a rate',
      doc([line('a', '1', '10', { tax: { categoryId: null, rate: '0.19', treatment: 'exempt' } })]),
      'lines.0.tax.rate rate_not_zero',
    ],
    ['duplicate key', doc([line('a', '1', '10'), line('a', '1', '10')]), 'lines.1.key duplicate'],
    [
      'tax rounding',
      { ...doc([]), taxRounding: 'per-invoice' as 'per-line' },
      'taxRounding invalid_enum',
    ],
  ];
  it.each(cases)('%s is VALIDATION_FAILED', (_name, input, expected) => {
    expect(reasonOf(() => priceDocument(input))).toBe(expected);
  });

  it('refuses numbers, which may be floats', () => {
    const input = doc([{ key: 'a', quantity: 0.1 as never, unitPrice: '1', tax: VAT19 }]);
    expect(() => priceDocument(input)).toThrow(SellkitError);
  });

  it('refuses totals storage could not keep', () => {
    expect(reasonOf(() => priceDocument(doc([line('a', '1000000000000', '1000000000')])))).toBe(
      'lines too_big',
    );
  });
});
