import { isSellkitError, Money } from '@sellkit/core';
import { describe, expect, it } from 'vitest';
import { company } from '../companies/company-model.js';
import { contact } from '../contacts/contact-model.js';
import { convertCell, convertMapped } from './convert-cell.js';
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

describe('mapping shapes for real exports', () => {
  const contactFields = (mapping: Record<string, unknown>) =>
    compileMapping(contact, mapping, ['company', 'name'], ['country', 'phoneNumbers']);
  const row = (mapping: Record<string, unknown>, values: Record<string, string>) =>
    Object.assign(
      {},
      ...contactFields(mapping).fields.map((field) => convertMapped(field, values, undefined)),
    );

  it('fills a list from several columns, skipping empty cells', () => {
    expect(
      row({ phones: ['Phone 1', 'Phone 2'] }, { 'Phone 1': '+1 940 986 3836', 'Phone 2': '' }),
    ).toEqual({ phones: ['+1 940 986 3836'] });
    expect(
      row({ emails: { columns: ['Work', 'Home'] } }, { Work: 'a@acme.com', Home: 'a@home.org' }),
    ).toEqual({ emails: ['a@acme.com', 'a@home.org'] });
    expect(row({ phones: ['P1', 'P2'] }, { P1: '', P2: '' })).toEqual({});
  });

  it('fills an address from columns, and splits full names in either order', () => {
    expect(
      row(
        { address: { city: 'City', country: 'Country', district: 'District' } },
        { City: '深圳市', Country: '中国', District: '' },
      ),
    ).toEqual({ address: { city: '深圳市', country: '中国' } });
    expect(row({ name: { split: 'Full Name' } }, { 'Full Name': '张伟' })).toEqual({
      firstName: '伟',
      lastName: '张',
    });
    expect(row({ name: { split: 'Full Name' } }, { 'Full Name': '欧阳娜娜' })).toEqual({
      firstName: '娜娜',
      lastName: '欧阳',
    });
    expect(row({ name: { split: 'N' } }, { N: 'Mary Ann Smith' })).toEqual({
      firstName: 'Mary Ann',
      lastName: 'Smith',
    });
    expect(row({ name: { split: 'N' } }, { N: 'Lovelace, Ada' })).toEqual({
      firstName: 'Ada',
      lastName: 'Lovelace',
    });
  });

  it('reads dates in a stated format; a date that does not exist or another shape names the column', () => {
    const birthday = { birthday: { column: 'Birthday', format: 'MM/dd/yyyy' } };
    expect(row(birthday, { Birthday: '12/10/1985' })).toEqual({ birthday: '1985-12-10' });
    expect(
      row({ birthday: { column: 'Birthday', format: 'M/d/yyyy' } }, { Birthday: '2/3/1985' }),
    ).toEqual({ birthday: '1985-02-03' });
    expect(
      row({ birthday: { column: 'Birthday', format: 'dd.MM.yyyy' } }, { Birthday: '10.12.1985' }),
    ).toEqual({ birthday: '1985-12-10' });
    for (const bad of ['02/30/1985', '1985-12-10', '13/01/1985', '2/3/1985']) {
      try {
        row(birthday, { Birthday: bad });
        expect.unreachable();
      } catch (error) {
        expect(isSellkitError(error, 'VALIDATION_FAILED')).toBe(true);
        expect((error as { details: { column: string } }).details.column).toBe('Birthday');
      }
    }
    // Without a format only ISO dates are read: 03/04/2020 is March or April, so it is refused.
    expect(() => row({ birthday: 'B' }, { B: '03/04/2020' })).toThrowError(/format/);
  });

  it('refuses, before any row, shapes a field cannot take', () => {
    expect(() => contactFields({ title: ['A', 'B'] })).toThrowError(/several columns/);
    expect(() => contactFields({ lastName: 'Last', name: { split: 'Full' } })).toThrowError(
      /name.split/,
    );
    expect(() => contactFields({ birthday: { column: 'B', format: 'MM/dd/yy' } })).toThrowError(
      /yyyy/,
    );
    expect(() => contactFields({ birthday: { column: 'B', format: 'MM/yyyy' } })).toThrowError(
      /day/,
    );
    expect(() => contactFields({ address: { town: 'City' } })).toThrowError(/no part town/);
    expect(() => contactFields({ country: 'Country' })).toThrowError(/no importable field country/);
    expect(contactFields({ phones: ['A', 'B'], name: { split: 'N' } }).columns).toEqual([
      'A',
      'B',
      'N',
    ]);
  });
});
