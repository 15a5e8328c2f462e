import type { CellValue, ColumnKind } from './report.js';

function groupDigits(integer: string): string {
  const negative = integer.startsWith('-');
  const digits = negative ? integer.slice(1) : integer;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return negative ? `-${grouped}` : grouped;
}

/**
 * A value as a person reads it: thousands separators on numbers and amounts (done on the
 * decimal string itself, so no amount is ever rounded through a float), percentages with one
 * decimal.
 */
export function formatCell(value: CellValue, kind: ColumnKind = 'text'): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  switch (kind) {
    case 'percent':
      return typeof value === 'number' ? `${(value * 100).toFixed(1)}%` : String(value);
    case 'amounts':
      return String(value)
        .split(' + ')
        .map((part) => {
          const [number, ...rest] = part.split(' ');
          return [formatCell(number ?? '', 'money'), ...rest].join(' ');
        })
        .join(' + ');
    case 'integer':
    case 'decimal':
    case 'money': {
      const text = String(value);
      const match = /^(-?\d+)(\.\d+)?$/.exec(text);
      if (!match) return text;
      return groupDigits(match[1]!) + (match[2] ?? '');
    }
    default:
      return String(value);
  }
}

/** True when the column is right-aligned (numbers). */
export function isNumeric(kind: ColumnKind = 'text'): boolean {
  return kind !== 'text';
}
