import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { SellkitError } from '../errors/sellkit-error.js';

/** One data row of a CSV file, with its 1-based line number in the file (header is line 1). */
export interface CsvRow {
  readonly line: number;
  readonly values: Readonly<Record<string, string>>;
}

/** Progress of a long read: bytes read so far and the total when known. */
export interface CsvProgress {
  readonly rows: number;
  readonly bytesRead: number;
  readonly totalBytes: number | null;
}

/** Options of {@link readCsv}. */
export interface ReadCsvOptions {
  /** Columns the header must contain; a missing one is `VALIDATION_FAILED` before any row is read. */
  requiredColumns?: readonly string[];
  /** Called every `progressEvery` rows and once at the end. */
  onProgress?: (progress: CsvProgress) => void;
  progressEvery?: number;
  /** Field separator (default `,`). */
  delimiter?: string;
}

/**
 * Streams a CSV file (or stream) row by row, so files larger than memory import in constant
 * space. Values are strings, trimmed; empty cells are `''`. The header row names the columns.
 * A file that cannot be read is `NOT_FOUND` / `VALIDATION_FAILED`, never a raw error.
 *
 * @example
 * ```ts
 * for await (const row of readCsv('accounts.csv', { requiredColumns: ['account'] })) {
 *   console.log(row.line, row.values.account);
 * }
 * ```
 */
export async function* readCsv(
  source: string | Readable,
  options: ReadCsvOptions = {},
): AsyncGenerator<CsvRow> {
  let totalBytes: number | null = null;
  let input: Readable;
  if (typeof source === 'string') {
    try {
      const info = await stat(source);
      if (!info.isFile())
        throw new SellkitError('VALIDATION_FAILED', `${source} is not a file`, { file: source });
      totalBytes = info.size;
    } catch (error) {
      if (error instanceof SellkitError) throw error;
      throw new SellkitError(
        'NOT_FOUND',
        `cannot read ${source}: ${(error as Error).message}`,
        { file: source },
        { cause: error },
      );
    }
    input = createReadStream(source);
  } else {
    input = source;
  }
  let bytesRead = 0;
  input.on('data', (chunk: Buffer | string) => {
    bytesRead += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
  });
  const parser = input.pipe(
    parse({
      bom: true,
      trim: true,
      relax_column_count: false,
      skip_empty_lines: true,
      delimiter: options.delimiter ?? ',',
      info: true,
    }),
  );
  let header: string[] | null = null;
  let rows = 0;
  const every = options.progressEvery ?? 1000;
  try {
    for await (const record of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      if (header === null) {
        header = record.record.map((cell) => cell.trim());
        const missing = (options.requiredColumns ?? []).filter(
          (column) => !header?.includes(column),
        );
        if (missing.length > 0) {
          throw new SellkitError(
            'VALIDATION_FAILED',
            `the CSV header lacks ${missing.join(', ')}`,
            {
              issues: missing.map((column) => ({
                path: `header.${column}`,
                message: 'column is missing',
                reason: 'missing_column',
              })),
              header,
            },
          );
        }
        continue;
      }
      const values: Record<string, string> = {};
      header.forEach((column, index) => {
        values[column] = record.record[index] ?? '';
      });
      rows += 1;
      yield { line: record.info.lines, values };
      if (options.onProgress && rows % every === 0)
        options.onProgress({ rows, bytesRead, totalBytes });
    }
  } catch (error) {
    if (error instanceof SellkitError) throw error;
    const message = (error as Error).message;
    throw new SellkitError(
      'VALIDATION_FAILED',
      `malformed CSV: ${message}`,
      { reason: 'malformed_csv' },
      { cause: error },
    );
  } finally {
    input.destroy();
  }
  if (header === null)
    throw new SellkitError('VALIDATION_FAILED', 'the CSV file is empty (no header row)', {
      reason: 'empty_csv',
    });
  options.onProgress?.({ rows, bytesRead: totalBytes ?? bytesRead, totalBytes });
}

/**
 * Quotes one CSV cell when it needs it (RFC 4180), and defuses spreadsheet formulas.
 *
 * @example
 * ```ts
 * csvCell('Cancity, Inc.'); // '"Cancity, Inc."'
 * csvCell('=SUM(A1:A9)'); // "'=SUM(A1:A9)": no formula when opened in a spreadsheet
 * csvCell(null); // ''
 * ```
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  // A leading = + - @ would run as a formula when a user opens the export in a spreadsheet.
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One CSV line from cells, ending in CRLF as RFC 4180 says.
 *
 * @example
 * ```ts
 * csvLine(['Cancity', 120, new Date('2026-03-01T00:00:00Z')]);
 * // 'Cancity,120,2026-03-01T00:00:00.000Z\r\n'
 * ```
 */
export function csvLine(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
