import { validationError } from '../../errors/sellkit-error.js';
import { isId } from '../../ids/ids.js';
import type { AnyModel, InferRecord } from '../../model/define-model.js';
import { finishAggregate } from '../aggregate-results.js';
import type { FlatRow } from '../driver.js';
import { asStorageError, guard } from '../guard.js';
import { planAggregate } from '../normalize-aggregate.js';
import { normalizeWhere } from '../normalize-filter.js';
import type { AggregateRow } from '../query.js';
import { ID_CHUNK } from '../references.js';
import { checkId } from '../write-checks.js';
import { resolve, type TenantContext, toRecord } from './context.js';

/** `TenantStorage.get`: null for an id that is not one of the model's. */
export async function getRecord<M extends AnyModel>(
  cx: TenantContext,
  model: M,
  id: string,
): Promise<InferRecord<M> | null> {
  const info = resolve(cx.state, model);
  if (!isId(checkId(id), info.model.idPrefix)) return null;
  const row = await guard(() => cx.session.get(cx.tenantId, info.layout, id));
  return row ? toRecord<M>(info, row) : null;
}

/** `TenantStorage.getMany`: the model's ids among `ids`, read in chunks. */
export async function getRecords<M extends AnyModel>(
  cx: TenantContext,
  model: M,
  ids: readonly string[],
): Promise<InferRecord<M>[]> {
  const info = resolve(cx.state, model);
  if (!Array.isArray(ids)) throw validationError('ids', 'must be a list of ids', 'invalid_type');
  const wanted = new Set<string>();
  ids.forEach((id: unknown, index) => {
    if (isId(checkId(id, `ids.${index}`), info.model.idPrefix)) wanted.add(id as string);
  });
  if (wanted.size === 0) return [];
  const list = [...wanted];
  const rows: FlatRow[] = [];
  for (let start = 0; start < list.length; start += ID_CHUNK) {
    const chunk = list.slice(start, start + ID_CHUNK);
    rows.push(...(await guard(() => cx.session.getMany(cx.tenantId, info.layout, chunk))));
  }
  return rows.map((row) => toRecord<M>(info, row));
}

/** `TenantStorage.count`. */
export async function countRecords(
  cx: TenantContext,
  model: AnyModel,
  where: unknown,
): Promise<number> {
  const info = resolve(cx.state, model);
  const filter = normalizeWhere(info, where);
  const result = await guard(() => cx.session.count(cx.tenantId, info.layout, filter));
  const number = Number(result);
  if (!Number.isSafeInteger(number) || number < 0)
    throw asStorageError(new Error(`the driver returned count ${String(result)}`));
  return number;
}

/** `TenantStorage.aggregate`. */
export async function aggregateRecords(
  cx: TenantContext,
  model: AnyModel,
  query: unknown,
): Promise<AggregateRow[]> {
  const info = resolve(cx.state, model);
  const plan = planAggregate(info, query);
  const rows = await guard(() => cx.session.aggregate(cx.tenantId, info.layout, plan.driver));
  return finishAggregate(plan, rows);
}
