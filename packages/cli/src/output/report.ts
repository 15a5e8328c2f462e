import type { Localisation } from './localisation.js';

/**
 * How a column's values are shown to a person (machines always get the raw value). `amounts`
 * is text like `1234.50 USD + 20.00 EUR`, each amount shown in its currency; `money` is a bare
 * amount (its currency in another column); `date` a calendar date `YYYY-MM-DD`; `month` a
 * `YYYY-MM`; `instant` an ISO timestamp, shown in the tenant's time zone.
 */
export type ColumnKind =
  | 'text'
  | 'integer'
  | 'decimal'
  | 'money'
  | 'percent'
  | 'amounts'
  | 'date'
  | 'month'
  | 'instant';

/** How a person sees one cell, when its kind alone cannot say (machines get the raw value). */
export type CellDisplay = (value: CellValue, localisation: Localisation) => string;

/** One column of a report table. */
export interface ReportColumn {
  readonly key: string;
  readonly label: string;
  readonly kind?: ColumnKind;
  /** Shows a cell to people instead of the kind's formatting. */
  readonly display?: CellDisplay;
}

/** A cell value: decimal amounts travel as exact strings, ratios as numbers between 0 and 1. */
export type CellValue = string | number | boolean | null;

/** One table of a report. */
export interface ReportSection {
  /** Stable machine name (`stages`, `wonByTerritory`), used by `--json` and `--section`. */
  readonly id: string;
  readonly title: string;
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly Readonly<Record<string, CellValue>>[];
  /** A sentence under the table for people (not in JSON/CSV). */
  readonly note?: string;
  /** People do not see the table when it has no rows (machines always get it). */
  readonly hideWhenEmpty?: boolean;
}

/** A report: a title, a few facts, and tables. */
export interface Report {
  readonly id: string;
  readonly title: string;
  /** Facts shown above the tables and included in JSON (`tenant`, `currency`...). */
  readonly facts?: Readonly<Record<string, CellValue>>;
  /**
   * The facts as people see them (labels in their language, values formatted by kind); when
   * absent, people see `facts` with their keys as labels.
   */
  readonly factLines?: readonly ReportFact[];
  readonly sections: readonly ReportSection[];
}

/** Output formats: a person's terminal, a pipe, or a machine. */
export type OutputFormat = 'table' | 'plain' | 'json' | 'csv';

/** One fact above a report's tables, for people. */
export interface ReportFact {
  readonly label: string;
  readonly value: CellValue;
  readonly kind?: ColumnKind;
  /** Shows the value instead of the kind's formatting (`¥1,234.50（12 个商机）`). */
  readonly display?: CellDisplay;
}
