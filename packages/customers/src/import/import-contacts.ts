import { issueList } from '@sellkit/core';
import { prepareContactWrite } from '../contacts/contact-input.js';
import type { Contact } from '../contacts/contact-model.js';
import { CONTACT_DERIVED_FIELDS } from '../contacts/contact-model.js';
import { createContact, updateContact } from '../contacts/contact-service.js';
import { type CustomersContext, models } from '../shared/context.js';
import { type ImportReport, reject } from './import-report.js';
import { type ColumnSpec, compileMapping, convertCell } from './mapping.js';
import {
  checkImportOptions,
  type ImportOptions,
  type ImportSource,
  runImport,
} from './run-import.js';
import { sameValue } from './same-value.js';

/**
 * Options of `importContacts`. The mapping may use every contact field and `company`: the
 * column naming the contact's company, matched by external id (default) or by name
 * (`{ column, by: 'name' }`). Companies must exist (import them first). `emails`, `phones`
 * and `tags` split on `;` unless the spec says otherwise.
 */
export type ContactImportOptions = ImportOptions;

async function contactsByKey(
  ctx: CustomersContext,
  keys: readonly string[],
): Promise<Map<string, Contact>> {
  const { contact } = models(ctx.scope);
  const found = new Map<string, Contact>();
  for (let start = 0; start < keys.length; start += 500) {
    const page = await ctx.scope.storage.find(contact, {
      where: { externalId: { in: keys.slice(start, start + 500) } },
      limit: 500,
    });
    for (const row of page.rows) if (row.externalId) found.set(row.externalId, row);
  }
  return found;
}

async function companiesBy(
  ctx: CustomersContext,
  field: 'externalId' | 'name',
  values: readonly string[],
): Promise<Map<string, string[]>> {
  const { company } = models(ctx.scope);
  const unique = [...new Set(values)];
  const found = new Map<string, string[]>();
  for (let start = 0; start < unique.length; start += 500) {
    const page = await ctx.scope.storage.find(company, {
      where: { [field]: { in: unique.slice(start, start + 500) } },
      limit: 10_000,
    });
    for (const row of page.rows) {
      const key = row[field] as string;
      found.set(key, [...(found.get(key) ?? []), row.id]);
    }
  }
  return found;
}

async function upsert(
  ctx: CustomersContext,
  input: Record<string, unknown>,
  existing: Contact | undefined,
  defaults: Readonly<Record<string, unknown>>,
  report: ImportReport,
): Promise<Contact> {
  if (!existing) {
    const created = await createContact(ctx, { ...defaults, ...input });
    report.created += 1;
    return created;
  }
  const issues = issueList();
  const { data } = await prepareContactWrite(ctx, input, existing, issues);
  issues.throwIfAny({ model: 'contact', id: existing.id });
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(input)) {
    if (!sameValue((existing as Record<string, unknown>)[key], data[key])) patch[key] = input[key];
  }
  if (Object.keys(patch).length === 0) {
    report.unchanged += 1;
    return existing;
  }
  const updated = await updateContact(ctx, existing.id, patch);
  report.updated += 1;
  return updated;
}

/** Imports contacts from CSV, idempotently by external id, like `importCompanies`. */
export async function importContacts(
  ctx: CustomersContext,
  source: ImportSource,
  rawOptions: ContactImportOptions,
) {
  const options = checkImportOptions(rawOptions);
  const { contact } = models(ctx.scope);
  const { fields, columns } = compileMapping(
    contact,
    options.mapping,
    ['company'],
    [...CONTACT_DERIVED_FIELDS, 'companyId'],
  );
  const companySpec: ColumnSpec | undefined = fields.find(
    (mapped) => mapped.field === 'company',
  )?.spec;
  const by = companySpec?.by ?? 'externalId';
  const columnOf = Object.fromEntries(
    fields.map((mapped) => [
      mapped.field === 'company' ? 'companyId' : mapped.field,
      mapped.spec.column,
    ]),
  );
  const defaults = options.defaults ?? {};
  return runImport(ctx, source, options, {
    columns,
    columnOf,
    convert(values, line) {
      const input: Record<string, unknown> = {};
      let ref: string | null = null;
      for (const mapped of fields) {
        const value = convertCell(mapped, values, options.valueMaps);
        if (value === undefined) continue;
        if (mapped.field === 'company') ref = String(value);
        else input[mapped.field] = value;
      }
      return {
        line,
        input,
        key: typeof input.externalId === 'string' ? input.externalId : null,
        ref,
      };
    },
    async write(inner, rows, report) {
      const existing = await contactsByKey(
        inner,
        rows.flatMap((row) => (row.key ? [row.key] : [])),
      );
      const companies = await companiesBy(
        inner,
        by,
        rows.flatMap((row) => (row.ref ? [row.ref] : [])),
      );
      for (const row of rows) {
        const input = { ...row.input };
        if (row.ref !== null) {
          const matches = companies.get(row.ref) ?? [];
          if (matches.length !== 1) {
            report.rejected.push({
              line: row.line,
              field: 'company',
              column: companySpec?.column ?? null,
              reason:
                matches.length === 0
                  ? `company "${row.ref}" does not exist`
                  : `company "${row.ref}" matches ${matches.length} companies`,
            });
            continue;
          }
          input.companyId = matches[0];
        }
        try {
          const written = await upsert(
            inner,
            input,
            row.key ? existing.get(row.key) : undefined,
            defaults,
            report,
          );
          if (row.key) existing.set(row.key, written);
        } catch (error) {
          reject(report, row.line, error, columnOf);
        }
      }
      return [];
    },
  });
}
