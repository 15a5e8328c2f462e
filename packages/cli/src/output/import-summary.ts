import type { CellValue, Report, ReportSection } from './report.js';
import { defineTables } from './table.js';

/** A rejected row, as every importer reports it. */
export interface RejectedRow {
  readonly line: number;
  readonly field?: string | null;
  readonly reason: string;
}

/** The counts of one imported file (or one kind of record). */
export interface ImportPart {
  /** `accounts.csv`, `companies`... */
  readonly name: string;
  readonly total: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: readonly RejectedRow[];
  /** Values outside a vocabulary, by field then value, with row counts. */
  readonly unknownValues?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Further counts worth showing (`leads: 1425`). */
  readonly notes?: Readonly<Record<string, number>>;
}

/** How many rejected rows a person sees before "... and N more". */
export const HUMAN_REJECTION_LIMIT = 20;

function reasonKey(row: RejectedRow): string {
  // Group "line-specific" reasons by their wording without quoted values: `"xyz" is not...`.
  return row.reason.replace(/"[^"]*"/g, '"…"');
}

// Every import table shows the same columns the same way: declared once.
const table = defineTables({
  part: { label: 'file' },
  total: { kind: 'integer', label: 'rows' },
  created: 'integer',
  updated: 'integer',
  unchanged: 'integer',
  rejected: 'integer',
  note: { label: 'what' },
  count: { kind: 'integer', label: 'rows' },
  rows: 'integer',
  line: 'integer',
});

/**
 * The report of an import: one summary row per part, rejection reasons with counts, the
 * rejected rows themselves (all of them in JSON and CSV; the first
 * {@link HUMAN_REJECTION_LIMIT} on a terminal, `humanLimit`), and unknown values.
 */
export function importReport(
  id: string,
  title: string,
  facts: Readonly<Record<string, CellValue>>,
  parts: readonly ImportPart[],
  humanLimit?: number,
): Report {
  const summary = parts.map((part) => ({
    part: part.name,
    total: part.total,
    created: part.created,
    updated: part.updated,
    unchanged: part.unchanged,
    rejected: part.rejected.length,
  }));
  const reasons = new Map<string, { part: string; reason: string; rows: number }>();
  for (const part of parts) {
    for (const row of part.rejected) {
      const key = `${part.name}\u0000${reasonKey(row)}`;
      const entry = reasons.get(key) ?? { part: part.name, reason: reasonKey(row), rows: 0 };
      entry.rows += 1;
      reasons.set(key, entry);
    }
  }
  const allRejected = parts.flatMap((part) =>
    part.rejected.map((row) => ({
      part: part.name,
      line: row.line,
      field: row.field ?? null,
      reason: row.reason,
    })),
  );
  const shown = humanLimit === undefined ? allRejected : allRejected.slice(0, humanLimit);
  const notes = parts.flatMap((part) =>
    Object.entries(part.notes ?? {}).map(([note, count]) => ({ part: part.name, note, count })),
  );
  const unknown = parts.flatMap((part) =>
    Object.entries(part.unknownValues ?? {}).flatMap(([field, values]) =>
      Object.entries(values).map(([value, rows]) => ({ part: part.name, field, value, rows })),
    ),
  );
  const hidden = allRejected.length - shown.length;
  const sections: ReportSection[] = [
    table(
      'summary',
      'Rows read and records written',
      ['part', 'total', 'created', 'updated', 'unchanged', 'rejected'],
      summary,
    ),
  ];
  if (notes.length > 0) sections.push(table('notes', 'Notes', ['part', 'note', 'count'], notes));
  sections.push(
    table(
      'rejectionReasons',
      'Rejected rows by reason',
      ['part', 'reason', 'rows'],
      [...reasons.values()].sort((a, b) => b.rows - a.rows),
      { hideWhenEmpty: true },
    ),
    table('rejected', 'Rejected rows', ['part', 'line', 'field', 'reason'], shown, {
      hideWhenEmpty: true,
      note: hidden > 0 ? `... and ${hidden} more (--json or --csv list them all)` : undefined,
    }),
  );
  if (unknown.length > 0) {
    sections.push(
      table(
        'unknownValues',
        'Values outside the known vocabulary (imported as they are; map them with valueMaps)',
        ['part', 'field', 'value', 'rows'],
        unknown,
      ),
    );
  }
  return { id, title, facts, sections };
}
