import type { CustomersContext } from './context.js';

/**
 * The context with the tenant's own country (ISO 3166-1 alpha-2, from the kernel's
 * `tenantSettings`) as its default country when the operation named none. Writes and jobs call
 * this once before reading phone numbers; the kernel caches the settings per tenant.
 */
export async function withTenantCountry(ctx: CustomersContext): Promise<CustomersContext> {
  if (ctx.defaultCountry !== undefined) return ctx;
  const country = (await ctx.scope.calendar()).settings.country;
  return country === undefined ? ctx : { ...ctx, defaultCountry: country };
}

/**
 * The country national phone numbers are read in, most specific first: the operation's own
 * option (an import's `defaultCountry`, carried in the context), the tenant's country (put in
 * the context by {@link withTenantCountry}), then `customers({ defaultCountry })`. Undefined when
 * none is set: numbers must then carry their country code.
 */
export function defaultCountry(ctx: CustomersContext): string | undefined {
  return ctx.defaultCountry ?? ctx.options.defaultCountry;
}
