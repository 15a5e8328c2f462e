import type { TaxTreatment } from './tax-model.js';

/** A category of a {@link TaxSeed}, known by its code. */
export interface TaxSeedCategory {
  readonly code: string;
  readonly name: string;
  readonly description?: string;
}

/** A rate of a {@link TaxSeed}: `category` is a category code of the same seed or the tenant. */
export interface TaxSeedRate {
  readonly category: string;
  readonly jurisdiction: string;
  readonly rate: string;
  readonly treatment?: TaxTreatment;
  readonly validFrom: string;
  readonly validTo?: string | null;
}

/** Tax categories and rates to create together (`catalog.taxes.seed`). */
export interface TaxSeed {
  readonly categories: readonly TaxSeedCategory[];
  readonly rates: readonly TaxSeedRate[];
}

/** Germany's standard rate: 19 %, cut to 16 % for the second half of 2020. */
const DE_STANDARD = (category: string): TaxSeedRate[] => [
  { category, jurisdiction: 'DE', rate: '0.19', validFrom: '2007-01-01', validTo: '2020-06-30' },
  { category, jurisdiction: 'DE', rate: '0.16', validFrom: '2020-07-01', validTo: '2020-12-31' },
  { category, jurisdiction: 'DE', rate: '0.19', validFrom: '2021-01-01' },
];

/**
 * Value-added tax of China and Germany, ready to seed with `catalog.taxes.seed(VAT_SEED)`:
 *
 * | category     | CN                                         | DE                                      |
 * |--------------|--------------------------------------------|-----------------------------------------|
 * | `standard`   | 16 % (2018-05-01 – 2019-03-31), then 13 %  | 19 %; 16 % from 2020-07-01 to 2020-12-31 |
 * | `reduced`    | 10 % (2018-05-01 – 2019-03-31), then 9 %   | 7 %; 5 % from 2020-07-01 to 2020-12-31   |
 * | `services`   | 6 %                                        | as `standard`                           |
 * | `zero-rated` | 0 %, zero-rated (exports)                  | 0 %, zero-rated (exports)               |
 * | `exempt`     | exempt                                     | exempt                                  |
 *
 * Chinese rates start on 2018-05-01, German ones on 2007-01-01: a document dated earlier finds
 * no rate (`NOT_FOUND`). Which goods fall in which category is the tenant's call (assign a
 * category per product); this seed only carries the rates.
 *
 * @example
 * ```ts
 * await admin.catalog.taxes.seed(VAT_SEED);
 * ```
 */
export const VAT_SEED: TaxSeed = Object.freeze<TaxSeed>({
  categories: [
    {
      code: 'standard',
      name: 'Standard rate',
      description: 'Goods and services at the standard rate.',
    },
    {
      code: 'reduced',
      name: 'Reduced rate',
      description:
        'CN 9 % (agricultural goods, transport, construction...); DE 7 % (food, books...).',
    },
    {
      code: 'services',
      name: 'Services',
      description: 'CN 6 % (modern services); DE standard rate.',
    },
    { code: 'zero-rated', name: 'Zero-rated', description: 'Taxable at 0 % (exports).' },
    { code: 'exempt', name: 'Exempt', description: 'Outside the tax.' },
  ],
  rates: [
    {
      category: 'standard',
      jurisdiction: 'CN',
      rate: '0.16',
      validFrom: '2018-05-01',
      validTo: '2019-03-31',
    },
    { category: 'standard', jurisdiction: 'CN', rate: '0.13', validFrom: '2019-04-01' },
    ...DE_STANDARD('standard'),
    {
      category: 'reduced',
      jurisdiction: 'CN',
      rate: '0.10',
      validFrom: '2018-05-01',
      validTo: '2019-03-31',
    },
    { category: 'reduced', jurisdiction: 'CN', rate: '0.09', validFrom: '2019-04-01' },
    {
      category: 'reduced',
      jurisdiction: 'DE',
      rate: '0.07',
      validFrom: '2007-01-01',
      validTo: '2020-06-30',
    },
    {
      category: 'reduced',
      jurisdiction: 'DE',
      rate: '0.05',
      validFrom: '2020-07-01',
      validTo: '2020-12-31',
    },
    { category: 'reduced', jurisdiction: 'DE', rate: '0.07', validFrom: '2021-01-01' },
    { category: 'services', jurisdiction: 'CN', rate: '0.06', validFrom: '2018-05-01' },
    ...DE_STANDARD('services'),
    {
      category: 'zero-rated',
      jurisdiction: 'CN',
      rate: '0',
      treatment: 'zero-rated',
      validFrom: '2018-05-01',
    },
    {
      category: 'zero-rated',
      jurisdiction: 'DE',
      rate: '0',
      treatment: 'zero-rated',
      validFrom: '2007-01-01',
    },
    {
      category: 'exempt',
      jurisdiction: 'CN',
      rate: '0',
      treatment: 'exempt',
      validFrom: '2018-05-01',
    },
    {
      category: 'exempt',
      jurisdiction: 'DE',
      rate: '0',
      treatment: 'exempt',
      validFrom: '2007-01-01',
    },
  ],
});
