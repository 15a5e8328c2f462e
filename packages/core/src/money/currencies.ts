/**
 * ISO 4217 active currency codes with their minor-unit exponent. Codes not listed in the
 * exception tables use two decimals. Funds codes and precious metals (XAU...) are left out:
 * they carry no minor unit a sales document could use.
 */
const TWO_DECIMALS =
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD ' +
  'CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS ' +
  'GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL ' +
  'MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK ' +
  'PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS ' +
  'TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG';
const ZERO_DECIMALS = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF';
const THREE_DECIMALS = 'BHD IQD JOD KWD LYD OMR TND';
const FOUR_DECIMALS = 'CLF UYW';

const exponents = new Map<string, number>();
for (const [list, exponent] of [
  [TWO_DECIMALS, 2],
  [ZERO_DECIMALS, 0],
  [THREE_DECIMALS, 3],
  [FOUR_DECIMALS, 4],
] as const) {
  for (const code of list.split(' ')) exponents.set(code, exponent);
}

/** The largest minor-unit exponent of any supported currency (storage scales use it). */
export const MAX_CURRENCY_EXPONENT = 4;

/**
 * The number of decimals of a currency's minor unit (`2` for EUR, `0` for JPY), or undefined.
 *
 * @example
 * ```ts
 * currencyExponent('EUR'); // 2
 * currencyExponent('JPY'); // 0
 * currencyExponent('XYZ'); // undefined: not supported
 * ```
 */
export function currencyExponent(code: string): number | undefined {
  return exponents.get(code);
}

/**
 * True for a supported ISO 4217 code.
 *
 * @example
 * ```ts
 * const input: unknown = 'CHF';
 * if (isCurrencyCode(input)) Money.of('10', input);
 * isCurrencyCode('chf'); // false: codes are upper case
 * ```
 */
export function isCurrencyCode(code: unknown): code is string {
  return typeof code === 'string' && exponents.has(code);
}

/**
 * Every supported ISO 4217 code, sorted.
 *
 * @example
 * ```ts
 * currencyCodes().includes('EUR'); // true
 * currencyCodes().length; // every ISO 4217 code Money accepts
 * ```
 */
export function currencyCodes(): string[] {
  return [...exponents.keys()].sort();
}

/**
 * The most digits before the decimal point of an amount Sellkit can store (the storage layout
 * keeps money as a decimal of 24 digits at scale {@link MAX_CURRENCY_EXPONENT}): `Money.of`
 * refuses larger amounts, so one never fails later on its way to the database.
 *
 * @example `Money.of('1'.padEnd(21, '0'), 'EUR') // VALIDATION_FAILED, reason too_big`
 */
export const MAX_MONEY_INTEGER_DIGITS = 20;

/** Money amounts are stored at the widest minor unit of any currency, so one column fits all. */
export const MONEY_SCALE = MAX_CURRENCY_EXPONENT;
/** Total digits of a stored money amount (24: {@link MAX_MONEY_INTEGER_DIGITS} = 20 before the point, 4 after). */
export const MONEY_PRECISION = MAX_MONEY_INTEGER_DIGITS + MONEY_SCALE;
