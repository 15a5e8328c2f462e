import { dateProblem } from '../shared/formats.js';

/**
 * Calendar dates written in a stated format, for import columns such as
 * `{ column: 'Birthday', format: 'MM/dd/yyyy' }`. Tokens: `yyyy` (four-digit year), `MM` and
 * `dd` (two digits), `M` and `d` (one or two digits); anything else is literal text. Two-digit
 * years are refused: which century they mean is a guess.
 */

const TOKEN = /yyyy|MM|M|dd|d/g;

/** A compiled date format. */
export interface DateFormat {
  readonly format: string;
  readonly pattern: RegExp;
  readonly order: readonly ('year' | 'month' | 'day')[];
}

function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Compiles a format, or says why it is not one (each of year, month and day exactly once;
 * no two-digit years).
 *
 * @example
 * ```ts
 * const format = compileDateFormat('MM/dd/yyyy');
 * if (typeof format !== 'string') readDate('12/10/1985', format); // '1985-12-10'
 * ```
 */
export function compileDateFormat(format: unknown): DateFormat | string {
  if (typeof format !== 'string' || format.length === 0 || format.length > 40) {
    return 'must be a date format such as MM/dd/yyyy';
  }
  if ((format.match(/y+/g) ?? []).some((run) => run.length !== 4)) {
    return `"${format}": write the year as yyyy (two-digit years are ambiguous)`;
  }
  const order: DateFormat['order'][number][] = [];
  let source = '';
  let last = 0;
  for (const match of format.matchAll(TOKEN)) {
    source += literal(format.slice(last, match.index));
    const token = match[0];
    source += token === 'yyyy' ? '(\\d{4})' : token.length === 2 ? '(\\d{2})' : '(\\d{1,2})';
    order.push(token === 'yyyy' ? 'year' : token.startsWith('M') ? 'month' : 'day');
    last = match.index + token.length;
  }
  source += literal(format.slice(last));
  for (const part of ['year', 'month', 'day'] as const) {
    if (order.filter((item) => item === part).length !== 1) {
      return `"${format}" must have the ${part} exactly once (yyyy, MM or M, dd or d)`;
    }
  }
  return { format, pattern: new RegExp(`^${source}$`), order };
}

/**
 * Reads a date in a compiled format as `YYYY-MM-DD`, or returns why it cannot
 * (`{ problem }`): the text does not have the format, or names a day that does not exist.
 *
 * @example
 * ```ts
 * const format = compileDateFormat('dd.MM.yyyy');
 * if (typeof format !== 'string') {
 *   readDate('09.03.2026', format); // '2026-03-09'
 *   readDate('31.02.2026', format); // { problem: '"31.02.2026" (dd.MM.yyyy) is not a day that exists' }
 * }
 * ```
 */
export function readDate(text: string, format: DateFormat): string | { problem: string } {
  const match = format.pattern.exec(text.trim());
  if (!match) return { problem: `"${text}" is not a date written ${format.format}` };
  const parts: Record<string, string> = {};
  format.order.forEach((part, index) => {
    parts[part] = match[index + 1] as string;
  });
  const iso = `${parts.year}-${(parts.month as string).padStart(2, '0')}-${(parts.day as string).padStart(2, '0')}`;
  const problem = dateProblem(iso);
  return problem ? { problem: `"${text}" (${format.format}) ${problem}` } : iso;
}
