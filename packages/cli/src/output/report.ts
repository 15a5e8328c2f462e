/**
 * How a column's values are shown to a person (machines always get the raw value). `amounts`
 * is text like `1234.50 USD + 20.00 EUR`, shown with thousands separators.
 */
export type ColumnKind = 'text' | 'integer' | 'decimal' | 'money' | 'percent' | 'amounts';

/** One column of a report table. */
export interface ReportColumn {
  readonly key: string;
  readonly label: string;
  readonly kind?: ColumnKind;
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
  readonly sections: readonly ReportSection[];
}

/** Output formats: a person's terminal, a pipe, or a machine. */
export type OutputFormat = 'table' | 'plain' | 'json' | 'csv';
