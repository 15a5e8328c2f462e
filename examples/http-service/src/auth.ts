import type { SellkitContext } from '@sellkit/core';

/**
 * The host's authentication: maps a request to the tenant and actor it acts as, or to null
 * when the request is not authenticated (the service answers 401). The host implements it with
 * its own sessions, API keys or JWT verification; Sellkit only sees the resulting context.
 */
export type AuthHook = (
  request: Request,
) => SellkitContext | null | undefined | Promise<SellkitContext | null | undefined>;

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * An {@link AuthHook} for the example: static bearer tokens, each standing for one context
 * (`Authorization: Bearer <token>`). A real host would verify a signed token instead.
 *
 * @example
 * ```ts
 * const auth = bearerTokens({
 *   'acme-admin-token': { tenantId: 'acme', actor: { id: 'u-1', roles: ['admin'] } },
 * });
 * ```
 */
export function bearerTokens(tokens: Readonly<Record<string, SellkitContext>>): AuthHook {
  const known = new Map(Object.entries(tokens));
  return (request) => {
    const match = BEARER.exec(request.headers.get('authorization') ?? '');
    return match?.[1] === undefined ? null : (known.get(match[1]) ?? null);
  };
}
