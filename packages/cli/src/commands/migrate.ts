import { sqlite } from '@sellkit/storage-kysely';
import { EXIT } from '../cli/errors.js';
import { applyMigration, planMigration } from '../db/compose.js';
import { createStorageAdapter, inspectDatabase } from '../db/open-database.js';
import { parseDatabaseTarget } from '../db/target.js';
import type { CommandSpec } from './command.js';
import { DATABASE_OPTIONS, stringOption } from './shared-options.js';

function sqlText(statements: readonly string[]): string {
  return statements.map((statement) => `${statement.trim().replace(/;$/, '')};\n`).join('');
}

/** `sellkit migrate`: create or update every Sellkit table; `--dry-run` prints the SQL. */
export const migrateCommand: CommandSpec = {
  path: ['migrate'],
  summary: 'Create or update the Sellkit tables of a database (--dry-run prints the SQL)',
  description: [
    'Creates missing tables, columns and indexes for every module the CLI uses (catalog, team,',
    'customers, pipeline), and records what it applied in sk_migrations. Running it again applies',
    'nothing. Destructive changes are refused, never applied. A file or schema that holds other',
    'tables but no sk_migrations is not a Sellkit database and is left untouched.',
  ].join('\n'),
  positionals: [],
  options: {
    db: DATABASE_OPTIONS.db,
    schema: DATABASE_OPTIONS.schema,
    'dry-run': {
      type: 'boolean',
      description: 'Print the SQL that would run, change nothing (a missing file is not created).',
    },
    json: { type: 'boolean', description: 'Print { dryRun, statements } as JSON.' },
  },
  examples: [
    'sellkit migrate --db crm.db',
    'sellkit migrate --db postgres://sellkit@localhost:5432/crm --dry-run',
  ],
  async run({ options, io }) {
    const target = parseDatabaseTarget(stringOption(options, 'db'), io.cwd, {
      schema: stringOption(options, 'schema'),
      command: 'migrate',
    });
    const dryRun = options['dry-run'] === true;
    const state = await inspectDatabase(target);
    // A dry run must not create the file: plan against an empty in-memory database instead.
    const storage =
      dryRun && target.kind === 'sqlite' && state === 'missing'
        ? sqlite({ memory: true })
        : createStorageAdapter(target);
    try {
      const report = dryRun ? await planMigration(storage) : await applyMigration(storage);
      if (options.json) {
        io.stdout.write(
          `${JSON.stringify({ database: target.display, dryRun, statements: report.statements }, null, 2)}\n`,
        );
      } else if (dryRun) {
        if (report.statements.length === 0) {
          io.stderr.write(`${target.display} is up to date: nothing to apply\n`);
        } else {
          io.stdout.write(sqlText(report.statements));
          io.stderr.write(
            `${report.statements.length} statement(s) would run on ${target.display} (dry run: nothing changed)\n`,
          );
        }
      } else {
        io.stdout.write(
          report.statements.length === 0
            ? `${target.display} is up to date: nothing to apply\n`
            : `Migrated ${target.display}: ${report.statements.length} statement(s) applied\n`,
        );
      }
      return EXIT.ok;
    } finally {
      await storage.close();
    }
  },
};
