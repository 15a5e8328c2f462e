import { type ModuleScope, SellkitError, validationError } from '@sellkit/core';
import { notFound, requireObject } from '@sellkit/core/module';
import type { CatalogEvents } from '../events.js';
import {
  checkDate,
  checkDecimal,
  checkPeriod,
  compareDecimals,
  inPeriod,
  optionalText,
  periodsOverlap,
  requireText,
  trimDecimal,
} from '../shared/checks.js';
import type { CatalogContext } from '../shared/context.js';
import {
  TAX_TREATMENTS,
  type TaxCategory,
  type TaxRate,
  type TaxTreatment,
  taxCategory,
  taxRate,
} from './tax-model.js';
import type { TaxSeed } from './tax-seed.js';

/** What creating a tax category takes. */
export interface TaxCategoryInput {
  code: string;
  name: string;
  description?: string | null;
}

/** What adding a tax rate takes: `rate` is an exact fraction (`'0.13'` for 13 %). */
export interface TaxRateInput {
  categoryId: string;
  /** ISO 3166 country (`'CN'`, `'DE'`) or subdivision (`'DE-BY'`). */
  jurisdiction: string;
  rate: string;
  /** Default `standard`; any other treatment needs rate `'0'`. */
  treatment?: TaxTreatment;
  /** First day the rate applies (inclusive). */
  validFrom: string;
  /** Last day the rate applies (inclusive), or null / left out for open-ended. */
  validTo?: string | null;
}

/** What {@link TaxService.rateFor} looks up. */
export interface TaxRateQuery {
  taxCategoryId: string;
  /** `'CN'`, `'DE'`, `'DE-BY'`: a subdivision without a rate of its own falls back to its country. */
  jurisdiction: string;
  /** A calendar date `YYYY-MM-DD` in the tenant calendar (the document's date). */
  on: string;
}

/** The rate that applies: `rate` without trailing zeros (`'0.13'`). */
export interface TaxRateAnswer {
  rate: string;
  treatment: TaxTreatment;
  categoryId: string;
  /** The jurisdiction the rate was found for (`'DE'` when `'DE-BY'` has none of its own). */
  jurisdiction: string;
  rateId: string;
}

/** What {@link TaxService.seed} did. */
export interface TaxSeedReport {
  categoriesCreated: number;
  ratesCreated: number;
}

/**
 * Tax categories and their rates per jurisdiction and date, as `crm.as(ctx).catalog.taxes`.
 * Every actor reads them; writes are for admins and the `catalog-manager` role, and audited.
 */
export interface TaxService {
  /**
   * Creates a tax category; a code already used is `CONFLICT`.
   *
   * @example
   * ```ts
   * const reduced = await admin.catalog.taxes.createCategory({ code: 'reduced', name: 'Reduced rate' });
   * ```
   */
  createCategory(input: TaxCategoryInput): Promise<TaxCategory>;
  /**
   * A tax category by id or by code (`NOT_FOUND` when there is none).
   *
   * @example
   * ```ts
   * (await rep.catalog.taxes.getCategory('standard')).name; // 'Standard rate'
   * ```
   */
  getCategory(idOrCode: string): Promise<TaxCategory>;
  /**
   * Every tax category, by code.
   *
   * @example
   * ```ts
   * (await rep.catalog.taxes.listCategories()).map((category) => category.code);
   * ```
   */
  listCategories(): Promise<TaxCategory[]>;
  /**
   * Adds the rate of a category in one jurisdiction over a period. A period overlapping another
   * rate of the same category and jurisdiction is `CONFLICT` (close the old one first with
   * {@link TaxService.closeRate}); a rate above 1, or a non-zero rate on a zero-rated, exempt or
   * reverse-charge treatment, is `VALIDATION_FAILED`.
   *
   * @example
   * ```ts
   * const standard = await admin.catalog.taxes.getCategory('standard');
   * await admin.catalog.taxes.addRate({
   *   categoryId: standard.id, jurisdiction: 'DE', rate: '0.19', validFrom: '2021-01-01',
   * });
   * ```
   */
  addRate(input: TaxRateInput): Promise<TaxRate>;
  /**
   * Ends an open (or later-ending) rate on `validTo` (inclusive), so a new rate can follow.
   *
   * @example
   * ```ts
   * await admin.catalog.taxes.closeRate(id, '2026-12-31');
   * ```
   */
  closeRate(rateId: string, validTo: string): Promise<TaxRate>;
  /**
   * The rates of a category (optionally of one jurisdiction), by jurisdiction then date.
   *
   * @example
   * ```ts
   * const standard = await rep.catalog.taxes.getCategory('standard');
   * (await rep.catalog.taxes.listRates(standard.id, 'DE')).map((rate) => rate.rate);
   * ```
   */
  listRates(categoryId: string, jurisdiction?: string): Promise<TaxRate[]>;
  /**
   * The rate of a category in a jurisdiction on a date. A subdivision (`DE-BY`) without a rate
   * of its own uses its country's. No rate on that date is `NOT_FOUND` (model `taxRate`); an
   * unknown category `NOT_FOUND` (model `taxCategory`).
   *
   * @example
   * ```ts
   * const standard = await rep.catalog.taxes.getCategory('standard');
   * const answer = await rep.catalog.taxes.rateFor({
   *   taxCategoryId: standard.id, jurisdiction: 'DE', on: '2020-09-15',
   * });
   * answer.rate; // '0.16' (the 2020 temporary cut, with the seed below)
   * ```
   */
  rateFor(query: TaxRateQuery): Promise<TaxRateAnswer>;
  /**
   * Creates the categories and rates of a seed (such as `VAT_SEED`) that are not there yet: a
   * category is known by its code, a rate by its category, jurisdiction and `validFrom`. Running
   * it twice creates nothing the second time.
   *
   * @example
   * ```ts
   * import { VAT_SEED } from '@sellkit/catalog';
   * const report = await admin.catalog.taxes.seed(VAT_SEED);
   * report.ratesCreated; // 18 on a fresh tenant, 0 the second time
   * ```
   */
  seed(seed: TaxSeed): Promise<TaxSeedReport>;
}

