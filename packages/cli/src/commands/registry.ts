import type { CommandGroup, CommandSpec } from './command.js';
import { demoCommand } from './demo.js';
import { importCompaniesCommand, importContactsCommand } from './import-file.js';
import { importMavenCommand } from './import-maven.js';
import { importOrdersCommand } from './import-orders.js';
import { migrateCommand } from './migrate.js';
import { reportCustomersCommand } from './report-customers.js';
import { reportOrdersCommand } from './report-orders.js';
import { reportPipelineCommand } from './report-pipeline.js';
import { reportTeamCommand } from './report-team.js';

/** Every command of `sellkit`, in the order `--help` lists them. */
export const COMMANDS: readonly (CommandSpec | CommandGroup)[] = [
  demoCommand,
  migrateCommand,
  {
    name: 'import',
    summary:
      'Import CSV data: the Maven CRM data set, companies and contacts with a mapping, or historical orders',
    commands: [
      importMavenCommand,
      importCompaniesCommand,
      importContactsCommand,
      importOrdersCommand,
    ],
  },
  {
    name: 'report',
    summary: 'Print the pipeline, customers, orders or team report (tables, text, --json or --csv)',
    commands: [
      reportPipelineCommand,
      reportCustomersCommand,
      reportOrdersCommand,
      reportTeamCommand,
    ],
  },
];
