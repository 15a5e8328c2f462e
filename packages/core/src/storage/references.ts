import { type FieldIssue, SellkitError } from '../errors/sellkit-error.js';
import type { DriverSession, FilterNode } from './driver.js';
import { join } from './filter-node.js';
import { validationFailure } from './guard.js';
import type { ModelInfo } from './model-info.js';

/** How many ids one `getMany` call carries at most. */
export const ID_CHUNK = 1000;

/** The registered models by name. */
export type Registry = ReadonlyMap<string, ModelInfo>;

function target(
  registry: Registry,
  info: ModelInfo,
  fieldName: string,
  modelName: string,
): ModelInfo {
  const found = registry.get(modelName);
  if (!found) {
    throw new SellkitError(
      'CONFIGURATION_INVALID',
      `model ${info.model.name}: ${fieldName} refers to model ${modelName}, which storage was not set up with`,
      { model: info.model.name, field: fieldName, references: modelName },
    );
  }
  return found;
}

/** The ids of `ids` that exist in the tenant's table, fetched in chunks. */
export async function existingIds(
  session: DriverSession,
  tenantId: string,
  info: ModelInfo,
  ids: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < ids.length; start += ID_CHUNK) {
    const rows = await session.getMany(tenantId, info.layout, ids.slice(start, start + ID_CHUNK));
    for (const row of rows) found.add(String(row.id));
  }
  return found;
}

/**
 * Checks that every non-null reference in `rows` names a record of the same tenant. Ids in
 * `batchIds` (rows being inserted together) count as existing. One `getMany` per reference
 * field, whatever the batch size.
 */
export async function checkReferences(
  session: DriverSession,
  tenantId: string,
  registry: Registry,
  info: ModelInfo,
  rows: readonly Readonly<Record<string, unknown>>[],
  pathOf: (index: number) => string,
  batchIds: ReadonlySet<string> = new Set(),
): Promise<void> {
  const issues: FieldIssue[] = [];
  for (const reference of info.references) {
    const referenced = target(
      registry,
      info,
      reference.name,
      reference.definition.references ?? '',
    );
    const sameModel = referenced.model.name === info.model.name;
    const wanted = new Map<string, number[]>();
    rows.forEach((row, index) => {
      const value = row[reference.name];
      if (typeof value !== 'string') return;
      if (sameModel && batchIds.has(value)) return;
      const list = wanted.get(value);
      if (list) list.push(index);
      else wanted.set(value, [index]);
    });
    if (wanted.size === 0) continue;
    const found = await existingIds(session, tenantId, referenced, [...wanted.keys()]);
    for (const [id, indexes] of wanted) {
      if (found.has(id)) continue;
      for (const index of indexes) {
        issues.push({
          path: `${pathOf(index)}${reference.name}`,
          message: `no ${referenced.model.name} with id ${id}`,
          reason: 'not_found',
        });
      }
    }
  }
  if (issues.length > 0) throw validationFailure(issues, info.model.name);
}

/**
 * Refuses to delete a record that other records still refer to: `CONFLICT` naming each
 * referencing model and field (a record referring to itself does not count).
 */
export async function checkNotReferenced(
  session: DriverSession,
  tenantId: string,
  registry: Registry,
  info: ModelInfo,
  id: string,
): Promise<void> {
  const referencedBy: { model: string; field: string; count: number }[] = [];
  for (const other of registry.values()) {
    for (const reference of other.references) {
      if (reference.definition.references !== info.model.name) continue;
      const pointsHere: FilterNode = {
        type: 'leaf',
        column: reference.column.name,
        columnType: reference.column.type,
        op: 'eq',
        value: id,
      };
      const where =
        other.model.name === info.model.name
          ? join('and', [
              pointsHere,
              { type: 'leaf', column: 'id', columnType: 'text', op: 'ne', value: id },
            ])
          : pointsHere;
      const count = await session.count(tenantId, other.layout, where);
      if (count > 0) referencedBy.push({ model: other.model.name, field: reference.name, count });
    }
  }
  if (referencedBy.length > 0) {
    const first = referencedBy[0] as { model: string; field: string };
    throw new SellkitError(
      'CONFLICT',
      `${info.model.name} ${id} is still referenced by ${first.model}.${first.field}`,
      { model: info.model.name, id, referencedBy },
    );
  }
}
