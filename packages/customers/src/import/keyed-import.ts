import type { AnyModel, InferRecord, Where } from '@sellkit/core';
import { type IssueList, issueList } from '@sellkit/core/module';
import type { Company } from '../companies/company-model.js';
import { type CustomersContext, models } from '../shared/context.js';
import { convertMapped } from './convert-cell.js';
import type { ImportReport } from './import-report.js';
import { compileMapping } from './mapping.js';
import type { ImportOptions, PendingRow } from './run-import.js';
import { sameValue } from './same-value.js';

// `in` lists stay well below the bound-parameter limits of every SQL engine.
const LOOKUP_CHUNK = 500;

/**
 * One kind of record a CSV import writes by external id (companies, contacts), with the
 * mapping pseudo-field that names a company it refers to (`parent`, `company`).
 */
export interface KeyedTarget<M extends AnyModel> {
  /** The model as composed in the scope (plugin fields included). */
  readonly model: M;
  /** The pseudo-field of the mapping naming the referenced company, and the id field it fills. */
  readonly reference: { readonly field: string; readonly idField: string };
  /** Fields the services maintain themselves: a mapping may not name them. */
  readonly derivedFields: readonly string[];
  /** Mapping keys that are no field of the model (`address` for companies, `name` for contacts). */
  readonly pseudoFields?: readonly string[];
  /** Where each pseudo-field's values land, to name the column of a rejected field. */
  readonly pseudoTargets?: Readonly<Record<string, readonly string[]>>;
  create(ctx: CustomersContext, input: Record<string, unknown>): Promise<InferRecord<M>>;
  update(
    ctx: CustomersContext,
    id: string,
    patch: Record<string, unknown>,
  ): Promise<InferRecord<M>>;
  /**
   * The input as the service would store it over `existing` (so unchanged cells can be told
   * from changed ones); problems go to `issues`.
   */
  normalize(
    ctx: CustomersContext,
    input: Record<string, unknown>,
    existing: InferRecord<M>,
    issues: IssueList,
  ): Promise<Record<string, unknown>>;
}

/** What {@link keyedImport} gives an importer: its mapping compiled, and the shared steps. */
export interface KeyedImport<R> {
  /** Columns the header must have. */
  readonly columns: readonly string[];
  /** Field → column (the reference as its id field), to name the column of a rejected field. */
  readonly columnOf: Readonly<Record<string, string>>;
  /** How references are matched: by the company's external id (default) or its name. */
  readonly by: 'externalId' | 'name';
  /** Converts a CSV row: mapped cells into `input`, the reference cell into `ref`. */
  convert(values: Readonly<Record<string, string>>, line: number): PendingRow;
  /** The stored records of the rows' external ids. */
  existing(ctx: CustomersContext, rows: readonly PendingRow[]): Promise<Map<string, R[]>>;
  /** The companies the rows refer to, by the value written in the file. */
  references(ctx: CustomersContext, rows: readonly PendingRow[]): Promise<Map<string, Company[]>>;
  /** Records a row whose reference cannot be resolved. */
  rejectReference(report: ImportReport, row: PendingRow, reason: string): void;
  /**
   * Creates the row's record (with the `defaults`), or updates the fields that differ, or
   * counts it unchanged; then remembers it in `known` so a later row of the batch with the
   * same external id finds it. Throws what the service throws, for the caller to reject.
   */
  upsert(
    ctx: CustomersContext,
    row: PendingRow,
    input: Record<string, unknown>,
    known: Map<string, R[]>,
    report: ImportReport,
  ): Promise<R>;
}

function keysOf(rows: readonly PendingRow[]): string[] {
  return rows.flatMap((row) => (row.key ? [row.key] : []));
}

function refsOf(rows: readonly PendingRow[]): string[] {
  return rows.flatMap((row) => (row.ref ? [row.ref] : []));
}

