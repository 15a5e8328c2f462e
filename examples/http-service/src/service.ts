import type { SellkitContext, StorageAdapter } from '@sellkit/core';
import { sqlite } from '@sellkit/storage-kysely';
import { createApp } from './app.js';
import { bearerTokens } from './auth.js';
import { createCrm } from './crm.js';
import { listen, type RunningServer } from './server.js';

/** The example's bearer tokens: two tenants; in `acme` an admin, a rep and a read-only viewer. */
export const DEMO_TOKENS: Readonly<Record<string, SellkitContext>> = {
  'acme-admin-token': { tenantId: 'acme', actor: { id: 'u-anna', roles: ['admin'] } },
  'acme-rep-token': { tenantId: 'acme', actor: { id: 'u-rafael', roles: ['sales-rep'] } },
  'acme-viewer-token': { tenantId: 'acme', actor: { id: 'u-vera', roles: ['viewer'] } },
  'globex-admin-token': { tenantId: 'globex', actor: { id: 'u-gina', roles: ['admin'] } },
};

/** A running service: its URL, and `close()` for the server and Sellkit's storage. */
export type RunningService = RunningServer;

/**
 * Starts the service: Sellkit on `storage` (SQLite in memory by default), the routes, bearer
 * tokens as authentication, and a server on 127.0.0.1 (port 0: any free port).
 */
export async function startService(
  options: {
    storage?: StorageAdapter;
    tokens?: Readonly<Record<string, SellkitContext>>;
    port?: number;
  } = {},
): Promise<RunningService> {
  const crm = await createCrm(options.storage ?? sqlite({ memory: true }));
  const app = createApp({ crm, auth: bearerTokens(options.tokens ?? DEMO_TOKENS) });
  try {
    const server = await listen(app, { port: options.port ?? 0 });
    return {
      url: server.url,
      port: server.port,
      async close() {
        await server.close();
        await crm.close();
      },
    };
  } catch (error) {
    await crm.close();
    throw error;
  }
}
