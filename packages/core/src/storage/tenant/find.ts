import { validationError } from '../../errors/sellkit-error.js';
import type { AnyModel } from '../../model/define-model.js';
import { decodeCursor, encodeCursor, keysetFilter, planSort } from '../cursor.js';
import type { FlatRow } from '../driver.js';
import { join } from '../filter-node.js';
import { readFlat, unflatten } from '../flatten.js';
import { guard } from '../guard.js';
import type { ModelInfo } from '../model-info.js';
import { normalizeWhere } from '../normalize-filter.js';
import { planProjection, unflattenProjected } from '../projection.js';
import type { Page } from '../query.js';
import { isPlainObject } from '../write-checks.js';
import { type Loose, resolve, type TenantContext } from './context.js';

/** Default and largest page sizes of `find`. */
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 10_000;

const QUERY_OPTIONS = ['where', 'orderBy', 'limit', 'after', 'select'];

/** The query's options checked, and its page size. */
function checkQuery(info: ModelInfo, query: unknown): { input: Loose; limit: number } {
  const input: Loose = query === undefined || query === null ? {} : (query as Loose);
  if (!isPlainObject(input))
    throw validationError('', 'a find query must be an object', 'invalid_type');
  for (const key of Object.keys(input)) {
    if (!QUERY_OPTIONS.includes(key)) {
      throw validationError(key, `unknown query option ${key}`, 'unknown_field', {
        model: info.model.name,
      });
    }
  }
  const limit = input.limit ?? DEFAULT_PAGE_SIZE;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw validationError(
      'limit',
      `must be an integer from 1 to ${MAX_PAGE_SIZE}`,
      'invalid_value',
      {
        model: info.model.name,
      },
    );
  }
  return { input, limit };
}

/**
 * `TenantStorage.find`, one implementation behind its two overloads (whole records, or a
 * projection): one row more than the page tells whether there is a next one.
 */
export async function findPage(
  cx: TenantContext,
  model: AnyModel,
  query?: unknown,
): Promise<Page<Loose>> {
  const info = resolve(cx.state, model);
  const { input, limit } = checkQuery(info, query);
  let where = normalizeWhere(info, input.where);
  const plan = planSort(info, input.orderBy);
  const projection = planProjection(info, input.select, plan.columns);
  if (input.after !== undefined && input.after !== null) {
    where = join('and', [where, keysetFilter(plan, decodeCursor(plan, input.after))]);
  }
  const rows = await guard(() =>
    cx.session.find(cx.tenantId, info.layout, {
      where,
      orderBy: plan.orderBy,
      limit: limit + 1,
      ...(projection ? { columns: projection.columns } : {}),
    }),
  );
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  const cursorRow: FlatRow = {};
  if (more && last)
    for (const column of plan.columns) cursorRow[column.name] = readFlat(column, last[column.name]);
  const result: Page<Loose> = {
    rows: page.map((row) =>
      projection ? unflattenProjected(projection, row) : unflatten(info, row),
    ),
    nextCursor: more && last ? encodeCursor(plan, cursorRow) : null,
  };
  return result;
}
