import type { CellDisplay, CellValue, ColumnKind, ReportColumn, ReportSection } from './report.js';

/** One row of a table as a report builds it: cell values by column key. */
export type TableRow = Record<string, CellValue>;

/**
 * How one column is shown: its kind, or its kind and a label other than its key (in the
 * reader's language), and optionally how a person sees its cells.
 */
export type ColumnSpec =
  | ColumnKind
  | { readonly kind?: ColumnKind; readonly label: string; readonly display?: CellDisplay };

/** What a table may carry besides its columns and rows. */
export interface TableOptions {
  /** A sentence under the table for people (not in JSON/CSV). */
  readonly note?: string | undefined;
  /** People do not see the table when it has no rows (machines always get it). */
  readonly hideWhenEmpty?: boolean;
}

/** Builds one section of a report: id, title, the keys of the columns shown, and the rows. */
export type TableFactory = (
  id: string,
  title: string,
  keys: readonly string[],
  rows: readonly Readonly<TableRow>[],
  options?: TableOptions,
) => ReportSection;

/**
 * The one place reports and summaries shape their tables. A report declares how its columns
 * look once, by key (a key not declared is a text column labelled by its key), and each table
 * then only names the columns it shows, in order. Every renderer (boxes, plain text, JSON, CSV)
 * reads the sections this makes; values are formatted for people by the renderers, in their
 * locale (`output/locale-format.ts`), never here.
 *
 * @example
 * ```ts
 * const rows = [{ owner: 'Ana Ruiz', deals: 12, winRate: 0.42 }];
 * const table = defineTables({ deals: 'integer', winRate: { kind: 'percent', label: 'win rate' } });
 * const section = table('owners', 'Win rate per owner', ['owner', 'deals', 'winRate'], rows);
 * ```
 */
export function defineTables(columns: Readonly<Record<string, ColumnSpec>>): TableFactory {
  const column = (key: string): ReportColumn => {
    const spec = Object.hasOwn(columns, key) ? columns[key] : undefined;
    const kind = typeof spec === 'string' ? spec : (spec?.kind ?? 'text');
    const label = typeof spec === 'object' ? spec.label : key;
    const display = typeof spec === 'object' ? spec.display : undefined;
    // Text columns carry no kind: that is how every section has always spelled them.
    return {
      key,
      label,
      ...(kind === 'text' ? {} : { kind }),
      ...(display === undefined ? {} : { display }),
    };
  };
  return (id, title, keys, rows, options = {}) => ({
    id,
    title,
    columns: keys.map(column),
    rows,
    ...(options.note === undefined ? {} : { note: options.note }),
    ...(options.hideWhenEmpty === undefined ? {} : { hideWhenEmpty: options.hideWhenEmpty }),
  });
}
