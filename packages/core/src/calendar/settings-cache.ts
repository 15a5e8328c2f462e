import { SellkitError } from '../errors/sellkit-error.js';
import {
  DEFAULT_TENANT_SETTINGS,
  resolveTenantSettings,
  type TenantSettings,
  type TenantSettingsResolver,
} from './tenant-settings.js';

/** Tenant settings by tenant id, resolved once through the host's resolver. */
export interface TenantSettingsCache {
  /** The checked settings of a tenant (defaults without a resolver). */
  get(tenantId: string): Promise<TenantSettings>;
  /** Drops one tenant's cached settings (or every tenant's), so the next call asks again. */
  forget(tenantId?: string): void;
}

/**
 * Caches a host's {@link TenantSettingsResolver} per tenant. A resolver that throws or returns
 * invalid settings is not cached: the call that needed them fails (`CONFIGURATION_INVALID`)
 * and the next one asks again.
 *
 * @example
 * ```ts
 * const cache = tenantSettingsCache(() => ({ timeZone: 'Europe/Berlin' }));
 * (await cache.get('acme')).timeZone; // 'Europe/Berlin'
 * ```
 */
export function tenantSettingsCache(resolver?: TenantSettingsResolver): TenantSettingsCache {
  if (resolver !== undefined && typeof resolver !== 'function') {
    throw new SellkitError(
      'CONFIGURATION_INVALID',
      'tenantSettings must be a function (tenantId) => settings',
    );
  }
  const cache = new Map<string, Promise<TenantSettings>>();
  return {
    get(tenantId) {
      if (!resolver) return Promise.resolve(DEFAULT_TENANT_SETTINGS);
      const known = cache.get(tenantId);
      if (known) return known;
      const pending = (async () => {
        let input: unknown;
        try {
          input = await resolver(tenantId);
        } catch (error) {
          throw new SellkitError(
            'CONFIGURATION_INVALID',
            `the tenantSettings resolver failed for ${tenantId}`,
            { tenantId },
            { cause: error },
          );
        }
        return resolveTenantSettings(input, tenantId);
      })();
      cache.set(tenantId, pending);
      pending.catch(() => {
        if (cache.get(tenantId) === pending) cache.delete(tenantId);
      });
      return pending;
    },
    forget(tenantId) {
      if (tenantId === undefined) cache.clear();
      else cache.delete(tenantId);
    },
  };
}
