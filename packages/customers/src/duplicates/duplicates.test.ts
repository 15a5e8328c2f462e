import { forEachAdapter } from '@sellkit/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../test-support/adapters.js';
import { duplicatesSuite } from '../test-support/duplicates.suite.js';
import { employerDomain, normalizeCompanyName, phoneKey, siteDomain } from './normalize.js';

forEachAdapter(ADAPTERS, (adapter) => duplicatesSuite(adapter.name, adapter.create));

describe('name normalisation', () => {
  it('drops case, accents, punctuation and trailing legal forms', () => {
    expect(normalizeCompanyName('Acme Corporation')).toBe('acme');
    expect(normalizeCompanyName('ACME, Inc.')).toBe('acme');
    expect(normalizeCompanyName('Société Générale S.A.')).toBe('societe generale');
    expect(normalizeCompanyName('Smith & Sons Ltd')).toBe('smith and sons');
    expect(normalizeCompanyName('G.m.b.H. Holding GmbH')).toBe('gmbh holding');
    expect(normalizeCompanyName('The Company')).toBe('the');
    expect(normalizeCompanyName('Co')).toBe('co');
    expect(normalizeCompanyName('  ')).toBe('');
  });

  it('property: normalisation is idempotent', () => {
    const legal = fc.constantFrom(
      'Inc.',
      'Ltd',
      'GmbH',
      'S.A.',
      'Corp',
      'co',
      '&',
      'Ç',
      'é',
      '.',
      ',',
      ' ',
    );
    const name = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc
        .array(fc.oneof(fc.string({ maxLength: 8 }), legal), { maxLength: 8 })
        .map((parts) => parts.join(' ')),
    );
    fc.assert(
      fc.property(name, (value) => {
        const once = normalizeCompanyName(value);
        expect(normalizeCompanyName(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('keys domains and phones', () => {
    const free = new Set(['gmail.com']);
    expect(employerDomain('Ann@Acme.COM', free)).toBe('acme.com');
    expect(employerDomain('ann@gmail.com', free)).toBeUndefined();
    expect(siteDomain('https://www.acme.com/x')).toBe('acme.com');
    expect(siteDomain('acme.co.uk')).toBe('acme.co.uk');
    expect(siteDomain('https://www.shop.acme.co.uk/x')).toBe('acme.co.uk');
    expect(siteDomain('http://xn--bcher-kva.de')).toBe('bücher.de');
    expect(employerDomain('ann@sales.acme.com', free)).toBe('acme.com');
    expect(phoneKey('+44 (20) 7946-0958')).toBe('+442079460958');
    expect(phoneKey('+44 20 7946 0958 ext. 12')).toBe('+442079460958');
    expect(phoneKey('010-12345678', 'CN')).toBe('+861012345678');
    expect(phoneKey('555-1234')).toBeUndefined();
  });
});
