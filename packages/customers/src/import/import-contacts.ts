import { prepareContactWrite } from '../contacts/contact-input.js';
import { CONTACT_DERIVED_FIELDS } from '../contacts/contact-model.js';
import { createContact, updateContact } from '../contacts/contact-service.js';
import { type CustomersContext, models } from '../shared/context.js';
import { reject } from './import-report.js';
import { keyedImport } from './keyed-import.js';
import {
  checkImportOptions,
  type ImportOptions,
  type ImportSource,
  runImport,
} from './run-import.js';

/**
 * Options of `importContacts`. The mapping may use every contact field and `company`: the
 * column naming the contact's company, matched by external id (default) or by name
 * (`{ column, by: 'name' }`). Companies must exist (import them first). `emails`, `phones`
 * and `tags` split on `;` unless the spec says otherwise.
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
    create: createContact,
    update: updateContact,
    normalize: async (inner, input, existing, issues) =>
      (await prepareContactWrite(inner, input, existing, issues)).data,
  });
  const { columnOf } = keyed;
  return runImport(ctx, source, options, {
    columns: keyed.columns,
    columnOf,
    convert: (values, line) => keyed.convert(values, line),
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
