import { SellkitError, validationError } from '../errors/sellkit-error.js';
import type { Clock } from './clock.js';

/** Who is acting: the host's user id, their roles, and the teams and territories they belong to. */
export interface Actor {
  /** The host's own user id (or a rep id); records' owner fields hold it. */
  readonly id: string;
  /** Role names from the access policy; unknown roles grant nothing. */
  readonly roles: readonly string[];
  readonly teamIds?: readonly string[];
  readonly territoryIds?: readonly string[];
  readonly name?: string;
}

/**
 * The context of every call: which tenant, who acts, and (optionally) which clock and request.
 * `crm.as(context)` is the only way to reach data.
 */
export interface SellkitContext {
  readonly tenantId: string;
  readonly actor: Actor;
  /** Overrides the kernel's clock for this context (tests, replays). */
  readonly clock?: Clock;
  /** Correlates audit entries and events with the host's request. */
  readonly requestId?: string;
}

const TENANT = /^[A-Za-z0-9_.:-]{1,64}$/;
const ID = /^[^\s]{1,128}$/;

function stringList(value: unknown, path: string): readonly string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || !ID.test(item))) {
    throw validationError(path, 'must be a list of ids', 'invalid_type');
  }
  return Object.freeze([...value]);
}

/**
 * Checks a context and returns a frozen copy. A missing tenant or actor is `MISSING_CONTEXT`;
 * a malformed one is `VALIDATION_FAILED` naming the field.
 *
 * @example
 * ```ts
 * const context = validateContext({ tenantId: 'acme', actor: { id: 'rep-1', roles: ['sales-rep'] } });
 * Object.isFrozen(context); // true
 * validateContext({ tenantId: 'acme' }); // throws MISSING_CONTEXT: context.actor is required
 * ```
 */
export function validateContext(input: unknown): SellkitContext {
  if (input === null || typeof input !== 'object') {
    throw new SellkitError('MISSING_CONTEXT', 'a context with tenantId and actor is required');
  }
  const context = input as Partial<Record<keyof SellkitContext, unknown>>;
  if (context.tenantId === undefined || context.tenantId === null || context.tenantId === '') {
    throw new SellkitError('MISSING_CONTEXT', 'context.tenantId is required', {
      issues: [{ path: 'tenantId', message: 'is required', reason: 'missing' }],
    });
  }
  if (typeof context.tenantId !== 'string' || !TENANT.test(context.tenantId)) {
    throw validationError(
      'tenantId',
      'must be 1 to 64 characters of letters, digits, _ . : -',
      'invalid_tenant',
    );
  }
  if (context.actor === undefined || context.actor === null) {
    throw new SellkitError('MISSING_CONTEXT', 'context.actor is required', {
      issues: [{ path: 'actor', message: 'is required', reason: 'missing' }],
    });
  }
  if (typeof context.actor !== 'object')
    throw validationError('actor', 'must be an object', 'invalid_type');
  const actor = context.actor as Partial<Record<keyof Actor, unknown>>;
  if (typeof actor.id !== 'string' || !ID.test(actor.id)) {
    throw new SellkitError('MISSING_CONTEXT', 'context.actor.id is required', {
      issues: [{ path: 'actor.id', message: 'must be a non-empty id', reason: 'missing' }],
    });
  }
  if (
    context.requestId !== undefined &&
    (typeof context.requestId !== 'string' || context.requestId.length > 128)
  ) {
    throw validationError(
      'requestId',
      'must be a string of at most 128 characters',
      'invalid_type',
    );
  }
  const clock = context.clock as Clock | undefined;
  if (clock !== undefined && typeof clock?.now !== 'function') {
    throw validationError('clock', 'must have a now() method', 'invalid_type');
  }
  return Object.freeze({
    tenantId: context.tenantId,
    actor: Object.freeze({
      id: actor.id,
      roles: stringList(actor.roles, 'actor.roles'),
      teamIds: stringList(actor.teamIds, 'actor.teamIds'),
      territoryIds: stringList(actor.territoryIds, 'actor.territoryIds'),
      ...(typeof actor.name === 'string' ? { name: actor.name } : {}),
    }),
    ...(clock === undefined ? {} : { clock }),
    ...(context.requestId === undefined ? {} : { requestId: context.requestId as string }),
  });
}
