/**
 * Formatting for people, in one place: money, numbers, percentages, calendar dates, months and
 * instants, for a BCP 47 locale, through `Intl`. Machines (`--json`, `--csv`) never see this:
 * they get the exact values.
 *
 * Amounts are formatted from their exact decimal string (`Intl.NumberFormat` formats a decimal
 * string as written, digit for digit, since Node 20), never through a float: a 20-digit amount
 * prints exactly.
 */

/** Formats values for people in one locale and time zone. */
export interface LocaleFormat {
  /** The BCP 47 tag, canonical (`zh-CN`, `en-US`). */
  readonly locale: string;
  /** The IANA time zone instants are shown in (`UTC` unless told). */
  readonly timeZone: string;
  /** A count or whole number: `1,234`. Decimal strings keep every digit. */
  integer(value: number | bigint | string): string;
  /** A decimal number, its fraction digits as written: `1234567.50` → `1,234,567.50`. */
  decimal(value: number | string): string;
  /**
   * An amount in a currency, from its exact decimal string, with as many fraction digits as
   * the string has: `money('1234.50', 'CNY')` → `¥1,234.50` in zh-CN, `CN¥1,234.50` in en-US.
   */
  money(amount: string, currency: string): string;
  /** A ratio from 0 to 1 as a percentage with one decimal: `0.4567` → `45.7%`. */
  percent(ratio: number): string;
  /**
   * A calendar date `YYYY-MM-DD` (no time, no zone: never shifted): `2026年3月31日` in zh-CN,
   * `Mar 31, 2026` in en-US. Text that is not such a date is returned as it is.
   */
  date(isoDate: string): string;
  /** A month `YYYY-MM`: `2026年3月`, `Mar 2026`. Other text is returned as it is. */
  month(isoMonth: string): string;
  /** A moment in time, in {@link LocaleFormat.timeZone}: `2026年3月31日 08:00`, `Mar 31, 2026, 8:00 AM`. */
  instant(value: Date): string;
}

/** Options of {@link createLocaleFormat}. */
export interface LocaleFormatOptions {
  /**
   * The IANA time zone instants are shown in (default `UTC`); the tenant's time zone once the
   * kernel has one. Calendar dates and months never depend on it.
   */
  readonly timeZone?: string;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

/** True for a plain decimal string (`-1234.50`), which `Intl.NumberFormat` formats exactly. */
function isDecimal(text: string): text is Intl.StringNumericLiteral {
  return DECIMAL.test(text);
}

function fractionDigits(text: string): number {
  return DECIMAL.exec(text)?.[3]?.length ?? 0;
}

/**
 * The formatter of a locale. The tag must be one `Intl` knows (see `resolveLocale` in
 * `cli/locale.ts`, which checks what a user typed).
 *
 * @example
 * ```ts
 * const zh = createLocaleFormat('zh-CN', { timeZone: 'Asia/Shanghai' });
 * zh.money('1234.50', 'CNY'); // '¥1,234.50'
 * zh.date('2026-03-31');      // '2026年3月31日'
 * ```
 */
export function createLocaleFormat(
  locale = 'en-US',
  options: LocaleFormatOptions = {},
): LocaleFormat {
  const timeZone = options.timeZone ?? 'UTC';
  const cache = new Map<string, Intl.NumberFormat>();
  const numberFormat = (key: string, make: () => Intl.NumberFormat) => {
    let format = cache.get(key);
    if (!format) {
      format = make();
      cache.set(key, format);
    }
    return format;
  };
  const fixed = (digits: number) =>
    numberFormat(
      `fixed:${digits}`,
      () =>
        new Intl.NumberFormat(locale, {
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
        }),
    );
  const percent = new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  // Calendar dates are formatted as UTC midnight of that day in UTC: no zone can shift them.
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const monthFormat = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
  const instantFormat = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  });
  const canonical = dateFormat.resolvedOptions().locale;

  return {
    locale: canonical,
    timeZone,
    integer(value) {
      if (typeof value === 'string') {
        return isDecimal(value) ? fixed(fractionDigits(value)).format(value) : value;
      }
      return fixed(0).format(value);
    },
    decimal(value) {
      const text = String(value);
      return isDecimal(text) ? fixed(fractionDigits(text)).format(text) : text;
    },
    money(amount, currency) {
      if (!isDecimal(amount)) return `${amount} ${currency}`;
      const digits = fractionDigits(amount);
      const format = numberFormat(`money:${currency}:${digits}`, () => {
        try {
          return new Intl.NumberFormat(locale, {
            style: 'currency',
            currency,
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
          });
        } catch {
          // Not a well-formed currency code: the number, then the code as it was given.
          return fixed(digits);
        }
      });
      // The string is the number: Intl keeps every digit of it.
      const text = format.format(amount);
      return format.resolvedOptions().style === 'currency' ? text : `${text} ${currency}`;
    },
    percent(ratio) {
      return percent.format(ratio);
    },
    date(isoDate) {
      const match = ISO_DATE.exec(isoDate);
      if (!match) return isoDate;
      const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
      const date = new Date(Date.UTC(year, month, day));
      // Not a day of the calendar (`2026-02-30`): shown as it was written, never rolled over.
      if (date.getUTCMonth() !== month || date.getUTCDate() !== day) return isoDate;
      return dateFormat.format(date);
    },
    month(isoMonth) {
      const match = ISO_MONTH.exec(isoMonth);
      if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) return isoMonth;
      return monthFormat.format(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
    },
    instant(value) {
      return instantFormat.format(value);
    },
  };
}