/** The records of `model` whose `field` is one of `values`, grouped by that value. */
async function findByValues<M extends AnyModel>(
  ctx: CustomersContext,
  model: M,
  field: string,
  values: readonly string[],
): Promise<Map<string, InferRecord<M>[]>> {
  const found = new Map<string, InferRecord<M>[]>();
  const unique = [...new Set(values)];
  // internal: matching by key sees every record, or an import would duplicate what the actor
  // cannot see (writes to what is found go through the services and their access checks)
  const rows = ctx.scope.internal(model);
  for (let start = 0; start < unique.length; start += LOOKUP_CHUNK) {
    const where: Where = { [field]: { in: unique.slice(start, start + LOOKUP_CHUNK) } };
    const page = await rows.find({
      where: where as Where<InferRecord<M>>,
      limit: 10_000,
    });
    for (const row of page.rows) {
      const key = (row as Record<string, unknown>)[field] as string;
      found.set(key, [...(found.get(key) ?? []), row]);
    }
  }
  return found;
}

/**
 * Compiles the mapping of an import that writes records by external id, and binds the steps
 * the company and contact imports share: converting rows, finding what exists, resolving
 * company references and writing only what changed. Batching, dry runs and progress stay
 * with `runImport`.
 *
 * The contact import binds it like this (internal names, so not a checked `@example`):
 *
 * ```ts
 * const keyed = keyedImport(options, {
 *   model: models(ctx.scope).contact,
 *   reference: { field: 'company', idField: 'companyId' },
 *   derivedFields: CONTACT_DERIVED_FIELDS,
 *   create: createContact,
 *   update: updateContact,
 *   normalize: async (inner, input, existing, issues) =>
 *     (await prepareContactWrite(inner, input, existing, issues)).data,
 * });
 * const existing = await keyed.existing(inner, rows);
 * ```
 */
export function keyedImport<M extends AnyModel>(
  options: ImportOptions,
  target: KeyedTarget<M>,
): KeyedImport<InferRecord<M>> {
  type R = InferRecord<M>;
  const { field: refField, idField } = target.reference;
  const { fields, columns } = compileMapping(
    target.model,
    options.mapping,
    [refField, ...(target.pseudoFields ?? [])],
    [...target.derivedFields, idField],
  );
  const referenceColumn = fields.find((mapped) => mapped.field === refField)?.spec.column ?? null;
  const by = fields.find((mapped) => mapped.field === refField)?.spec.by ?? 'externalId';
  const columnOf: Record<string, string> = {};
  for (const mapped of fields) {
    const column = mapped.columns.join(', ');
    if (mapped.field === refField) columnOf[idField] = column;
    else if (mapped.shape === 'split') {
      columnOf.firstName = column;
      columnOf.lastName = column;
    } else {
      for (const name of target.pseudoTargets?.[mapped.field] ?? [mapped.field])
        columnOf[name] = column;
    }
  }
  const defaults = options.defaults ?? {};
  const name = target.model.name;

  return {
    columns,
    columnOf,
    by,
    convert(values, line) {
      const input: Record<string, unknown> = {};
      let ref: string | null = null;
      for (const mapped of fields) {
        const converted = convertMapped(mapped, values, options.valueMaps);
        if (mapped.field === refField) {
          if (converted[refField] !== undefined) ref = String(converted[refField]);
        } else Object.assign(input, converted);
      }
      const key = typeof input.externalId === 'string' ? input.externalId : null;
      return { line, input, key, ref };
    },
    existing: (ctx, rows) => findByValues(ctx, target.model, 'externalId', keysOf(rows)),
    references: (ctx, rows) => findByValues(ctx, models(ctx.scope).company, by, refsOf(rows)),
    rejectReference(report, row, reason) {
      report.rejected.push({
        line: row.line,
        field: refField,
        column: referenceColumn,
        // The reference cell names no single record: the row's value is at fault.
        code: 'VALIDATION_FAILED',
        reason,
      });
    },
    async upsert(ctx, row, input, known, report) {
      const existing = row.key ? known.get(row.key)?.[0] : undefined;
      let written: R;
      if (!existing) {
        written = await target.create(ctx, { ...defaults, ...input });
        report.created += 1;
      } else {
        const issues = issueList();
        const normalized = await target.normalize(ctx, input, existing, issues);
        issues.throwIfAny({ model: name, id: existing.id });
        const patch: Record<string, unknown> = {};
        for (const key of Object.keys(input)) {
          if (!sameValue((existing as Record<string, unknown>)[key], normalized[key]))
            patch[key] = input[key];
        }
        if (Object.keys(patch).length === 0) {
          report.unchanged += 1;
          written = existing;
        } else {
          written = await target.update(ctx, existing.id, patch);
          report.updated += 1;
        }
      }
      if (row.key) known.set(row.key, [written]);
      return written;
    },
  };
}
