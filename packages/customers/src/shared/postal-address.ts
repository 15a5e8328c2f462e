import { type IssueList, isPlainObject } from '@sellkit/core/module';
import { countryCode } from './country.js';

/** What an address is for. */
export const ADDRESS_KINDS = [
  'headquarters',
  'billing',
  'shipping',
  'office',
  'home',
  'other',
] as const;

/**
 * A postal address, structured so that every country's addresses fit: for China, `region` is
 * the province (省), `city` the city (市), `district` the district or county (区/县) and
 * `street` the rest (`中关村大街1号`). `country` is an ISO 3166-1 alpha-2 code; input may give
 * a code or an English or Chinese country name (`China`, `中国`), stored as the code.
 */
export interface PostalAddress {
  kind?: (typeof ADDRESS_KINDS)[number];
  street?: string;
  district?: string;
  city?: string;
  postalCode?: string;
  /** State, province (省) or region. */
  region?: string;
  /** ISO 3166-1 alpha-2 (`CN`). */
  country?: string;
}

const ADDRESS_KEYS = new Set([
  'kind',
  'street',
  'district',
  'city',
  'postalCode',
  'region',
  'country',
]);

/**
 * Checks one address and returns it cleaned (values trimmed, empty ones dropped, the country
 * as its code); problems go to `issues` under `path` (`addresses.0.country`).
 */
export function checkAddress(value: unknown, path: string, issues: IssueList): PostalAddress {
  if (!isPlainObject(value)) {
    issues.add(path, 'must be an object', 'invalid_type');
    return {};
  }
  const cleaned: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) {
    const at = `${path}.${key}`;
    if (!ADDRESS_KEYS.has(key)) {
      issues.add(at, `unknown field ${key}`, 'unknown_field');
      continue;
    }
    if (item === null || item === undefined) continue;
    if (typeof item !== 'string' || item.length > 200) {
      issues.add(at, 'must be a string of at most 200 characters', 'invalid_type');
      continue;
    }
    const text = item.trim();
    if (text === '') continue;
    if (key === 'kind' && !(ADDRESS_KINDS as readonly string[]).includes(text)) {
      issues.add(at, `must be one of ${ADDRESS_KINDS.join(', ')}`, 'invalid_enum_value');
      continue;
    }
    if (key === 'country') {
      const country = countryCode(text);
      if ('code' in country) cleaned.country = country.code;
      else issues.add(at, country.message, country.reason);
      continue;
    }
    cleaned[key] = text;
  }
  return cleaned as PostalAddress;
}
