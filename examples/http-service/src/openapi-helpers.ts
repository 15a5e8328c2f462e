import type { OpenAPIHono, z } from '@hono/zod-openapi';
import type { CrmSession } from './crm.js';
import { ErrorSchema } from './schemas.js';

/** What handlers find on the Hono context: Sellkit as the authenticated tenant's actor. */
export interface AppEnv {
  Variables: { crm: CrmSession };
}

/** The service's Hono app. */
export type ServiceApp = OpenAPIHono<AppEnv>;

/** A JSON response entry of a route. */
export function json<T extends z.ZodType>(schema: T, description: string) {
  return { content: { 'application/json': { schema } }, description };
}

const ERROR_DESCRIPTIONS = {
  401: 'Not authenticated (no or unknown bearer token)',
  403: 'FORBIDDEN: the actor may not do this',
  404: 'NOT_FOUND: no such record in this tenant',
  409: 'CONFLICT (stale expectedVersion, taken unique value) or INVALID_TRANSITION',
  422: 'VALIDATION_FAILED (issues carry the paths) or CURRENCY_MISMATCH',
} as const;

/** The error responses a route documents. */
export function errors(...statuses: (keyof typeof ERROR_DESCRIPTIONS)[]) {
  return Object.fromEntries(
    statuses.map((status) => [status, json(ErrorSchema, ERROR_DESCRIPTIONS[status])]),
  );
}

/** The object without its undefined members (Sellkit options read "absent", not undefined). */
export function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, member]) => member !== undefined),
  ) as Partial<T>;
}

/** Security requirement of every authenticated route. */
export const BEARER = [{ bearerAuth: [] }];
