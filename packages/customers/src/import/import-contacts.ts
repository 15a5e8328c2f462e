import { prepareContactWrite } from '../contacts/contact-input.js';
import { CONTACT_DERIVED_FIELDS } from '../contacts/contact-model.js';
import { createContact, updateContact } from '../contacts/contact-service.js';
import { type CustomersContext, models } from '../shared/context.js';
import { resolveRowCountries } from './import-countries.js';
import { reject } from './import-report.js';
import { keyedImport } from './keyed-import.js';
import {
  checkImportOptions,
  type ImportOptions,
  type ImportSource,
  runImport,
} from './run-import.js';

/**
 * Options of `importContacts`. The mapping may use every contact field, `company` (the column
 * naming the contact's company, matched by external id (default) or by name:
 * `{ column, by: 'name' }`; companies must exist, import them first) and `name`
 * (`{ split: 'Full Name' }` fills first and last name). `emails`, `phones` and `tags` take
 * several columns (`["Phone 1", "Phone 2"]`) and split cells on `;` unless the spec says
 * otherwise; `address` takes parts (`{ city: 'City', country: 'Country' }`).
 */
export type ContactImportOptions = ImportOptions;

/** Imports contacts from CSV, idempotently by external id, like `importCompanies`. */
export async function importContacts(
  ctx: CustomersContext,
  source: ImportSource,
  rawOptions: ContactImportOptions,
) {
  const options = checkImportOptions(rawOptions);
  const keyed = keyedImport(options, {
    model: models(ctx.scope).contact,
    reference: { field: 'company', idField: 'companyId' },
    derivedFields: CONTACT_DERIVED_FIELDS,
    pseudoFields: ['name'],
    create: createContact,
    update: updateContact,
    normalize: async (inner, input, existing, issues) =>
      (await prepareContactWrite(inner, input, existing, issues)).data,
  });
  const { columnOf } = keyed;
  return runImport(ctx, source, options, {
    columns: keyed.columns,
    columnOf,
    convert(values, line, report) {
      const row = keyed.convert(values, line);
      resolveRowCountries(row.input, report);
      return row;
    },
    async write(inner, rows, report) {
      const existing = await keyed.existing(inner, rows);
      const companies = await keyed.references(inner, rows);
      for (const row of rows) {
        const input = { ...row.input };
        if (row.ref !== null) {
          const matches = companies.get(row.ref) ?? [];
          if (matches.length !== 1) {
            keyed.rejectReference(
              report,
              row,
              matches.length === 0
                ? `company "${row.ref}" does not exist`
                : `company "${row.ref}" matches ${matches.length} companies`,
            );
            continue;
          }
          input.companyId = matches[0]?.id;
        }
        try {
          await keyed.upsert(inner, row, input, existing, report);
        } catch (error) {
          reject(report, row.line, error, columnOf);
        }
      }
      return [];
    },
  });
}
