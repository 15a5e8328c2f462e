import { ENGLISH, type Localisation } from './localisation.js';
import type { CellValue, ColumnKind } from './report.js';

const AMOUNT = /^(-?\d+(?:\.\d+)?) ([A-Za-z]{3})$/;

/**
 * A value as a person reads it, in a locale (en-US unless told): numbers and amounts grouped
 * by `Intl` from their exact decimal strings (no amount is ever rounded through a float),
 * percentages with one decimal, calendar dates and months spelled out without any time-zone
 * shift, `(none)` in the catalogue's words.
 *
 * @example
 * ```ts
 * formatCell('1234.50 CNY', 'amounts', createLocalisation('zh-CN')); // '¥1,234.50'
 * formatCell('2026-03-31', 'date');                                 // 'Mar 31, 2026'
 * ```
 */
export function formatCell(
  value: CellValue,
  kind: ColumnKind = 'text',
  localisation: Localisation = ENGLISH,
): string {
  const { format, messages } = localisation;
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? messages.yes : messages.no;
  // The placeholders reports use for a missing group, in the reader's words.
  if (value === '(none)') return messages.none;
  if (value === '(no date)') return messages.noDate;
  switch (kind) {
    case 'percent':
      return typeof value === 'number' ? format.percent(value) : String(value);
    case 'amounts':
      // `1234.50 USD + 20.00 EUR`: each amount in its currency.
      return String(value)
        .split(' + ')
        .map((part) => {
          const amount = AMOUNT.exec(part);
          return amount ? format.money(amount[1]!, amount[2]!) : format.decimal(part);
        })
        .join(' + ');
    case 'integer':
      return typeof value === 'number' ? format.integer(value) : format.decimal(value);
    case 'decimal':
    case 'money':
      return format.decimal(value);
    case 'date':
      return format.date(String(value));
    case 'month':
      return format.month(String(value));
    case 'instant': {
      const date = new Date(value);
      return Number.isNaN(date.getTime()) ? String(value) : format.instant(date);
    }
    default:
      return String(value);
  }
}

/** True when the column is right-aligned (numbers). */
export function isNumeric(kind: ColumnKind = 'text'): boolean {
  return kind !== 'text' && kind !== 'date' && kind !== 'month' && kind !== 'instant';
}
