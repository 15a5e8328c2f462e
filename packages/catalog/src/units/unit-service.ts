import { SellkitError, validationError } from '@sellkit/core';
import { notFound, requireObject } from '@sellkit/core/module';
import { checkDecimal, requireText, trimDecimal } from '../shared/checks.js';
import type { CatalogContext } from '../shared/context.js';
import { type UnitOfMeasure, unitOfMeasure } from './unit-model.js';

/** What creating a unit takes. */
export interface UnitInput {
  code: string;
  name: string;
  /** Decimals a quantity may carry (0 to 6, default 0). */
  decimals?: number;
}

/**
 * Units of measure, as `crm.as(ctx).catalog.units`. Products and price list items name their
 * unit by code; a tenant that defines its units can check quantities against them.
 */
export interface UnitService {
  /**
   * Creates a unit; a code already used is `CONFLICT`.
   *
   * @example
   * ```ts
   * await admin.catalog.units.create({ code: 'kg', name: 'Kilogram', decimals: 3 });
   * ```
   */
  create(input: UnitInput): Promise<UnitOfMeasure>;
  /**
   * A unit by code, or null.
   *
   * @example
   * ```ts
   * (await rep.catalog.units.get('kg'))?.decimals; // 3
   * ```
   */
  get(code: string): Promise<UnitOfMeasure | null>;
  /**
   * Every unit, by code.
   *
   * @example
   * ```ts
   * (await rep.catalog.units.list()).map((unit) => unit.code); // ['box', 'kg', 'unit']
   * ```
   */
  list(): Promise<UnitOfMeasure[]>;
  /**
   * Checks a quantity in a unit: a positive decimal string with no more decimals than the unit
   * allows. Returns it without trailing zeros; `VALIDATION_FAILED` at `path` otherwise, and
   * `NOT_FOUND` for a unit the tenant has not defined.
   *
   * @example
   * ```ts
   * await rep.catalog.units.checkQuantity('kg', '2.500'); // '2.5'
   * await rep.catalog.units.checkQuantity('unit', '1.5'); // VALIDATION_FAILED, too_precise
   * ```
   */
  checkQuantity(code: string, quantity: string, path?: string): Promise<string>;
}

/** Creates the unit service of one catalog context. */
export function createUnitService(ctx: CatalogContext): UnitService {
  const { scope } = ctx;
  // internal: reference data every actor of the tenant reads (units have no owner)
  const rows = scope.internal(unitOfMeasure);
  const byCode = async (code: string) =>
    (await rows.find({ where: { code: code.trim() }, limit: 1 })).rows[0] ?? null;
  return {
    async create(input) {
      const raw = requireObject(input, 'a unit', 'unitOfMeasure');
      const code = requireText(raw.code, 'code', 32);
      const name = requireText(raw.name, 'name', 100);
      const decimals = raw.decimals ?? 0;
      if (
        typeof decimals !== 'number' ||
        !Number.isInteger(decimals) ||
        decimals < 0 ||
        decimals > 6
      )
        throw validationError('decimals', 'must be a whole number from 0 to 6', 'invalid_decimals');
      return scope.transaction(async (tx) => {
        // internal: the code is unique across the tenant, whatever the actor may read
        const taken = await tx.internal(unitOfMeasure).find({ where: { code }, limit: 1 });
        if (taken.rows[0]) {
          throw new SellkitError('CONFLICT', `unit ${code} already exists`, {
            model: 'unitOfMeasure',
            field: 'code',
            existingId: taken.rows[0].id,
          });
        }
        return tx.records(unitOfMeasure).create({ code, name, decimals });
      });
    },
    get: (code) => byCode(code),
    async list() {
      const page = await rows.find({
        orderBy: [{ field: 'code', direction: 'asc' }],
        limit: 10_000,
      });
      return page.rows;
    },
    async checkQuantity(code, quantity, path = 'quantity') {
      const unit = await byCode(code);
      if (!unit) throw notFound('unitOfMeasure', code);
      const text = trimDecimal(checkDecimal(quantity, path));
      if (!/[1-9]/.test(text))
        throw validationError(path, 'must be greater than 0', 'not_positive');
      const decimals = text.split('.')[1]?.length ?? 0;
      if (decimals > unit.decimals) {
        throw validationError(
          path,
          `${unit.code} allows ${unit.decimals} decimal${unit.decimals === 1 ? '' : 's'}`,
          'too_precise',
        );
      }
      return text;
    },
  };
}
