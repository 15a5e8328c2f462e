import { isSellkitError, Money } from '@sellkit/core';
import { describe, expect, it } from 'vitest';
import { company } from '../companies/company-model.js';
import { convertCell } from './convert-cell.js';
import { compileMapping } from './mapping.js';

const mapped = (mapping: Record<string, unknown>) =>
  compileMapping(company, mapping, ['parent'], ['nameKey']).fields;

function convert(
  mapping: Record<string, unknown>,
  values: Record<string, string>,
  valueMaps?: Record<string, Record<string, string>>,
) {
  const [field] = mapped(mapping);
  return convertCell(field as never, values, valueMaps);
}

describe('import mapping', () => {
  it('converts money exactly with a multiplier: 1100.04 million is 1100040000.00 USD', () => {
    const revenue = convert(
      { annualRevenue: { column: 'revenue', currency: 'USD', multiplier: '1000000' } },
      { revenue: '1100.04' },
    );
    expect((revenue as Money).equals(Money.of('1100040000.00', 'USD'))).toBe(true);
    const perRow = convert(
      { annualRevenue: { column: 'amount', currencyColumn: 'currency' } },
      { amount: '12.5', currency: 'eur' },
    );
    expect((perRow as Money).toJSON()).toEqual({ amount: '12.50', currency: 'EUR' });
  });

  it('converts integers, enums, lists and dates, and leaves empty cells out', () => {
    expect(convert({ employees: 'n' }, { n: '2,822' })).toBe(2822);
    expect(convert({ employees: 'n' }, { n: '' })).toBeUndefined();
    expect(convert({ lifecycleStage: 's' }, { s: 'Customer' })).toBe('customer');
    expect(convert({ tags: { column: 't', separator: '|' } }, { t: 'a | b ||' })).toEqual([
      'a',
      'b',
    ]);
    expect(
      convert({ industry: 'i' }, { i: 'Technolgy' }, { industry: { technolgy: 'technology' } }),
    ).toBe('technology');
  });

  it('names the field and column of a bad cell', () => {
    for (const [mapping, values] of [
      [{ employees: 'n' }, { n: 'lots' }],
      [{ employees: 'n' }, { n: '1.5' }],
      [{ annualRevenue: { column: 'r', currency: 'USD' } }, { r: '1.234' }],
      [{ annualRevenue: { column: 'r', currency: 'USD' } }, { r: '12 USD' }],
      [{ lifecycleStage: 's' }, { s: 'won' }],
    ] as const) {
      try {
        convert(mapping, values);
        expect.unreachable();
      } catch (error) {
        expect(isSellkitError(error, 'VALIDATION_FAILED')).toBe(true);
        expect((error as { details: { column: string } }).details.column).toBe(
          Object.keys(values)[0],
        );
      }
    }
  });

  it('refuses unknown fields, derived fields and money without a currency', () => {
    expect(() => mapped({ nope: 'x' })).toThrowError(/no importable field nope/);
    expect(() => mapped({ nameKey: 'x' })).toThrowError(/nameKey/);
    expect(() => mapped({ annualRevenue: 'x' })).toThrowError(/currency/);
    expect(() => mapped({ employees: { column: 'x', multiplier: 'ten' } })).toThrowError(
      /multiplier/,
    );
    expect(mapped({ name: 'account', parent: { column: 'subsidiary_of' } })).toHaveLength(2);
  });
});
