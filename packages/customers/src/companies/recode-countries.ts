import { reachWhere, validationError, type Where } from '@sellkit/core';
import { type CustomersContext, models, within } from '../shared/context.js';
import { isCountryCode, resolveCountry } from '../shared/country.js';
import type { Company, CompanyAddress } from './company-model.js';
import { updateCompany } from './company-service.js';

/** A stored country value that does not read as one country. */
export interface RecodeFailure {
  readonly id: string;
  /** `country` or `addresses.0.country`. */
  readonly path: string;
  readonly value: string;
  /** `unknown` or `ambiguous (KR or KP)`. */
  readonly reason: string;
}

/** What `recodeCountries()` did. */
export interface RecodeCountriesReport {
  readonly checked: number;
  readonly recoded: number;
  /** Values that stay as they are until fixed by hand (or mapped in `valueMaps`). */
  readonly failed: readonly RecodeFailure[];
}

/** Options of `recodeCountries()`. */
export interface RecodeCountriesOptions {
  /** Stored value → code for names the library cannot settle (`{ Korea: 'KR' }`). */
  readonly valueMap?: Readonly<Record<string, string>>;
  readonly onProgress?: (report: RecodeCountriesReport) => void;
}

/**
 * Rewrites the countries of companies stored before countries were codes (`United States`,
 * `中国`) as ISO 3166-1 alpha-2 codes, in `country` and in every address, in batches of 500
 * per transaction over the companies the actor may update. A company holding a value that
 * does not read as one country (unknown, or ambiguous like `Korea`) is left as it was and
 * listed in `failed`; give `valueMap` and run again. A second run changes nothing.
 *
 * @example
 * ```ts
 * const report = await admin.customers.recodeCountries({ valueMap: { Korea: 'KR' } });
 * report.failed; // [{ id, path: 'country', value: 'Philipines', reason: 'unknown' }]
 * ```
 */
export async function recodeCountries(
  ctx: CustomersContext,
  options: RecodeCountriesOptions = {},
): Promise<RecodeCountriesReport> {
  const { company } = models(ctx.scope);
  const reach = await ctx.scope.reach('update', company);
  const failed: RecodeFailure[] = [];
  let checked = 0;
  let recoded = 0;
  if (reach.kind === 'none') return { checked, recoded, failed };
  const scoped = reachWhere(reach, company);
  const where = {
    and: [
      ...(scoped ? [scoped] : []),
      { or: [{ country: { isNull: false } }, { addresses: { isNull: false } }] },
    ],
  } as Where<Company>;
  for (const [from, to] of Object.entries(options.valueMap ?? {})) {
    if (!isCountryCode(to))
      throw validationError(`valueMap.${from}`, `${to} is not a country code`, 'unknown_country');
  }
  const read = (value: string, id: string, path: string): string | undefined => {
    if (isCountryCode(value)) return value;
    const mapped = options.valueMap?.[value];
    if (mapped) return mapped;
    const resolved = resolveCountry(value);
    if (resolved.kind === 'code') return resolved.code;
    failed.push({
      id,
      path,
      value,
      reason:
        resolved.kind === 'ambiguous'
          ? `ambiguous (${resolved.candidates.join(' or ')})`
          : 'unknown',
    });
    return undefined;
  };
  // internal: the pages are scoped by hand to what the actor may update (not what they may read)
  const companies = ctx.scope.internal(company);
  let after: string | undefined;
  do {
    const page = await companies.find({
      where,
      orderBy: [{ field: 'id' }],
      limit: 500,
      ...(after ? { after } : {}),
    });
    await ctx.scope.transaction(async (tx) => {
      for (const row of page.rows) {
        checked += 1;
        const before = failed.length;
        const country = row.country === null ? null : read(row.country, row.id, 'country');
        const addresses = (row.addresses ?? []).map((address: CompanyAddress, index) =>
          address.country === undefined
            ? address
            : { ...address, country: read(address.country, row.id, `addresses.${index}.country`) },
        );
        if (failed.length > before) continue;
        const patch: Record<string, unknown> = {};
        if (country !== row.country) patch.country = country;
        if (JSON.stringify(addresses) !== JSON.stringify(row.addresses ?? []))
          patch.addresses = addresses;
        if (Object.keys(patch).length === 0) continue;
        await updateCompany(within(ctx, tx), row.id, patch);
        recoded += 1;
      }
    });
    options.onProgress?.({ checked, recoded, failed: [...failed] });
    after = page.nextCursor ?? undefined;
  } while (after);
  return { checked, recoded, failed };
}
