/**
 * Countries as ISO 3166-1 alpha-2 codes, read from a code or a name in English or Chinese
 * through i18n-iso-countries (only its `en` and `zh` locales are registered).
 */
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import zh from 'i18n-iso-countries/langs/zh.json' with { type: 'json' };

countries.registerLocale(en);
countries.registerLocale(zh);

/**
 * Names that stand for more than one country: they are never guessed. `Korea` may be the
 * Republic of Korea (KR) or the Democratic People's Republic (KP).
 */
export const AMBIGUOUS_COUNTRY_NAMES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  korea: ['KR', 'KP'],
});

/** What {@link resolveCountry} made of a value. */
export type CountryResolution =
  | { readonly kind: 'code'; readonly code: string }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly string[] }
  | { readonly kind: 'unknown' };

function byName(name: string): string | undefined {
  for (const locale of ['en', 'zh']) {
    const code =
      countries.getAlpha2Code(name, locale) ?? countries.getSimpleAlpha2Code(name, locale);
    if (code) return code;
  }
  return undefined;
}

/**
 * Reads a country: an alpha-2 (`cn`, `CN`) or alpha-3 (`CHN`) code, or a name in English or
 * Chinese (`China`, `中国`, `Falkland Islands (Malvinas)`, `Korea, Republic of`). A name with
 * a trailing remark in parentheses the library does not know (`Slovakia (Slovak Republic)`)
 * is read without it. Ambiguous names (`Korea`) and unknown ones are said so, not guessed.
 *
 * @example
 * ```ts
 * resolveCountry('中国');   // { kind: 'code', code: 'CN' }
 * resolveCountry('Korea');  // { kind: 'ambiguous', candidates: ['KR', 'KP'] }
 * resolveCountry('Narnia'); // { kind: 'unknown' }
 * ```
 */
export function resolveCountry(value: string): CountryResolution {
  const text = value.trim().replace(/\s+/g, ' ');
  if (text.length === 0) return { kind: 'unknown' };
  const ambiguous = AMBIGUOUS_COUNTRY_NAMES[text.toLowerCase()];
  if (ambiguous) return { kind: 'ambiguous', candidates: ambiguous };
  if (/^[A-Za-z]{2}$/.test(text)) {
    const code = text.toUpperCase();
    if (countries.getName(code, 'en') !== undefined) return { kind: 'code', code };
  }
  if (/^[A-Za-z]{3}$/.test(text)) {
    const code = countries.alpha3ToAlpha2(text.toUpperCase());
    if (code) return { kind: 'code', code };
  }
  const named = byName(text) ?? byName(text.replace(/\s*\([^)]*\)\s*$/, ''));
  return named ? { kind: 'code', code: named } : { kind: 'unknown' };
}

/**
 * True for an upper-case alpha-2 code Sellkit knows (`CN`, `US`, `XK`).
 *
 * @example
 * ```ts
 * isCountryCode('CN'); // true
 * isCountryCode('cn'); // false
 * isCountryCode('ZZ'); // false
 * ```
 */
export function isCountryCode(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    /^[A-Z]{2}$/.test(value) &&
    countries.getName(value, 'en') !== undefined
  );
}

/**
 * Checks a country value and returns its code, or the reason it has none (for a
 * `VALIDATION_FAILED` issue: `unknown_country`, `ambiguous_country`).
 */
export function countryCode(
  value: unknown,
): { code: string } | { reason: 'unknown_country' | 'ambiguous_country'; message: string } {
  if (typeof value !== 'string') {
    return { reason: 'unknown_country', message: 'must be a country code or name' };
  }
  const resolved = resolveCountry(value);
  if (resolved.kind === 'code') return { code: resolved.code };
  if (resolved.kind === 'ambiguous') {
    return {
      reason: 'ambiguous_country',
      message: `"${value}" is ambiguous (${resolved.candidates.join(' or ')}): give the code`,
    };
  }
  return {
    reason: 'unknown_country',
    message: `"${value}" is not a country code or a country name Sellkit knows`,
  };
}

/**
 * The English name of a country code (`KR` → `South Korea`), for display.
 *
 * @example
 * ```ts
 * countryName('KR');       // 'South Korea'
 * countryName('CN', 'zh'); // '中国'
 * countryName('XX');       // undefined
 * ```
 */
export function countryName(code: string, locale: 'en' | 'zh' = 'en'): string | undefined {
  return countries.getName(code, locale);
}
