import type { ModuleScope } from '@sellkit/core';
import { codeName } from '../messages/catalogue.js';
import { en } from '../messages/en.js';
import type { CodeList, Messages } from '../messages/messages.js';
import type { CellDisplay, Report } from '../output/report.js';
import { defineTables } from '../output/table.js';
import { interactionsByMonth } from './local-months.js';
import { keyText, ownerNames, territoryNames } from './names.js';

const INTERACTION_TYPES = ['call', 'email', 'meeting', 'visit', 'note'] as const;

/** Shows a column of stored codes in the reader's words (`（无）` for none). */
function coded(list: CodeList): CellDisplay {
  return (value, localisation) =>
    value === '(none)'
      ? localisation.messages.none
      : codeName(list, String(value), localisation.messages);
}

/** How the report's columns look, declared once for all its tables, labelled in a language. */
function tablesFor(messages: Messages) {
  const label = messages.customersReport.columns;
  return defineTables({
    ...Object.fromEntries(Object.entries(label).map(([key, text]) => [key, { label: text }])),
    stage: { label: label.stage, display: coded('lifecycle') },
    industry: { label: label.industry, display: coded('industry') },
    sizeClass: { label: label.sizeClass, display: coded('sizeClass') },
    companies: { kind: 'integer', label: label.companies },
    employees: { kind: 'integer', label: label.employees },
    month: { kind: 'month', label: label.month },
    ...Object.fromEntries(
      INTERACTION_TYPES.map((type) => [type, { kind: 'integer' as const, label: label[type] }]),
    ),
    total: { kind: 'integer', label: label.total },
  });
}

/**
 * The customers report, every figure an aggregate computed by the storage engine: companies
 * by lifecycle stage, industry, size class, country, territory and owner, and interactions per month
 * and type over the last twelve months. Titles and labels come from `options.messages`
 * (English unless told).
 *
 * @example
 * ```ts
 * const report = await buildCustomersReport(scope, { now: new Date(), tenantId: 'acme' });
 * report.sections.map((section) => section.title);
 * ```
 */
export async function buildCustomersReport(
  scope: ModuleScope,
  options: { readonly now: Date; readonly tenantId: string; readonly messages?: Messages },
): Promise<Report> {
  const text = (options.messages ?? en).customersReport;
  const table = tablesFor(options.messages ?? en);
  const company = scope.records(scope.model('company'));
  const contact = scope.records(scope.model('contact'));
  const interaction = scope.records(scope.model('interaction'));
  // Companies counted by one field, largest group first: a two-column table. Ids (territories,
  // reps) are shown by name when `names` is given.
  const companiesBy = async (
    id: string,
    title: string,
    [key, field]: readonly [string, string],
    names?: typeof ownerNames,
  ) => {
    const groups = await company.aggregate({
      groupBy: [field],
      measures: { companies: { fn: 'count' } },
      orderBy: [
        { key: 'companies', direction: 'desc' },
        { key: field, direction: 'asc' },
      ],
    });
    const name = names
      ? await names(
          scope,
          groups.map((row) => String(row[field] ?? '')),
        )
      : new Map<string, string>();
    return table(
      id,
      title,
      [key, 'companies'],
      groups.map((row) => {
        const value = row[field];
        return {
          [key]: keyText(value === null ? null : (name.get(String(value)) ?? value)),
          companies: Number(row.companies),
        };
      }),
    );
  };
  const [companies, contacts, interactions] = await Promise.all([
    company.count(),
    contact.count(),
    interaction.count(),
  ]);
  const lifecycle = await companiesBy('lifecycle', text.sections.lifecycle, [
    'stage',
    'lifecycleStage',
  ]);
  const byIndustry = await company.aggregate({
    groupBy: ['industry'],
    measures: { companies: { fn: 'count' }, employees: { fn: 'sum', field: 'employees' } },
    orderBy: [
      { key: 'companies', direction: 'desc' },
      { key: 'industry', direction: 'asc' },
    ],
  });
  const sizes = await companiesBy('sizes', text.sections.sizes, ['sizeClass', 'sizeClass']);
  // ISO 3166-1 alpha-2 codes, as the customers module stores them.
  const countries = await companiesBy('countries', text.sections.countries, ['country', 'country']);
  const territories = await companiesBy(
    'territories',
    text.sections.territories,
    ['territory', 'territoryId'],
    territoryNames,
  );
  const owners = await companiesBy(
    'owners',
    text.sections.owners,
    ['owner', 'ownerId'],
    ownerNames,
  );
  // The last twelve months of the tenant's calendar, this one included.
  const calendar = await scope.calendar();
  const since = calendar.startOf('month', calendar.shift(options.now, { months: -11 }));
  const monthly = await interactionsByMonth(scope, since);
  const months = new Map<string, Record<string, string | number>>();
  for (let offset = 0; offset < 12; offset++) {
    const month = calendar.periodKey('month', calendar.shift(since, { months: offset }));
    months.set(month, {
      month,
      total: 0,
      ...Object.fromEntries(INTERACTION_TYPES.map((type) => [type, 0])),
    });
  }
  for (const row of monthly) {
    const entry = months.get(String(row.month));
    if (!entry) continue;
    const count = Number(row.interactions);
    entry[String(row.type)] = count;
    entry.total = Number(entry.total) + count;
  }

  const sections = [
    lifecycle,
    table(
      'industries',
      text.sections.industries,
      ['industry', 'companies', 'employees'],
      byIndustry.map((row) => ({
        industry: keyText(row.industry),
        companies: Number(row.companies),
        employees:
          typeof row.employees === 'number' || row.employees === null
            ? (row.employees as number | null)
            : String(row.employees),
      })),
    ),
    sizes,
    countries,
    territories,
    owners,
    table(
      'interactionsByMonth',
      text.sections.interactionsByMonth,
      ['month', ...INTERACTION_TYPES, 'total'],
      [...months.values()],
    ),
  ];
  return {
    id: 'customers',
    title: text.title,
    facts: { tenant: options.tenantId, companies, contacts, interactions },
    factLines: [
      { label: text.facts.tenant, value: options.tenantId },
      { label: text.facts.companies, value: companies, kind: 'integer' },
      { label: text.facts.contacts, value: contacts, kind: 'integer' },
      { label: text.facts.interactions, value: interactions, kind: 'integer' },
    ],
    sections,
  };
}
