import type { ModuleScope } from '@sellkit/core';
import type { CatalogEvents } from '../events.js';
import type { ResolvedCatalogOptions } from '../options.js';

/** What every catalog service works with: one scope (maybe a transaction) and the options. */
export interface CatalogContext {
  readonly scope: ModuleScope<CatalogEvents>;
  readonly options: ResolvedCatalogOptions;
}

/** The same context bound to another scope (a transaction). */
export function within(ctx: CatalogContext, scope: ModuleScope<CatalogEvents>): CatalogContext {
  return { ...ctx, scope };
}