const JURISDICTION = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;

function checkJurisdiction(value: unknown, path: string): string {
  const text = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!JURISDICTION.test(text)) {
    throw validationError(
      path,
      'must be an ISO 3166 country code (CN, DE) or subdivision (DE-BY)',
      'invalid_jurisdiction',
    );
  }
  return text;
}

function checkRateInput(raw: Record<string, unknown>) {
  const rate = checkDecimal(raw.rate, 'rate');
  if (compareDecimals(rate, '1') > 0)
    throw validationError(
      'rate',
      'must be a fraction between 0 and 1 ("0.13" for 13 %)',
      'rate_above_1',
    );
  const treatment = (raw.treatment ?? 'standard') as TaxTreatment;
  if (!TAX_TREATMENTS.includes(treatment))
    throw validationError(
      'treatment',
      `must be one of ${TAX_TREATMENTS.join(', ')}`,
      'invalid_enum',
    );
  if (treatment !== 'standard' && compareDecimals(rate, '0') !== 0)
    throw validationError('rate', `must be "0" for a ${treatment} rate`, 'rate_not_zero');
  const validFrom = checkDate(raw.validFrom, 'validFrom');
  const validTo = checkPeriod(validFrom, raw.validTo, 'validTo');
  const jurisdiction = checkJurisdiction(raw.jurisdiction, 'jurisdiction');
  if (typeof raw.categoryId !== 'string' || raw.categoryId.length === 0)
    throw validationError('categoryId', 'is required', 'required');
  return { categoryId: raw.categoryId, jurisdiction, rate, treatment, validFrom, validTo };
}

async function ratesOf(
  scope: ModuleScope<CatalogEvents>,
  categoryId: string,
  jurisdictions: readonly string[],
) {
  // internal: reference data every actor of the tenant reads (rates have no owner)
  const page = await scope.internal(taxRate).find({
    where: { categoryId, jurisdiction: { in: [...jurisdictions] } },
    orderBy: [
      { field: 'jurisdiction', direction: 'asc' },
      { field: 'validFrom', direction: 'asc' },
    ],
    limit: 10_000,
  });
  return page.rows;
}

async function requireCategory(
  scope: ModuleScope<CatalogEvents>,
  idOrCode: string,
): Promise<TaxCategory> {
  // internal: reference data every actor of the tenant reads
  const rows = scope.internal(taxCategory);
  const byId = await rows.get(idOrCode);
  if (byId) return byId;
  const byCode = await rows.find({ where: { code: idOrCode }, limit: 1 });
  const found = byCode.rows[0];
  if (!found) throw notFound('taxCategory', idOrCode);
  return found;
}

async function addRate(scope: ModuleScope<CatalogEvents>, input: unknown): Promise<TaxRate> {
  const data = checkRateInput(requireObject(input, 'a tax rate', 'taxRate'));
  return scope.transaction(async (tx) => {
    await requireCategory(tx, data.categoryId);
    const existing = await ratesOf(tx, data.categoryId, [data.jurisdiction]);
    const clash = existing.find((rate) =>
      periodsOverlap(rate.validFrom, rate.validTo ?? null, data.validFrom, data.validTo),
    );
    if (clash) {
      throw new SellkitError(
        'CONFLICT',
        `a ${data.jurisdiction} rate of this category already applies from ${clash.validFrom}${clash.validTo ? ` to ${clash.validTo}` : ''}`,
        { model: 'taxRate', field: 'validFrom', existingId: clash.id },
      );
    }
    return tx.records(taxRate).create(data);
  });
}

