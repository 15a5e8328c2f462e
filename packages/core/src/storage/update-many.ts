import type { Clock } from '../context/clock.js';
import { type FieldIssue, validationError } from '../errors/sellkit-error.js';
import { isId } from '../ids/ids.js';
import { modelParser } from '../model/schema.js';
import type { DriverSession, DriverUpdate } from './driver.js';
import { flattenInto } from './flatten.js';
import { asStorageError, guard, validationFailure } from './guard.js';
import type { ModelInfo } from './model-info.js';
import type { UpdateManyResult } from './query.js';
import { checkReferences, ID_CHUNK, type Registry } from './references.js';
import {
  checkId,
  checkVersion,
  isPlainObject,
  type Loose,
  notFound,
  now,
  stale,
  versionOf,
} from './write-checks.js';

/** Where an `updateMany` runs. */
export interface UpdateManyTarget {
  readonly registry: Registry;
  readonly session: DriverSession;
  readonly tenantId: string;
  readonly clock: Clock;
}

interface Planned {
  readonly index: number;
  readonly id: string;
  readonly changes: Loose;
  expectedVersion: number | undefined;
}

/** Changes per driver call: bounds statement size and memory per round trip. */
const WRITE_CHUNK = 1000;
const UPDATE_KEYS = new Set(['id', 'patch', 'expectedVersion']);

function checkOptions(options: unknown): 'fail' | 'skip' {
  if (options === undefined || options === null) return 'fail';
  if (!isPlainObject(options))
    throw validationError('options', 'must be an object', 'invalid_type');
  for (const key of Object.keys(options)) {
    if (key !== 'onStale')
      throw validationError(`options.${key}`, `unknown option ${key}`, 'unknown_field');
  }
  const mode = options.onStale ?? 'fail';
  if (mode !== 'fail' && mode !== 'skip')
    throw validationError('options.onStale', "must be 'fail' or 'skip'", 'invalid_value');
  return mode;
}

/** Validates every change before anything is written; returns those with a non-empty patch. */
function plan(info: ModelInfo, updates: unknown): Planned[] {
  const model = info.model.name;
  if (!Array.isArray(updates))
    throw validationError('updates', 'must be a list of { id, patch }', 'invalid_type', { model });
  const parser = modelParser(info.model);
  const issues: FieldIssue[] = [];
  const planned: Planned[] = [];
  const seen = new Set<string>();
  updates.forEach((update: unknown, index) => {
    if (issues.length >= 100) return;
    const at = `updates.${index}`;
    if (!isPlainObject(update)) {
      issues.push({ path: at, message: 'must be { id, patch }', reason: 'invalid_type' });
      return;
    }
    for (const key of Object.keys(update)) {
      if (!UPDATE_KEYS.has(key))
        issues.push({
          path: `${at}.${key}`,
          message: `unknown key ${key}`,
          reason: 'unknown_field',
        });
    }
    const id = checkId(update.id, `${at}.id`);
    if (seen.has(id)) {
      issues.push({ path: `${at}.id`, message: `${id} is changed twice`, reason: 'duplicate' });
      return;
    }
    seen.add(id);
    const expectedVersion = checkVersion(update.expectedVersion, `${at}.expectedVersion`);
    const changes = parser.patch(update.patch, issues, `${at}.patch.`);
    if (changes && Object.keys(changes).length > 0)
      planned.push({ index, id, changes, expectedVersion });
  });
  if (issues.length > 0) throw validationFailure(issues, model);
  return planned;
}

/** Fills in the current version of changes that did not name one. */
async function readVersions(
  target: UpdateManyTarget,
  info: ModelInfo,
  planned: readonly Planned[],
): Promise<void> {
  const open = planned.filter((item) => item.expectedVersion === undefined);
  for (let start = 0; start < open.length; start += ID_CHUNK) {
    const chunk = open.slice(start, start + ID_CHUNK);
    const rows = await target.session.getMany(
      target.tenantId,
      info.layout,
      chunk.filter((item) => isId(item.id, info.model.idPrefix)).map((item) => item.id),
    );
    const versions = new Map(rows.map((row) => [String(row.id), versionOf(row)]));
    for (const item of chunk) item.expectedVersion = versions.get(item.id);
  }
}

