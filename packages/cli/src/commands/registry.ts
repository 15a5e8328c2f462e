import type { CommandGroup, CommandSpec } from './command.js';
import { demoCommand } from './demo.js';
import { importCompaniesCommand, importContactsCommand } from './import-file.js';
import { importMavenCommand } from './import-maven.js';
import { migrateCommand } from './migrate.js';
import { reportCustomersCommand } from './report-customers.js';
import { reportPipelineCommand } from './report-pipeline.js';
import { reportTeamCommand } from './report-team.js';

/** Every command of `sellkit`, in the order `--help` lists them. */
export const COMMANDS: readonly (CommandSpec | CommandGroup)[] = [
  demoCommand,
  migrateCommand,
  {
    name: 'import',
    summary: 'Import CSV data: the Maven CRM data set, or companies and contacts with a mapping',
    commands: [importMavenCommand, importCompaniesCommand, importContactsCommand],
  },
  {
    name: 'report',
    summary: 'Print the pipeline or customers report (tables, text, --json or --csv)',
    commands: [reportPipelineCommand, reportCustomersCommand, reportTeamCommand],
  },
];
