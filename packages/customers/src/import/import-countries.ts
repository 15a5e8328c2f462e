import { resolveCountry } from '../shared/country.js';
import { countUnknown, type ImportReport } from './import-report.js';

function code(value: unknown, report: ImportReport): string | undefined {
  if (typeof value !== 'string') return undefined;
  const resolved = resolveCountry(value);
  if (resolved.kind === 'code') return resolved.code;
  const text = value.trim();
  countUnknown(report, 'country', text);
  if (resolved.kind === 'ambiguous') {
    const fields = report.ambiguousValues.country ?? {};
    fields[text] = resolved.candidates;
    report.ambiguousValues.country = fields;
  }
  return undefined;
}

/**
 * Reads the countries of an imported row as ISO codes, in place: the `country` field and the
 * `country` of the `address`. A value that is no country Sellkit knows, or an ambiguous one
 * (`Korea`), is counted in `report.unknownValues.country` (ambiguous ones also in
 * `report.ambiguousValues` with their candidates) and left out of the row, which still
 * imports: map the value with `valueMaps: { country: { Korea: 'KR' } }` and import again.
 */
export function resolveRowCountries(input: Record<string, unknown>, report: ImportReport): void {
  if (input.country !== undefined) {
    const country = code(input.country, report);
    if (country) input.country = country;
    else delete input.country;
  }
  const address = input.address as Record<string, unknown> | undefined;
  if (address && address.country !== undefined) {
    const country = code(address.country, report);
    if (country) address.country = country;
    else delete address.country;
  }
}
