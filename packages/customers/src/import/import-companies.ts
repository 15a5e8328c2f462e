import { issueList } from '@sellkit/core';
import { prepareCompanyWrite } from '../companies/company-input.js';
import type { Company } from '../companies/company-model.js';
import { COMPANY_DERIVED_FIELDS } from '../companies/company-model.js';
import { createCompany, updateCompany } from '../companies/company-service.js';
import { type CustomersContext, models } from '../shared/context.js';
import { countUnknown, type ImportReport, reject } from './import-report.js';
import { type ColumnSpec, compileMapping, convertCell } from './mapping.js';
import {
  checkImportOptions,
  type ImportOptions,
  type ImportSource,
  type PendingRow,
  runImport,
} from './run-import.js';
import { sameValue } from './same-value.js';

/**
 * Options of `importCompanies`. The mapping may use every company field (plugin fields
 * included) and `parent`: the column naming the parent company, matched by external id
 * (default) or by name (`{ column, by: 'name' }`). Parents may appear after their
 * subsidiaries in the file.
 */
export type CompanyImportOptions = ImportOptions;

/**
 * The mapping for `accounts.csv` of the Maven CRM sample data: revenue is in millions of USD,
 * `subsidiary_of` names the parent account, and the account name is the external id.
 */
export const MAVEN_ACCOUNTS_MAPPING = {
  externalId: 'account',
  name: 'account',
  industry: 'sector',
  foundedYear: 'year_established',
  annualRevenue: { column: 'revenue', currency: 'USD', multiplier: '1000000' },
  employees: 'employees',
  country: 'office_location',
  parent: { column: 'subsidiary_of', by: 'externalId' },
} as const;

async function lookup(
  ctx: CustomersContext,
  field: 'externalId' | 'name',
  values: readonly string[],
): Promise<Map<string, Company[]>> {
  const found = new Map<string, Company[]>();
  const unique = [...new Set(values)];
  const { company } = models(ctx.scope);
  for (let start = 0; start < unique.length; start += 500) {
    const page = await ctx.scope.storage.find(company, {
      where: { [field]: { in: unique.slice(start, start + 500) } },
      limit: 10_000,
    });
    for (const row of page.rows) {
      const key = row[field] as string;
      found.set(key, [...(found.get(key) ?? []), row]);
    }
  }
  return found;
}

async function upsert(
  ctx: CustomersContext,
  row: PendingRow,
  existing: Company | undefined,
  defaults: Readonly<Record<string, unknown>>,
  report: ImportReport,
): Promise<Company> {
  if (!existing) {
    const created = await createCompany(ctx, { ...defaults, ...row.input });
    report.created += 1;
    return created;
  }
  const issues = issueList();
  const normalized = await prepareCompanyWrite(ctx, row.input, existing, issues);
  issues.throwIfAny({ model: 'company', id: existing.id });
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(row.input)) {
    if (!sameValue((existing as Record<string, unknown>)[key], normalized[key]))
      patch[key] = row.input[key];
  }
  if (Object.keys(patch).length === 0) {
    report.unchanged += 1;
    return existing;
  }
  const updated = await updateCompany(ctx, existing.id, patch);
  report.updated += 1;
  return updated;
}

/**
 * Imports companies from CSV. Rows with a known external id update their company (or count
 * as unchanged); others create one. See {@link runImport} for batching and dry runs.
 */
export async function importCompanies(
  ctx: CustomersContext,
  source: ImportSource,
  rawOptions: CompanyImportOptions,
) {
  const options = checkImportOptions(rawOptions);
  const { company } = models(ctx.scope);
  const { fields, columns } = compileMapping(
    company,
    options.mapping,
    ['parent'],
    [...COMPANY_DERIVED_FIELDS, 'parentId'],
  );
  const parentSpec: ColumnSpec | undefined = fields.find(
    (mapped) => mapped.field === 'parent',
  )?.spec;
  const by = parentSpec?.by ?? 'externalId';
  const columnOf = Object.fromEntries(
    fields.map((mapped) => [
      mapped.field === 'parent' ? 'parentId' : mapped.field,
      mapped.spec.column,
    ]),
  );
  const defaults = options.defaults ?? {};
  return runImport(ctx, source, options, {
    columns,
    columnOf,
    convert(values, line, report) {
      const input: Record<string, unknown> = {};
      let ref: string | null = null;
      for (const mapped of fields) {
        const value = convertCell(mapped, values, options.valueMaps);
        if (value === undefined) continue;
        if (mapped.field === 'parent') ref = String(value);
        else input[mapped.field] = value;
      }
      if (typeof input.industry === 'string') {
        const industry = input.industry.trim().toLowerCase();
        if (!ctx.options.industries.has(industry)) countUnknown(report, 'industry', industry);
      }
      const key = typeof input.externalId === 'string' ? input.externalId : null;
      return { line, input, key, ref };
    },
    async write(inner, rows, report, final) {
      const existing = await lookup(
        inner,
        'externalId',
        rows.flatMap((row) => (row.key ? [row.key] : [])),
      );
      const parents = await lookup(
        inner,
        by,
        rows.flatMap((row) => (row.ref ? [row.ref] : [])),
      );
      const deferred: PendingRow[] = [];
      const pendingKeys = new Set(rows.flatMap((row) => (row.key ? [row.key] : [])));
      for (const row of rows) {
        const input = { ...row.input };
        if (row.ref !== null) {
          const matches = parents.get(row.ref) ?? [];
          if (matches.length > 1) {
            report.rejected.push({
              line: row.line,
              field: 'parent',
              column: parentSpec?.column ?? null,
              reason: `parent "${row.ref}" matches ${matches.length} companies`,
            });
            continue;
          }
          const parent = matches[0];
          if (!parent) {
            if (!final) {
              deferred.push(row);
              continue;
            }
            const cycle = row.ref === row.key || pendingKeys.has(row.ref);
            report.rejected.push({
              line: row.line,
              field: 'parent',
              column: parentSpec?.column ?? null,
              reason: cycle
                ? `parent "${row.ref}" is part of a cycle`
                : `parent "${row.ref}" does not exist`,
            });
            continue;
          }
          input.parentId = parent.id;
        }
        try {
          const written = await upsert(
            inner,
            { ...row, input },
            row.key ? existing.get(row.key)?.[0] : undefined,
            defaults,
            report,
          );
          if (row.key) existing.set(row.key, [written]);
          // Later rows of this batch may name this company as their parent.
          const name = (by === 'externalId' ? written.externalId : written.name) as string | null;
          if (name !== null) parents.set(name, [written]);
        } catch (error) {
          reject(report, row.line, error, columnOf);
        }
      }
      return deferred;
    },
  });
}
