import { isCurrencyCode, SellkitError } from '@sellkit/core';

/** Options of `catalog()`. */
export interface CatalogOptions {
  /**
   * The currency of the price list. When set, every list price must be in it
   * (`CURRENCY_MISMATCH` otherwise), and so must every opportunity line priced from it.
   */
  readonly currency?: string;
}

/** Options with defaults filled in. */
export interface ResolvedCatalogOptions {
  readonly currency: string | null;
}

/** Checks options (`CONFIGURATION_INVALID` on nonsense) and fills in defaults. */
export function resolveCatalogOptions(options: CatalogOptions = {}): ResolvedCatalogOptions {
  if (options === null || typeof options !== 'object') {
    throw new SellkitError('CONFIGURATION_INVALID', 'catalog() options must be an object');
  }
  if (options.currency !== undefined && !isCurrencyCode(options.currency)) {
    throw new SellkitError(
      'CONFIGURATION_INVALID',
      `catalog currency ${String(options.currency)} is not an ISO 4217 code`,
    );
  }
  return Object.freeze({ currency: options.currency ?? null });
}