/** Creates the tax service of one catalog context. */
export function createTaxService(ctx: CatalogContext): TaxService {
  const { scope } = ctx;
  return {
    async createCategory(input) {
      const raw = requireObject(input, 'a tax category', 'taxCategory');
      const code = requireText(raw.code, 'code', 64);
      const name = requireText(raw.name, 'name', 200);
      const description = optionalText(raw.description, 'description', 2000) ?? null;
      return scope.transaction(async (tx) => {
        // internal: the code is unique across the tenant, whatever the actor may read
        const taken = await tx.internal(taxCategory).find({ where: { code }, limit: 1 });
        if (taken.rows[0]) {
          throw new SellkitError('CONFLICT', `tax category ${code} already exists`, {
            model: 'taxCategory',
            field: 'code',
            existingId: taken.rows[0].id,
          });
        }
        return tx.records(taxCategory).create({ code, name, description });
      });
    },
    getCategory: (idOrCode) => requireCategory(scope, idOrCode),
    async listCategories() {
      // internal: reference data every actor of the tenant reads
      const page = await scope.internal(taxCategory).find({
        orderBy: [{ field: 'code', direction: 'asc' }],
        limit: 10_000,
      });
      return page.rows;
    },
    addRate: (input) => addRate(scope, input),
    async closeRate(rateId, validTo) {
      return scope.transaction(async (tx) => {
        // internal: NOT_FOUND before FORBIDDEN; the write below is access-checked
        const before = await tx.internal(taxRate).get(rateId);
        if (!before) throw notFound('taxRate', rateId);
        const end = checkPeriod(before.validFrom, validTo, 'validTo');
        return tx.records(taxRate).update(rateId, { validTo: end }, { current: before });
      });
    },
    async listRates(categoryId, jurisdiction) {
      if (jurisdiction !== undefined)
        return ratesOf(scope, categoryId, [checkJurisdiction(jurisdiction, 'jurisdiction')]);
      // internal: reference data every actor of the tenant reads
      const page = await scope.internal(taxRate).find({
        where: { categoryId },
        orderBy: [
          { field: 'jurisdiction', direction: 'asc' },
          { field: 'validFrom', direction: 'asc' },
        ],
        limit: 10_000,
      });
      return page.rows;
    },
    async rateFor(query) {
      const raw = requireObject(query, 'a tax rate query', 'taxRate');
      const on = checkDate(raw.on, 'on');
      const jurisdiction = checkJurisdiction(raw.jurisdiction, 'jurisdiction');
      const category = await requireCategory(scope, String(raw.taxCategoryId ?? ''));
      const country = jurisdiction.slice(0, 2);
      const order = jurisdiction === country ? [jurisdiction] : [jurisdiction, country];
      const rates = await ratesOf(scope, category.id, order);
      for (const place of order) {
        const found = rates.find(
          (rate) =>
            rate.jurisdiction === place && inPeriod(on, rate.validFrom, rate.validTo ?? null),
        );
        if (found) {
          return {
            rate: trimDecimal(found.rate),
            treatment: found.treatment,
            categoryId: category.id,
            jurisdiction: place,
            rateId: found.id,
          };
        }
      }
      throw new SellkitError(
        'NOT_FOUND',
        `tax category ${category.code} has no ${jurisdiction} rate on ${on}`,
        { model: 'taxRate', taxCategoryId: category.id, jurisdiction, on },
      );
    },
    seed: (seed) => runSeed(scope, seed),
  };
}

async function runSeed(scope: ModuleScope<CatalogEvents>, seed: TaxSeed): Promise<TaxSeedReport> {
  return scope.transaction(async (tx) => {
    const report = { categoriesCreated: 0, ratesCreated: 0 };
    const ids = new Map<string, string>();
    // internal: what exists across the tenant, whatever the actor may read
    const existing = await tx.internal(taxCategory).find({ limit: 10_000 });
    for (const row of existing.rows) ids.set(row.code, row.id);
    for (const category of seed.categories) {
      if (ids.has(category.code)) continue;
      const created = await tx.records(taxCategory).create({
        code: category.code,
        name: category.name,
        description: category.description ?? null,
      });
      ids.set(created.code, created.id);
      report.categoriesCreated += 1;
    }
    for (const [index, rate] of seed.rates.entries()) {
      const categoryId = ids.get(rate.category);
      if (categoryId === undefined)
        throw validationError(
          `rates.${index}.category`,
          `unknown category ${rate.category}`,
          'unknown',
        );
      const jurisdiction = checkJurisdiction(rate.jurisdiction, `rates.${index}.jurisdiction`);
      const present = await ratesOf(tx, categoryId, [jurisdiction]);
      if (present.some((row) => row.validFrom === rate.validFrom)) continue;
      const { category: _code, ...fields } = rate;
      await addRate(tx, { ...fields, categoryId });
      report.ratesCreated += 1;
    }
    return report;
  });
}
