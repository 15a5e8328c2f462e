import { type FieldIssue, SellkitError, validationError } from '../../errors/sellkit-error.js';
import { newId } from '../../ids/ids.js';
import type { AnyModel, InferCreate, InferRecord } from '../../model/define-model.js';
import { modelParser } from '../../model/schema.js';
import type { DriverSession, FlatRow } from '../driver.js';
import { flattenInto } from '../flatten.js';
import { guard, validationFailure } from '../guard.js';
import type { ModelInfo } from '../model-info.js';
import { checkReferences } from '../references.js';
import { atomically, now } from '../write-checks.js';
import { type Loose, resolve, type TenantContext } from './context.js';

/** `TenantStorage.insert`: validated, flattened, reference-checked, all or none. */
export async function insertRecords<M extends AnyModel>(
  cx: TenantContext,
  model: M,
  records: readonly InferCreate<M>[],
): Promise<InferRecord<M>[]> {
  const { state, session, tenantId } = cx;
  const info = resolve(state, model);
  if (!Array.isArray(records))
    throw validationError('rows', 'must be a list of records', 'invalid_type', {
      model: info.model.name,
    });
  if (records.length === 0) return [];
  const pathOf = (index: number) => (records.length === 1 ? '' : `rows.${index}.`);
  const values = parseAll(info, records, pathOf);
  const at = now(cx.clock);
  const rows = values.map((value) => {
    const id = typeof value.id === 'string' ? value.id : newId(info.model.idPrefix);
    const row: FlatRow = { ...info.rowTemplate };
    row.id = id;
    row.version = 1;
    row.created_at = at;
    row.updated_at = at;
    return flattenInto(info, value, row);
  });
  const batchIds = new Set(rows.map((row) => row.id as string));
  if (batchIds.size !== rows.length) {
    throw new SellkitError('CONFLICT', 'the batch gives one id to several records', {
      model: info.model.name,
    });
  }
  const hasReferences = info.references.some((reference) =>
    values.some((value) => value[reference.name] !== null),
  );
  const write = async (inner: DriverSession) => {
    await checkReferences(inner, tenantId, state.registry, info, values, pathOf, batchIds);
    for (let start = 0; start < rows.length; start += state.insertChunkSize) {
      await inner.insert(tenantId, info.layout, rows.slice(start, start + state.insertChunkSize));
    }
  };
  if (!hasReferences && rows.length <= state.insertChunkSize) await guard(() => write(session));
  else await atomically(session, write);
  // Built from the validated values: reading Money and decimals back from rows costs more.
  return values.map((value, index) => {
    const record: Loose = { ...info.recordTemplate };
    record.id = rows[index]?.id;
    record.version = 1;
    record.createdAt = new Date(at.getTime());
    record.updatedAt = new Date(at.getTime());
    for (const found of info.declared) record[found.name] = value[found.name] ?? null;
    return record as InferRecord<M>;
  });
}

/** Parses every record (stopping at 100 issues); `VALIDATION_FAILED` with all issues found. */
function parseAll(
  info: ModelInfo,
  records: readonly unknown[],
  pathOf: (index: number) => string,
): Loose[] {
  const parser = modelParser(info.model);
  const issues: FieldIssue[] = [];
  const values: Loose[] = [];
  for (let index = 0; index < records.length && issues.length < 100; index += 1) {
    const parsed = parser.create(records[index], issues, pathOf(index));
    if (parsed) values.push(parsed);
  }
  if (issues.length > 0) throw validationFailure(issues, info.model.name);
  return values;
}
