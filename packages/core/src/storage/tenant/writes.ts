import { type FieldIssue, validationError } from '../../errors/sellkit-error.js';
import { isId } from '../../ids/ids.js';
import type { AnyModel, InferRecord } from '../../model/define-model.js';
import { modelParser } from '../../model/schema.js';
import { flattenInto } from '../flatten.js';
import { asStorageError, guard, validationFailure } from '../guard.js';
import type { WriteOptions } from '../query.js';
import { checkNotReferenced, checkReferences } from '../references.js';
import {
  atomically,
  checkExpectedVersion,
  checkId,
  notFound,
  now,
  stale,
  versionOf,
} from '../write-checks.js';
import { resolve, type TenantContext, toRecord } from './context.js';

const SEQUENCE_NAME = /^[a-z][a-z0-9_.-]{0,63}$/;

/** `TenantStorage.update`: read, version check and write in one transaction. */
export async function updateRecord<M extends AnyModel>(
  cx: TenantContext,
  model: M,
  id: string,
  patch: unknown,
  options?: WriteOptions,
): Promise<InferRecord<M>> {
  const { state, session, tenantId } = cx;
  const info = resolve(state, model);
  checkId(id);
  const expected = checkExpectedVersion(options);
  const issues: FieldIssue[] = [];
  const changes = modelParser(info.model).patch(patch, issues);
  if (!changes) throw validationFailure(issues, info.model.name);
  if (!isId(id, info.model.idPrefix)) throw notFound(info, id);
  const at = now(cx.clock);
  return atomically(session, async (inner) => {
    const current = await inner.get(tenantId, info.layout, id);
    if (!current) throw notFound(info, id);
    const version = versionOf(current);
    if (expected !== undefined && expected !== version) throw stale(info, id, expected, version);
    if (Object.keys(changes).length === 0) return toRecord<M>(info, current);
    await checkReferences(inner, tenantId, state.registry, info, [changes], () => '');
    const row = flattenInto(info, changes, { version: version + 1, updated_at: at });
    const updated = await inner.update(tenantId, info.layout, id, version, row);
    if (!updated) throw stale(info, id, expected ?? version, null);
    return toRecord<M>(info, updated);
  });
}

/** `TenantStorage.delete`: read, version and reference checks and delete in one transaction. */
export async function deleteRecord(
  cx: TenantContext,
  model: AnyModel,
  id: string,
  options?: WriteOptions,
): Promise<void> {
  const { state, session, tenantId } = cx;
  const info = resolve(state, model);
  checkId(id);
  const expected = checkExpectedVersion(options);
  if (!isId(id, info.model.idPrefix)) throw notFound(info, id);
  await atomically(session, async (inner) => {
    const current = await inner.get(tenantId, info.layout, id);
    if (!current) throw notFound(info, id);
    const version = versionOf(current);
    if (expected !== undefined && expected !== version) throw stale(info, id, expected, version);
    await checkNotReferenced(inner, tenantId, state.registry, info, id);
    const deleted = await inner.delete(tenantId, info.layout, id, version);
    if (!deleted) throw stale(info, id, expected ?? version, null);
  });
}

/** `TenantStorage.nextSequenceValue`: the name checked, the driver's value checked. */
export async function nextSequenceValue(cx: TenantContext, name: string): Promise<number> {
  if (typeof name !== 'string' || !SEQUENCE_NAME.test(name)) {
    throw validationError(
      'name',
      'a sequence name is lower-case letters, digits, _ . - (at most 64)',
      'invalid_format',
    );
  }
  const value = await guard(() => cx.session.nextSequenceValue(cx.tenantId, name));
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < 1)
    throw asStorageError(new Error(`the driver returned sequence value ${String(value)}`));
  return number;
}
