import type { ModuleScope } from '@sellkit/core';
import type { Report, ReportSection } from '../output/report.js';
import { keyText, ownerNames, territoryNames } from './names.js';

const INTERACTION_TYPES = ['call', 'email', 'meeting', 'visit', 'note'] as const;

function monthLabel(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/**
 * The customers report, every figure an aggregate computed by the storage engine: companies
 * by lifecycle stage, industry, size class, territory and owner, and interactions per month
 * and type over the last twelve months.
 */
export async function buildCustomersReport(
  scope: ModuleScope,
  options: { readonly now: Date; readonly tenantId: string },
): Promise<Report> {
  const company = scope.records(scope.model('company'));
  const contact = scope.records(scope.model('contact'));
  const interaction = scope.records(scope.model('interaction'));
  const countBy = (field: string) =>
    company.aggregate({
      groupBy: [field],
      measures: { companies: { fn: 'count' } },
      orderBy: [
        { key: 'companies', direction: 'desc' },
        { key: field, direction: 'asc' },
      ],
    });
  const [companies, contacts, interactions] = await Promise.all([
    company.count(),
    contact.count(),
    interaction.count(),
  ]);
  const byLifecycle = await countBy('lifecycleStage');
  const byIndustry = await company.aggregate({
    groupBy: ['industry'],
    measures: { companies: { fn: 'count' }, employees: { fn: 'sum', field: 'employees' } },
    orderBy: [
      { key: 'companies', direction: 'desc' },
      { key: 'industry', direction: 'asc' },
    ],
  });
  const bySize = await countBy('sizeClass');
  const byTerritory = await countBy('territoryId');
  const byOwner = await countBy('ownerId');
  const territoryName = await territoryNames(
    scope,
    byTerritory.map((row) => String(row.territoryId ?? '')),
  );
  const ownerName = await ownerNames(
    scope,
    byOwner.map((row) => String(row.ownerId ?? '')),
  );
  const since = new Date(
    Date.UTC(options.now.getUTCFullYear() - 1, options.now.getUTCMonth() + 1, 1),
  );
  const monthly = await interaction.aggregate({
    where: { occurredAt: { gte: since } },
    groupBy: [{ field: 'occurredAt', bucket: 'month', as: 'month' }, 'type'],
    measures: { interactions: { fn: 'count' } },
    orderBy: [{ key: 'month', direction: 'asc' }],
  });
  const months = new Map<string, Record<string, string | number>>();
  for (let offset = 0; offset < 12; offset++) {
    const month = monthLabel(
      new Date(Date.UTC(since.getUTCFullYear(), since.getUTCMonth() + offset, 1)),
    );
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

  const count = (label: string) => ({ key: 'companies', label, kind: 'integer' as const });
  const sections: ReportSection[] = [
    {
      id: 'lifecycle',
      title: 'Companies by lifecycle stage',
      columns: [{ key: 'stage', label: 'stage' }, count('companies')],
      rows: byLifecycle.map((row) => ({
        stage: keyText(row.lifecycleStage),
        companies: Number(row.companies),
      })),
    },
    {
      id: 'industries',
      title: 'Companies by industry',
      columns: [
        { key: 'industry', label: 'industry' },
        count('companies'),
        { key: 'employees', label: 'employees', kind: 'integer' },
      ],
      rows: byIndustry.map((row) => ({
        industry: keyText(row.industry),
        companies: Number(row.companies),
        employees:
          typeof row.employees === 'number' || row.employees === null
            ? (row.employees as number | null)
            : String(row.employees),
      })),
    },
    {
      id: 'sizes',
      title: 'Companies by size class',
      columns: [{ key: 'sizeClass', label: 'size class' }, count('companies')],
      rows: bySize.map((row) => ({
        sizeClass: keyText(row.sizeClass),
        companies: Number(row.companies),
      })),
    },
    {
      id: 'territories',
      title: 'Companies by territory',
      columns: [{ key: 'territory', label: 'territory' }, count('companies')],
      rows: byTerritory.map((row) => ({
        territory: keyText(
          row.territoryId === null
            ? null
            : (territoryName.get(String(row.territoryId)) ?? row.territoryId),
        ),
        companies: Number(row.companies),
      })),
    },
    {
      id: 'owners',
      title: 'Companies by owner',
      columns: [{ key: 'owner', label: 'owner' }, count('companies')],
      rows: byOwner.map((row) => ({
        owner: keyText(
          row.ownerId === null ? null : (ownerName.get(String(row.ownerId)) ?? row.ownerId),
        ),
        companies: Number(row.companies),
      })),
    },
    {
      id: 'interactionsByMonth',
      title: 'Interactions per month (last 12 months)',
      columns: [
        { key: 'month', label: 'month' },
        ...INTERACTION_TYPES.map((type) => ({
          key: type,
          label: `${type}s`,
          kind: 'integer' as const,
        })),
        { key: 'total', label: 'total', kind: 'integer' },
      ],
      rows: [...months.values()],
    },
  ];
  return {
    id: 'customers',
    title: 'Customers report',
    facts: { tenant: options.tenantId, companies, contacts, interactions },
    sections,
  };
}
