import { OpenAPIHono } from '@hono/zod-openapi';
import type { AuthHook } from './auth.js';
import type { Crm } from './crm.js';
import { registerCustomerRoutes } from './customer-routes.js';
import { errorResponse, handleError, requestValidationResponse } from './errors.js';
import type { AppEnv, ServiceApp } from './openapi-helpers.js';
import { registerPipelineRoutes } from './pipeline-routes.js';

/** What the service is built from: a composed Sellkit and the host's authentication. */
export interface ServiceOptions {
  readonly crm: Crm;
  readonly auth: AuthHook;
}

/** Paths served without authentication. */
export const PUBLIC_PATHS: ReadonlySet<string> = new Set(['/openapi.json']);

/**
 * The HTTP API as a Hono app (no server yet: `app.fetch` answers requests). Every route but
 * `/openapi.json` runs as the context `auth` returns for the request, through `crm.as(ctx)`.
 */
export function createApp({ crm, auth }: ServiceOptions): ServiceApp {
  const app: ServiceApp = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return requestValidationResponse(c, result.target, result.error);
      return undefined;
    },
  });
  app.onError(handleError);
  app.notFound((c) => errorResponse(c, 404, 'NOT_FOUND', `no route ${c.req.method} ${c.req.path}`));

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
  });
  app.doc('/openapi.json', {
    openapi: '3.0.3',
    info: {
      title: 'Sellkit example service',
      version: '0.1.0',
      description:
        'Companies, contacts, opportunities and the pipeline report of one tenant. Errors are ' +
        '{ error: { code, message, issues? } }: VALIDATION_FAILED 422 (400 for a body that is ' +
        'not JSON), FORBIDDEN 403, NOT_FOUND 404, CONFLICT and INVALID_TRANSITION 409, ' +
        'CURRENCY_MISMATCH 422, no or unknown token 401.',
    },
  });

  app.use('*', async (c, next) => {
    if (PUBLIC_PATHS.has(c.req.path)) return next();
    const context = await auth(c.req.raw);
    if (!context) {
      c.header('WWW-Authenticate', 'Bearer');
      return errorResponse(c, 401, 'UNAUTHENTICATED', 'a valid bearer token is required');
    }
    c.set('crm', crm.as(context)); // an invalid context is MISSING_CONTEXT: 401 as well
    await next();
  });

  registerCustomerRoutes(app);
  registerPipelineRoutes(app);
  return app;
}
