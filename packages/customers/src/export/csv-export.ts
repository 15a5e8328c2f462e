import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  type AnyModel,
  csvLine,
  type ModuleScope,
  Money,
  SYSTEM_FIELDS,
  validationError,
  type Where,
} from '@sellkit/core';

/** Default export columns per target. */
export const DEFAULT_EXPORT_COLUMNS = {
  company: [
    'id',
    'externalId',
    'name',
    'industry',
    'sizeClass',
    'employees',
    'annualRevenue',
    'purchasePotential',
    'lifecycleStage',
    'country',
    'parentId',
    'ownerId',
    'territoryId',
    'tags',
    'lastInteractionAt',
  ],
  contact: [
    'id',
    'externalId',
    'firstName',
    'lastName',
    'title',
    'emails',
    'phones',
    'companyId',
    'ownerId',
    'tags',
    'lastInteractionAt',
  ],
} as const;

/** Rows read per page while exporting. */
const PAGE = 1000;

/** Checks export columns against a model (plugin fields included). */
export function checkColumns(
  model: AnyModel,
  columns: readonly unknown[],
  path = 'columns',
): string[] {
  const known = new Set([...SYSTEM_FIELDS, ...Object.keys(model.fields)]);
  return columns.map((column, index) => {
    if (typeof column !== 'string' || !known.has(column)) {
      throw validationError(
        `${path}.${index}`,
        `unknown ${model.name} field ${String(column)}`,
        'unknown_field',
      );
    }
    return column;
  });
}

/** The header cells: a money field is two columns, amount and currency. */
function headerCells(model: AnyModel, columns: readonly string[]): string[] {
  return columns.flatMap((column) =>
    model.fields[column]?.kind === 'money' ? [column, `${column}Currency`] : [column],
  );
}

function cells(
  model: AnyModel,
  columns: readonly string[],
  row: Record<string, unknown>,
): unknown[] {
  return columns.flatMap((column) => {
    const value = row[column];
    const kind = model.fields[column]?.kind;
    if (kind === 'money') {
      return value instanceof Money
        ? [value.toDecimal().toFixed(value.exponent), value.currency]
        : ['', ''];
    }
    if (value === null || value === undefined) return [''];
    if (Array.isArray(value))
      return kind === 'textList' ? [value.join('; ')] : [JSON.stringify(value)];
    if (value instanceof Date) return [value.toISOString()];
    if (typeof value === 'object') return [JSON.stringify(value)];
    return [value];
  });
}

/**
 * Streams records as CSV lines (header first), reading the storage page by page through
 * cursors so exports of any size run in constant memory. Reads go through the record service:
 * a user exports only what they may see.
 */
export async function* exportCsvLines<E extends object>(
  scope: ModuleScope<E>,
  model: AnyModel,
  where: Where | undefined,
  columns: readonly string[],
): AsyncGenerator<string> {
  yield csvLine(headerCells(model, columns));
  const records = scope.records(model);
  let after: string | undefined;
  do {
    const page = await records.find({
      ...(where ? { where } : {}),
      orderBy: [{ field: 'id' }],
      limit: PAGE,
      ...(after ? { after } : {}),
    });
    for (const row of page.rows)
      yield csvLine(cells(model, columns, row as Record<string, unknown>));
    after = page.nextCursor ?? undefined;
  } while (after);
}

/** How an `exportCsv` given a writable stream treats it. */
export interface ExportStreamOptions {
  /**
   * End the stream when the export is done (default `true`, as `stream.pipeline` does), so a
   * file stream is flushed and closed when the returned promise resolves. Pass `false` to keep
   * writing to it afterwards (the promise then resolves once the data is handed to the stream).
   */
  readonly end?: boolean;
}

/**
 * Writes CSV lines to a stream with back-pressure and resolves with the data row count once the
 * data is flushed to the destination: by default the stream is ended and the promise waits for
 * it to finish (a file holds every row and its handle is closed). A stream error, or an error
 * while reading the rows, rejects the promise and destroys the stream.
 */
export async function pipeLines(
  lines: AsyncIterable<string>,
  writable: Writable,
  options: ExportStreamOptions = {},
): Promise<{ rows: number }> {
  let count = -1;
  async function* counted(): AsyncGenerator<string> {
    for await (const line of lines) {
      count += 1;
      yield line;
    }
  }
  await pipeline(Readable.from(counted(), { objectMode: false }), writable, {
    end: options.end !== false,
  });
  return { rows: Math.max(0, count) };
}
