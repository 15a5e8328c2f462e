import { defineModel, type InferRecord } from '../model/define-model.js';
import { field } from '../model/fields.js';
import { Money } from '../money/money.js';

/** One audit entry per mutation made through a service, written in the same transaction. */
export const auditEntryModel = defineModel({
  name: 'auditEntry',
  idPrefix: 'aud',
  audited: false,
  fields: {
    actorId: field.text({ required: true, maxLength: 128, index: true }),
    model: field.text({ required: true, maxLength: 64 }),
    recordId: field.text({ required: true, maxLength: 64 }),
    action: field.text({ required: true, maxLength: 64 }),
    /** `{ field: { before, after } }` with JSON-safe values (Money as `{ amount, currency }`). */
    changes: field.jsonOf<Record<string, { before: unknown; after: unknown }>>()({
      required: true,
    }),
    at: field.timestamp({ required: true, index: true }),
    requestId: field.text({ maxLength: 128 }),
  },
  indexes: [{ fields: ['model', 'recordId'] }],
});

/** An audit entry as stored. */
export type AuditEntry = InferRecord<typeof auditEntryModel>;

const SYSTEM = new Set(['id', 'version', 'createdAt', 'updatedAt']);

/**
 * A JSON-safe copy of a field value for the audit trail and the outbox.
 *
 * @example
 * ```ts
 * toJsonValue({ amount: Money.of('12.50', 'EUR'), closedAt: new Date('2026-03-01T00:00:00Z') });
 * // { amount: { amount: '12.50', currency: 'EUR' }, closedAt: '2026-03-01T00:00:00.000Z' }
 * ```
 */
export function toJsonValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Money) return value.toJSON();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toJsonValue(item)]));
  }
  return value;
}

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Money || b instanceof Money) return a instanceof Money && a.equals(b);
  if (a instanceof Date || b instanceof Date)
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  return JSON.stringify(toJsonValue(a)) === JSON.stringify(toJsonValue(b));
}

/**
 * The fields that differ between two versions of a record, as `{ field: { before, after } }`.
 * System fields are left out. Pass `undefined` as `before` for a create, as `after` for a delete.
 *
 * @example
 * ```ts
 * diffRecords({ title: 'Pilot', stage: 'open' }, { title: 'Pilot', stage: 'won' });
 * // { stage: { before: 'open', after: 'won' } }
 * diffRecords(undefined, { title: 'Pilot' }); // a creation: { title: { before: null, after: 'Pilot' } }
 * ```
 */
export function diffRecords(
  before: Readonly<Record<string, unknown>> | undefined,
  after: Readonly<Record<string, unknown>> | undefined,
): Record<string, { before: unknown; after: unknown }> {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (SYSTEM.has(key)) continue;
    const a = before?.[key] ?? null;
    const b = after?.[key] ?? null;
    if (!same(a, b)) changes[key] = { before: toJsonValue(a), after: toJsonValue(b) };
  }
  return changes;
}

/** One audit entry as a module writes it: the actor, time and request come from the scope. */
export interface AuditInput {
  readonly model: string;
  readonly recordId: string;
  readonly action: string;
  readonly changes: Record<string, { before: unknown; after: unknown }>;
}