async function write(
  session: DriverSession,
  target: UpdateManyTarget,
  info: ModelInfo,
  updates: readonly DriverUpdate[],
): Promise<boolean[]> {
  if (session.updateMany) {
    const written = await session.updateMany(target.tenantId, info.layout, updates);
    if (!Array.isArray(written) || written.length !== updates.length)
      throw asStorageError(new Error('updateMany returned a result per change it was not given'));
    return written.map((value) => value === true);
  }
  const written: boolean[] = [];
  for (const update of updates) {
    const row = await session.update(
      target.tenantId,
      info.layout,
      update.id,
      update.expectedVersion,
      update.changes,
    );
    written.push(row !== null);
  }
  return written;
}

/**
 * `TenantStorage.updateMany`: validates everything, then writes in chunks inside one
 * transaction (a savepoint inside the caller's), so a failure leaves nothing half-written.
 */
export async function updateMany(
  target: UpdateManyTarget,
  info: ModelInfo,
  updates: unknown,
  options: unknown,
): Promise<UpdateManyResult> {
  const mode = checkOptions(options);
  const planned = plan(info, updates);
  const written: { id: string; version: number }[] = [];
  const skipped: { index: number; id: string; code: 'CONFLICT' | 'NOT_FOUND' }[] = [];
  if (planned.length === 0) return { written, skipped: [] };
  const at = now(target.clock);
  const pathOf = (index: number) => `updates.${planned[index]?.index ?? index}.patch.`;
  await guard(() =>
    target.session.transaction(async (session) => {
      const inner = { ...target, session };
      await checkReferences(
        session,
        target.tenantId,
        target.registry,
        info,
        planned.map((item) => item.changes),
        pathOf,
      );
      await readVersions(inner, info, planned);
      const missing = (item: Planned) =>
        skipped.push({ index: item.index, id: item.id, code: 'NOT_FOUND' });
      for (let start = 0; start < planned.length; start += WRITE_CHUNK) {
        const chunk: { item: Planned; version: number }[] = [];
        for (const item of planned.slice(start, start + WRITE_CHUNK)) {
          if (item.expectedVersion === undefined || !isId(item.id, info.model.idPrefix)) {
            if (mode === 'fail') throw notFound(info, item.id);
            missing(item);
          } else chunk.push({ item, version: item.expectedVersion });
        }
        const results = await write(
          session,
          inner,
          info,
          chunk.map(({ item, version }) => ({
            id: item.id,
            expectedVersion: version,
            changes: flattenInto(info, item.changes, { version: version + 1, updated_at: at }),
          })),
        );
        const failed = chunk.filter((_, index) => !results[index]);
        const current = new Map(
          failed.length === 0
            ? []
            : (
                await session.getMany(
                  target.tenantId,
                  info.layout,
                  failed.map(({ item }) => item.id),
                )
              ).map((row) => [String(row.id), versionOf(row)]),
        );
        chunk.forEach(({ item, version }, index) => {
          if (results[index]) {
            written.push({ id: item.id, version: version + 1 });
            return;
          }
          const found = current.get(item.id);
          if (mode === 'fail')
            throw found === undefined
              ? notFound(info, item.id)
              : stale(info, item.id, version, found);
          if (found === undefined) missing(item);
          else skipped.push({ index: item.index, id: item.id, code: 'CONFLICT' });
        });
      }
    }),
  );
  // Reported in input order, whichever check found them.
  skipped.sort((a, b) => a.index - b.index);
  return { written, skipped: skipped.map(({ id, code }) => ({ id, code })) };
}
