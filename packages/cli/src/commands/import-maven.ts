import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { MavenImportProgress, MavenImportReport } from '@sellkit/pipeline';
import { importMavenCrm } from '@sellkit/pipeline';
import type { SalesTeamsImportReport } from '@sellkit/team';
import { EXIT } from '../cli/errors.js';
import { HUMAN_REJECTION_LIMIT, type ImportPart, importReport } from '../output/import-summary.js';
import { createProgress } from '../output/progress.js';
import { outputFormat, writeReport } from '../output/write-report.js';
import { assertReadable, resolvePath } from './check-input.js';
import type { CommandSpec } from './command.js';
import { type MavenQuotasReport, setMavenQuotas } from './maven-quotas.js';
import { withSession } from './session.js';
import { DATABASE_OPTIONS, FORMAT_OPTIONS, QUIET_OPTION } from './shared-options.js';

/** The four files of the Maven CRM data set, in the order they are imported. */
export const MAVEN_FILES = [
  'products.csv',
  'sales_teams.csv',
  'accounts.csv',
  'sales_pipeline.csv',
];

/** Data rows of a CSV (lines after the header), counted without parsing: only for progress. */
async function dataRows(file: string): Promise<number> {
  let lines = 0;
  let last = 10;
  for await (const chunk of createReadStream(file)) {
    const bytes = chunk as Buffer;
    for (let index = 0; index < bytes.length; index++) if (bytes[index] === 10) lines += 1;
    last = bytes.length > 0 ? bytes[bytes.length - 1]! : last;
  }
  if (last !== 10) lines += 1;
  return Math.max(0, lines - 1);
}

function parts(report: MavenImportReport, quotas: MavenQuotasReport | null): ImportPart[] {
  const teams = report.teams as SalesTeamsImportReport | null;
  return [
    {
      name: 'products.csv',
      ...report.products,
      notes: Object.fromEntries(report.aliasesAdded.map((alias) => [`alias ${alias} added`, 1])),
    },
    {
      name: 'sales_teams.csv',
      // Rows are agents; their managers become reps too, so reps outnumber rows.
      total: teams?.rows ?? 0,
      created: teams?.reps.created ?? 0,
      updated: teams?.reps.updated ?? 0,
      unchanged: teams?.reps.unchanged ?? 0,
      rejected: [],
      ...(teams
        ? {
            notes: {
              'teams created': teams.teams.created,
              'territories created': teams.territories.created,
              'territory assignments created': teams.territoryAssignments.created,
            },
          }
        : {}),
    },
    { name: 'accounts.csv', ...report.accounts },
    {
      name: 'sales_pipeline.csv',
      ...report.opportunities,
      notes: {
        'open deals without an account, kept as leads': report.opportunities.leads,
        ...Object.fromEntries(
          Object.entries(report.opportunities.aliased).map(([alias, rows]) => [
            `product "${alias}" resolved through its alias`,
            rows,
          ]),
        ),
        'won deals the win model learned from': report.learned.won,
        'lost deals the win model learned from': report.learned.lost,
        ...(quotas ? { 'quarterly won-revenue quotas written': quotas.written } : {}),
      },
    },
  ];
}

const PHASE_FILE: Record<MavenImportProgress['phase'], string> = {
  products: 'products.csv',
  teams: 'sales_teams.csv',
  accounts: 'accounts.csv',
  opportunities: 'sales_pipeline.csv',
  learning: 'sales_pipeline.csv',
};

/** `sellkit import maven-crm <dir>`. */
export const importMavenCommand: CommandSpec = {
  path: ['import', 'maven-crm'],
  summary: 'Import the Maven CRM data set (products, sales teams, accounts, 8,800 deals)',
  description: [
    `Imports ${MAVEN_FILES.join(', ')} from <dir>: products (GTXPro`,
    'becomes an alias of GTX Pro), reps, managers, teams and regional territories, accounts',
    '(the "technolgy" spelling mapped to technology; subsidiary_of becomes the parent company),',
    'then every deal into the "Maven CRM" pipeline (Prospecting, Engaging, Won, Lost); open deals',
    'without an account are kept as leads. Every row is imported or rejected with its line and',
    'reason. The whole import is one transaction: when it fails, the database is left as it was.',
    'Importing the same files again changes nothing (rows are matched by their keys).',
  ].join('\n'),
  positionals: [
    { name: 'dir', description: `Directory holding ${MAVEN_FILES.join(', ')}.`, required: true },
  ],
  options: { ...DATABASE_OPTIONS, ...FORMAT_OPTIONS, ...QUIET_OPTION },
  examples: ['sellkit import maven-crm examples/data/maven-crm --db crm.db'],
  async run(input) {
    const { options, args, io } = input;
    const format = outputFormat(options, io);
    const dir = resolvePath(io.cwd, args.dir!);
    assertReadable(dir, 'directory');
    for (const file of MAVEN_FILES) assertReadable(join(dir, file), 'file');
    const totals: Record<string, number> = {};
    for (const file of MAVEN_FILES) totals[file] = await dataRows(join(dir, file));
    const progress = createProgress(io.stderr, { mode: options.quiet ? 'off' : 'auto' });
    let current: string | null = null;
    let report: MavenImportReport;
    let quotas: MavenQuotasReport | null = null;
    try {
      report = await withSession(input, 'import maven-crm', {}, ({ admin }) =>
        admin.transaction(async (scope) => {
          const imported = await importMavenCrm(scope, dir, {
            onProgress: ({ phase, rows }) => {
              const file = PHASE_FILE[phase];
              const label = phase === 'learning' ? 'learning from closed deals' : file;
              if (label !== current) {
                progress.phase(label, phase === 'learning' ? rows : totals[file]);
                current = label;
              }
              progress.update(rows);
            },
          });
          // Quarterly won-revenue quotas per agent, so `report team` has real attainment.
          quotas = await setMavenQuotas(scope);
          return imported;
        }),
      );
      progress.done();
    } catch (error) {
      progress.stop();
      throw error;
    }
    const all = parts(report, quotas);
    writeReport(
      io,
      importReport(
        'import-maven-crm',
        `Import of the Maven CRM data set from ${dir}`,
        {
          'rows read': all.reduce((sum, part) => sum + part.total, 0),
          'rows rejected': all.reduce((sum, part) => sum + part.rejected.length, 0),
        },
        all,
        format === 'table' || format === 'plain' ? HUMAN_REJECTION_LIMIT : undefined,
      ),
      format,
    );
    return EXIT.ok;
  },
};
