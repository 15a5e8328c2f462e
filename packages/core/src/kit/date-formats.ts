import { SellkitError } from '../errors/sellkit-error.js';

/**
 * A calendar-date layout an import accepts, made of the tokens `yyyy` (four-digit year),
 * `MM` / `M` (month, two digits / one or two), `dd` / `d` (day) and literal separators:
 * `yyyy-MM-dd`, `dd/MM/yyyy`, `M/d/yyyy`, `dd.MM.yyyy`, `yyyy/M/d`...
 */
export type DateLayout = string;

/** How one value read against a list of layouts. */
export type DateReading =
  /** Exactly one date fits (several layouts may agree on it). */
  | { readonly ok: true; readonly date: string; readonly layouts: readonly DateLayout[] }
  /** Several layouts fit and give different dates (`03/04/2017`): reported, never guessed. */
  | {
      readonly ok: false;
      readonly reason: 'ambiguous';
      readonly candidates: readonly { readonly date: string; readonly layout: DateLayout }[];
    }
  /** No layout fits, or the one that does names a day that does not exist (31/02/2017). */
  | { readonly ok: false; readonly reason: 'unparseable' };

type Token = 'yyyy' | 'MM' | 'M' | 'dd' | 'd';
type Part = { readonly token: Token } | { readonly literal: string };

interface CompiledLayout {
  readonly layout: DateLayout;
  readonly pattern: RegExp;
  readonly order: readonly Token[];
}

const TOKEN_PATTERN: Readonly<Record<Token, string>> = {
  yyyy: '(\\d{4})',
  MM: '(\\d{2})',
  M: '(\\d{1,2})',
  dd: '(\\d{2})',
  d: '(\\d{1,2})',
};

function splitLayout(layout: DateLayout): Part[] {
  const parts: Part[] = [];
  let rest = layout;
  while (rest.length > 0) {
    const token = (['yyyy', 'MM', 'dd', 'M', 'd'] as const).find((t) => rest.startsWith(t));
    if (token) {
      parts.push({ token });
      rest = rest.slice(token.length);
    } else {
      const char = rest.charAt(0);
      if (/[A-Za-z0-9]/.test(char)) {
        throw new SellkitError(
          'VALIDATION_FAILED',
          `date layout ${layout}: unknown token at "${rest}"`,
          {
            layout,
          },
        );
      }
      parts.push({ literal: char });
      rest = rest.slice(1);
    }
  }
  return parts;
}

function compileLayout(layout: DateLayout): CompiledLayout {
  if (typeof layout !== 'string' || layout.length === 0 || layout.length > 40) {
    throw new SellkitError('VALIDATION_FAILED', 'a date layout must be a non-empty string', {
      layout: String(layout).slice(0, 40),
    });
  }
  const parts = splitLayout(layout);
  const order = parts.flatMap((part) => ('token' in part ? [part.token] : []));
  const has = (tokens: readonly Token[]) => order.filter((t) => tokens.includes(t)).length === 1;
  if (order.length !== 3 || !has(['yyyy']) || !has(['MM', 'M']) || !has(['dd', 'd'])) {
    throw new SellkitError(
      'VALIDATION_FAILED',
      `date layout ${layout} must name the year (yyyy), month (MM or M) and day (dd or d) once each`,
      { layout },
    );
  }
  const source = parts
    .map((part) =>
      'token' in part
        ? TOKEN_PATTERN[part.token]
        : part.literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'),
    )
    .join('');
  return { layout, pattern: new RegExp(`^${source}$`), order };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1 || month < 1 || month > 12 || day < 1) return null;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const last = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 31);
  if (day > last) return null;
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function readWith(compiled: CompiledLayout, value: string): string | null {
  const match = compiled.pattern.exec(value);
  if (!match) return null;
  let year = 0;
  let month = 0;
  let day = 0;
  compiled.order.forEach((token, index) => {
    const n = Number(match[index + 1]);
    if (token === 'yyyy') year = n;
    else if (token === 'MM' || token === 'M') month = n;
    else day = n;
  });
  return isoDate(year, month, day);
}

/** A reader of calendar dates in mixed layouts, compiled once per column. */
export interface DateLayoutReader {
  readonly layouts: readonly DateLayout[];
  /** Reads one value (trimmed) against every layout. */
  read(value: string): DateReading;
}

/**
 * Compiles a list of layouts into a reader that detects the layout **per value**, for columns
 * of real exports where several formats are mixed. A value that several layouts read as
 * different dates (`03/04/2017` under `dd/MM/yyyy` and `MM/dd/yyyy`) is `ambiguous`, with the
 * candidates, so an import reports it instead of guessing; `2017-04-03` under the same list is
 * read at once. Bad layouts are `VALIDATION_FAILED` when compiled, not per row.
 *
 * @example
 * ```ts
 * const reader = dateLayoutReader(['yyyy-MM-dd', 'dd/MM/yyyy', 'MM/dd/yyyy']);
 * reader.read('2017-04-03'); // { ok: true, date: '2017-04-03', layouts: ['yyyy-MM-dd'] }
 * reader.read('25/04/2017'); // { ok: true, date: '2017-04-25', layouts: ['dd/MM/yyyy'] }
 * reader.read('03/04/2017'); // { ok: false, reason: 'ambiguous', candidates: [...] }
 * reader.read('04/04/2017'); // ok: both layouts agree
 * ```
 */
export function dateLayoutReader(layouts: readonly DateLayout[]): DateLayoutReader {
  if (!Array.isArray(layouts) || layouts.length === 0) {
    throw new SellkitError('VALIDATION_FAILED', 'give at least one date layout', {});
  }
  const compiled = layouts.map(compileLayout);
  return {
    layouts: [...layouts],
    read(value: string): DateReading {
      const text = typeof value === 'string' ? value.trim() : '';
      const found: { date: string; layout: DateLayout }[] = [];
      for (const layout of compiled) {
        const date = readWith(layout, text);
        if (date !== null) found.push({ date, layout: layout.layout });
      }
      const first = found[0];
      if (!first) return { ok: false, reason: 'unparseable' };
      if (found.some((candidate) => candidate.date !== first.date)) {
        return { ok: false, reason: 'ambiguous', candidates: found };
      }
      return { ok: true, date: first.date, layouts: found.map((candidate) => candidate.layout) };
    },
  };
}
