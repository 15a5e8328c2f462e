import { prepareCompanyWrite } from '../companies/company-input.js';
import { COMPANY_DERIVED_FIELDS } from '../companies/company-model.js';
import { createCompany, updateCompany } from '../companies/company-service.js';
import { type CustomersContext, models } from '../shared/context.js';
import { resolveRowCountries } from './import-countries.js';
import { countUnknown, reject } from './import-report.js';
import { keyedImport } from './keyed-import.js';
import {
  checkImportOptions,
  type ImportOptions,
  type ImportSource,
  type PendingRow,
  runImport,
} from './run-import.js';

/**
 * Options of `importCompanies`. The mapping may use every company field (plugin fields
 * included), `parent` (the column naming the parent company, matched by external id
 * (default) or by name: `{ column, by: 'name' }`; parents may appear after their
 * subsidiaries in the file) and `address` (`{ city: 'City', country: 'Country' }`: the
 * headquarters, whose country is the company's unless `country` is mapped).
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
  const keyed = keyedImport(options, {
    model: models(ctx.scope).company,
    reference: { field: 'parent', idField: 'parentId' },
    derivedFields: COMPANY_DERIVED_FIELDS,
    pseudoFields: ['address'],
    pseudoTargets: { address: ['addresses', 'country'] },
    create: createCompany,
    update: updateCompany,
    normalize: prepareCompanyWrite,
  });
  const { by, columnOf } = keyed;
  return runImport(ctx, source, options, {
    columns: keyed.columns,
    columnOf,
    convert(values, line, report) {
      const row = keyed.convert(values, line);
      resolveRowCountries(row.input, report);
      const { address } = row.input as { address?: Record<string, string> };
      if (address !== undefined) {
        // The mapped address is the headquarters; its country is the company's unless mapped.
        delete row.input.address;
        row.input.addresses = [{ kind: 'headquarters', ...address }];
        if (row.input.country === undefined && address.country) row.input.country = address.country;
      }
      if (typeof row.input.industry === 'string') {
        const industry = row.input.industry.trim().toLowerCase();
        if (!ctx.options.industries.has(industry)) countUnknown(report, 'industry', industry);
      }
      return row;
    },
    async write(inner, rows, report, final) {
      const existing = await keyed.existing(inner, rows);
      const parents = await keyed.references(inner, rows);
      const deferred: PendingRow[] = [];
      const pendingKeys = new Set(rows.flatMap((row) => (row.key ? [row.key] : [])));
      for (const row of rows) {
        const input = { ...row.input };
        if (row.ref !== null) {
          const matches = parents.get(row.ref) ?? [];
          if (matches.length > 1) {
            keyed.rejectReference(
              report,
              row,
              `parent "${row.ref}" matches ${matches.length} companies`,
            );
            continue;
          }
          const parent = matches[0];
          if (!parent) {
            if (!final) {
              deferred.push(row);
              continue;
            }
            const cycle = row.ref === row.key || pendingKeys.has(row.ref);
            keyed.rejectReference(
              report,
              row,
              cycle
                ? `parent "${row.ref}" is part of a cycle`
                : `parent "${row.ref}" does not exist`,
            );
            continue;
          }
          input.parentId = parent.id;
        }
        try {
          const written = await keyed.upsert(inner, row, input, existing, report);
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
