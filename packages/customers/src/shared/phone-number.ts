/**
 * Phone numbers, read by libphonenumber-js with its `max` metadata (about 157 kB, 40 kB
 * gzipped): the only metadata that knows number types (mobile, fixed line...). Sellkit runs
 * in a server process, where that size does not matter; `min` would validate lengths only.
 */
import {
  type CountryCode,
  isSupportedCountry,
  type NumberType,
  type PhoneNumber as ParsedNumber,
  ParseError,
  parsePhoneNumberWithError,
  validatePhoneNumberLength,
} from 'libphonenumber-js/max';

/** What kind of line a number is, when its country's metadata says (else null). */
export const PHONE_TYPES = [
  'mobile',
  'fixed_line',
  'fixed_line_or_mobile',
  'toll_free',
  'premium_rate',
  'shared_cost',
  'voip',
  'personal_number',
  'pager',
  'uan',
  'voicemail',
] as const;
/** A number type. */
export type PhoneType = (typeof PHONE_TYPES)[number];

/** A phone number as Sellkit stores it. */
export interface PhoneNumber {
  /** E.164: `+8613800138000`. */
  readonly number: string;
  /** The extension, digits only (`4639`), or null. */
  readonly extension: string | null;
  /** The line type where the metadata knows it (`mobile`, `fixed_line`...), else null. */
  readonly type: PhoneType | null;
  /** The ISO 3166-1 alpha-2 country of the number, when it belongs to one. */
  readonly country: string | null;
  /** The text as it was entered (`(534)997-7624x626`). */
  readonly entered: string;
}

/** The outcome of {@link parsePhone}: a number, or the parser's reason why it is none. */
export type PhoneParse =
  | { readonly ok: true; readonly phone: PhoneNumber }
  | { readonly ok: false; readonly code: string; readonly reason: string };

const REASONS: Readonly<Record<string, string>> = {
  INVALID_COUNTRY:
    'has no country code (+…) and no default country is known to read it (set defaultCountry)',
  NOT_A_NUMBER: 'is not a phone number',
  TOO_SHORT: 'is too short to be a phone number',
  TOO_LONG: 'is too long to be a phone number',
  INVALID_LENGTH: 'has a length no phone number of its country has',
};

function failure(code: string, country?: string): PhoneParse {
  const base = REASONS[code] ?? 'is not a phone number';
  const where = country && code !== 'INVALID_COUNTRY' ? ` (read as a number of ${country})` : '';
  return { ok: false, code, reason: `${base}${where} [${code}]` };
}

function typeOf(parsed: ParsedNumber): PhoneType | null {
  const type: NumberType = parsed.getType();
  return type ? (type.toLowerCase() as PhoneType) : null;
}

function attempt(text: string, country: CountryCode | undefined): ParsedNumber | string {
  try {
    return parsePhoneNumberWithError(text, country ? { defaultCountry: country } : {});
  } catch (error) {
    if (error instanceof ParseError) return error.message;
    throw error;
  }
}

/** An upper-case ISO 3166-1 alpha-2 code libphonenumber knows, or undefined. */
export function phoneRegion(value: string | null | undefined): CountryCode | undefined {
  if (typeof value !== 'string') return undefined;
  const code = value.trim().toUpperCase();
  return isSupportedCountry(code) ? code : undefined;
}

/**
 * Parses a phone number as written by people: international (`+86 138 0013 8000`), with an
 * international prefix (`0049 30 1234567`, `001-367-429-8545`), or national and read in
 * `defaultCountry` (`13800138000`, `010-12345678` in CN; `(534)997-7624` in US), with an
 * extension (`x123`, `ext. 123`, `#123`). A number is accepted when its length is possible
 * for its country; anything else comes back with the parser's reason.
 *
 * A leading `00` is the international prefix of most of the world; where the default
 * country's own prefix differs (US: `011`), a number starting `00` that does not read as
 * a national number is read as international.
 *
 * @example
 * ```ts
 * const read = parsePhone('(534)997-7624x626', 'US');
 * if (read.ok) read.phone; // { number: '+15349977624', extension: '626', type: 'fixed_line_or_mobile', ... }
 * parsePhone('12', 'US');  // { ok: false, code: 'TOO_SHORT', reason: 'is too short ...' }
 * ```
 */
export function parsePhone(text: string, defaultCountry?: string | null): PhoneParse {
  const entered = text.trim();
  if (entered.length === 0) return failure('NOT_A_NUMBER');
  const country = phoneRegion(defaultCountry);
  let parsed = attempt(entered, country);
  if (entered.startsWith('00') && (typeof parsed === 'string' || !parsed.isValid())) {
    const international = attempt(`+${entered.slice(2)}`, undefined);
    if (typeof international !== 'string' && international.isPossible()) parsed = international;
  }
  if (typeof parsed === 'string') return failure(parsed, country);
  if (!parsed.isPossible()) {
    const code = validatePhoneNumberLength(parsed.number) ?? 'NOT_A_NUMBER';
    return failure(code, parsed.country ?? country);
  }
  return {
    ok: true,
    phone: {
      number: parsed.number,
      extension: parsed.ext ? String(parsed.ext) : null,
      type: typeOf(parsed),
      country: parsed.country ?? null,
      entered,
    },
  };
}

/** How {@link formatPhone} writes a number. */
export interface FormatPhoneOptions {
  /**
   * The reader's country: numbers of that country are written nationally (`010 1234 5678`),
   * others internationally (`+86 10 1234 5678`). Without it, always internationally.
   */
  readonly readerCountry?: string | null;
}

/**
 * A stored number written for people: international format, or national when it belongs to
 * the reader's country, with its extension (` ext. 626`).
 *
 * @example
 * ```ts
 * const read = parsePhone('+86 138 0013 8000');
 * if (read.ok) {
 *   formatPhone(read.phone);                          // '+86 138 0013 8000'
 *   formatPhone(read.phone, { readerCountry: 'CN' }); // '138 0013 8000'
 * }
 * ```
 */
export function formatPhone(phone: PhoneNumber, options: FormatPhoneOptions = {}): string {
  const read = attempt(phone.number, undefined);
  if (typeof read === 'string') return phone.entered;
  const reader = phoneRegion(options.readerCountry);
  const national = reader !== undefined && read.country === reader;
  const text = national ? read.formatNational() : read.formatInternational();
  return phone.extension ? `${text} ext. ${phone.extension}` : text;
}
