import type { CustomersContext } from './context.js';

/**
 * The tenant's own country (ISO 3166-1 alpha-2), from the tenant settings of the kernel.
 *
 * The kernel does not keep a tenant country yet (it is being added to the per-tenant
 * settings); until it does this returns undefined and {@link defaultCountry} falls back to
 * the module option. This is the one place that will read it.
 */
export function tenantCountry(_ctx: CustomersContext): string | undefined {
  return undefined;
}

/**
 * The country national phone numbers are read in, most specific first: the operation's own
 * option (an import's `defaultCountry`, carried in the context), the tenant's country, then `customers({ defaultCountry })`.
 * Undefined when none is set: numbers must then carry their country code.
 */
export function defaultCountry(ctx: CustomersContext): string | undefined {
  return ctx.defaultCountry ?? tenantCountry(ctx) ?? ctx.options.defaultCountry;
}
