import {
  type AnyModel,
  createTenantCalendar,
  DEFAULT_TENANT_SETTINGS,
  isSellkitError,
  type ModuleScope,
  SellkitError,
  type TenantCalendar,
  validationError,
  type Where,
} from '@sellkit/core';
import { isPlainObject } from '@sellkit/core/module';

/** Limits that keep a stored filter from becoming a denial of service. */
const MAX_FILTER_BYTES = 64 * 1024;
const MAX_DEPTH = 16;

/** What relative values are resolved against: now and the tenant's calendar. */
interface Relative {
  readonly calendar: TenantCalendar;
  readonly now: Date;
}

/**
 * Resolves the relative values a saved segment may hold, at run time:
 * `{ "$daysAgo": 90 }` and `{ "$daysAhead": 7 }` become an instant (timestamp fields: the same
 * local time that many calendar days away in the tenant's zone) or a `YYYY-MM-DD` date (date
 * fields: that many days from the tenant's today). Everything else is kept as is; the storage
 * validates the result. Given a `Date` instead of a calendar, days are counted in UTC at it.
 *
 * @example
 * ```ts
 * resolveSegmentFilter(company, { lastInteractionAt: { lt: { $daysAgo: 90 } } }, await scope.calendar());
 * ```
 */
export function resolveSegmentFilter(
  model: AnyModel,
  filter: unknown,
  at: TenantCalendar | Date,
): Where {
  const now: Relative =
    at instanceof Date
      ? {
          calendar: createTenantCalendar(DEFAULT_TENANT_SETTINGS, { now: () => at }),
          now: at,
        }
      : { calendar: at, now: at.now() };
  if (!isPlainObject(filter)) throw validationError('filter', 'must be an object', 'invalid_type');
  let size: number;
  try {
    size = JSON.stringify(filter).length;
  } catch {
    throw validationError('filter', 'must be plain JSON', 'invalid_type');
  }
  if (size > MAX_FILTER_BYTES) throw validationError('filter', 'is larger than 64 KB', 'too_big');
  return resolveNode(model, filter, now, 'filter', 0) as Where;
}

function relative(
  value: Record<string, unknown>,
  kind: string | undefined,
  now: Relative,
  path: string,
): unknown {
  const keys = Object.keys(value);
  if (keys.length !== 1 || (keys[0] !== '$daysAgo' && keys[0] !== '$daysAhead')) return value;
  const days = value[keys[0] as string];
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 0 || days > 36_600) {
    throw validationError(
      `${path}.${keys[0]}`,
      'must be a whole number of days from 0 to 36600',
      'invalid_type',
    );
  }
  const offset = keys[0] === '$daysAgo' ? -days : days;
  if (kind === 'date') return now.calendar.addDays(now.calendar.dateOf(now.now), offset);
  if (kind === 'timestamp' || kind === undefined)
    return now.calendar.shift(now.now, { days: offset });
  throw validationError(
    path,
    'relative days only apply to date and timestamp fields',
    'invalid_type',
  );
}

function resolveCondition(
  model: AnyModel,
  field: string,
  condition: unknown,
  now: Relative,
  path: string,
): unknown {
  const kind =
    model.fields[field]?.kind ??
    (field === 'createdAt' || field === 'updatedAt' ? 'timestamp' : undefined);
  if (!isPlainObject(condition)) return condition;
  const direct = relative(condition, kind, now, path);
  if (direct !== condition) return direct;
  return Object.fromEntries(
    Object.entries(condition).map(([operator, value]) => [
      operator,
      isPlainObject(value) ? relative(value, kind, now, `${path}.${operator}`) : value,
    ]),
  );
}

function resolveNode(
  model: AnyModel,
  node: unknown,
  now: Relative,
  path: string,
  depth: number,
): unknown {
  if (depth > MAX_DEPTH)
    throw validationError(path, `nests deeper than ${MAX_DEPTH} levels`, 'too_deep');
  if (!isPlainObject(node)) throw validationError(path, 'must be an object', 'invalid_type');
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(value))
        throw validationError(`${path}.${key}`, 'must be a list of filters', 'invalid_type');
      out[key] = value.map((item, index) =>
        resolveNode(model, item, now, `${path}.${key}.${index}`, depth + 1),
      );
    } else if (key === 'not') {
      out[key] = resolveNode(model, value, now, `${path}.not`, depth + 1);
    } else {
      out[key] = resolveCondition(model, key, value, now, `${path}.${key}`);
    }
  }
  return out;
}

/**
 * Checks a filter against a model by asking the storage to count it: the storage knows every
 * field (plugin fields included) and operator, so the check can never disagree with a run.
 * Issue paths are reported under `filter`.
 */
export async function validateFilter(
  scope: Pick<ModuleScope, 'internal'>,
  model: AnyModel,
  where: Where,
): Promise<void> {
  try {
    // internal: only whether the storage reads the filter matters; no row is returned
    await scope.internal(model).count(where);
  } catch (error) {
    if (!isSellkitError(error, 'VALIDATION_FAILED')) throw error;
    const issues = (error.details.issues ?? []).map((issue) => ({
      ...issue,
      path: `filter${issue.path.replace(/^where/, '').replace(/^(?=[^.])/, '.')}`,
    }));
    throw new SellkitError(
      'VALIDATION_FAILED',
      `invalid segment filter: ${error.message}`,
      {
        model: model.name,
        issues,
      },
      { cause: error },
    );
  }
}
