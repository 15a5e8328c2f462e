import { EXIT, usageError } from '../cli/errors.js';
import { cliInvocation } from '../cli/io.js';
import { resolveLocale } from '../cli/locale.js';
import { cliContext } from '../db/compose.js';
import { inspectDatabase } from '../db/open-database.js';
import { parseDatabaseTarget } from '../db/target.js';
import { demoProfileFor } from '../generator/demo-profiles.js';
import {
  DEMO_SIZES,
  type DemoProgress,
  type DemoSize,
  type DemoTenantReport,
  generateDemoTenant,
} from '../generator/generate-demo-tenant.js';
import { en } from '../messages/en.js';
import { createLocalisation } from '../output/localisation.js';
import { createProgress } from '../output/progress.js';
import { outputFormat, writeReport } from '../output/write-report.js';
import { buildDemoSummary } from '../reports/demo-summary.js';
import type { CommandSpec } from './command.js';
import { removeSqliteFiles, timeZoneOption, withSession } from './session.js';
import {
  DATABASE_OPTIONS,
  LOCALE_OPTION,
  QUIET_OPTION,
  stringOption,
  TIME_ZONE_OPTION,
} from './shared-options.js';

/** The file `sellkit demo` creates in the working directory. */
export const DEMO_FILE = 'sellkit-demo.db';
/** The seed of `sellkit demo`: the same tenant on every machine (relative to today). */
export const DEMO_SEED = 'sellkit-demo';

const PHASES: Record<DemoProgress['phase'], string> = {
  organisation: 'organisation',
  companies: 'companies',
  orders: 'quotes and orders',
  scoring: 'scoring',
};

function parseSize(value: string | undefined): DemoSize {
  if (value === undefined) return 'demo';
  if (value in DEMO_SIZES) return value as keyof typeof DEMO_SIZES;
  if (/^\d+$/.test(value) && Number(value) >= 1) return Number(value);
  throw usageError(
    `--size must be ${Object.keys(DEMO_SIZES).join(', ')} or a number of companies`,
    'demo',
  );
}

/** `sellkit demo`: build (or reopen) the demo tenant and print its summary. */
export const demoCommand: CommandSpec = {
  path: ['demo'],
  summary: `Build a realistic demo tenant in ./${DEMO_FILE} and print its summary`,
  description: [
    `Creates ${DEMO_FILE} (SQLite) in the current directory, migrates it, and generates a`,
    'reproducible demo tenant from a fixed seed: territories, reps with managers and teams,',
    'companies with contacts, a year of interactions, and opportunities that moved through the',
    'stages with playbook tasks, won and lost. Dates are relative to today. Then it prints the',
    'pipeline by stage, the weighted forecast, top reps by win rate, overdue tasks, upcoming',
    'birthdays and the top-scored open deals with why.',
    '',
    'Re-running it is safe: when the tenant already holds data, nothing is written and only the',
    'summary is printed. --fresh deletes the SQLite file first and builds it again. The tenant',
    'is written in one transaction, so an interrupted run leaves nothing half-built.',
  ].join('\n'),
  positionals: [],
  options: {
    db: {
      type: 'string',
      valueName: 'file|url',
      description: `Where to build it (default ./${DEMO_FILE}); a postgres:// URL works too.`,
    },
    schema: DATABASE_OPTIONS.schema,
    tenant: DATABASE_OPTIONS.tenant,
    seed: { type: 'string', valueName: 'text', description: `Random seed (default ${DEMO_SEED}).` },
    size: {
      type: 'string',
      valueName: 'size',
      description: `${Object.entries(DEMO_SIZES)
        .map(([name, companies]) => `${name} (${companies})`)
        .join(', ')} or a number of companies (default demo).`,
    },
    fresh: {
      type: 'boolean',
      description: 'Delete the SQLite file and build the tenant again.',
    },
    json: { type: 'boolean', description: 'Print the summary as JSON.' },
    ...LOCALE_OPTION,
    ...TIME_ZONE_OPTION,
    ...QUIET_OPTION,
  },
  examples: [
    'sellkit demo',
    'sellkit demo --size small --seed 42 --db /tmp/demo.db',
    'sellkit demo --locale zh-CN --db demo-zh.db',
  ],
  async run(input) {
    const { options, io } = input;
    // Since the process started: what the user waited for, loading included.
    const started = performance.timeOrigin;
    const format = outputFormat(options, io);
    const size = parseSize(stringOption(options, 'size'));
    const seed = stringOption(options, 'seed') ?? DEMO_SEED;
    const locale = resolveLocale(stringOption(options, 'locale'), io.env, 'demo');
    // Checked before anything is written (the session settles the zone itself).
    timeZoneOption(input, 'demo');
    const dbOption = stringOption(options, 'db') ?? DEMO_FILE;
    const target = parseDatabaseTarget(dbOption, io.cwd, {
      schema: stringOption(options, 'schema'),
      command: 'demo',
    });
    if (options.fresh) {
      if (target.kind !== 'sqlite') {
        throw usageError(
          '--fresh deletes a SQLite file; for PostgreSQL use another --tenant',
          'demo',
        );
      }
      // Only ever delete what is a Sellkit database (inspect refuses anything else).
      if ((await inspectDatabase(target)) !== 'missing') removeSqliteFiles(target.file);
    }
    const progress = createProgress(io.stderr, { mode: options.quiet ? 'off' : 'auto' });
    const args = { ...input, options: { ...options, db: dbOption } };
    const now = new Date();
    let built: DemoTenantReport | null = null;
    const { summary, localisation } = await withSession(
      args,
      'demo',
      {},
      async ({ crm, admin, tenantId, timeZone }) => {
        const localisation = createLocalisation(locale, { timeZone });
        const existing = await admin.scope.records(admin.scope.model('rep')).count();
        if (existing === 0) {
          built = await generateDemoTenant(crm, {
            tenantId,
            seed,
            size,
            now,
            locale,
            atomic: true,
            onProgress: (step) => {
              if (step.done === 0) progress.phase(PHASES[step.phase], step.total);
              else progress.update(step.done, step.total);
              if (step.done >= step.total) progress.done();
            },
          });
          progress.done();
        } else {
          io.stderr.write(
            `${target.kind === 'sqlite' ? target.file : target.display} already holds tenant "${tenantId}": showing its summary (use --fresh to rebuild)\n`,
          );
        }
        const summary = await buildDemoSummary(crm.as(cliContext(tenantId)).scope, {
          tenantId,
          now,
          // Machines get the same document whatever the locale.
          messages: format === 'json' ? en : localisation.messages,
        });
        return { summary, localisation };
      },
      // The tenant's zone: --time-zone, else the remembered one, else the demo profile's
      // (Asia/Shanghai for zh-CN), remembered so later commands use it.
      { zone: demoProfileFor(locale).timeZone, remember: true },
    );
    const { format: people, messages } = localisation;
    const elapsed = Date.now() - started;
    const report = built as DemoTenantReport | null;
    if (format === 'json') {
      writeReport(
        io,
        {
          ...summary,
          facts: {
            ...summary.facts,
            database: target.kind === 'sqlite' ? target.file : target.display,
            generated: report !== null,
            rows: report?.rows ?? null,
            elapsedSeconds: Number((elapsed / 1000).toFixed(3)),
          },
        },
        'json',
      );
      return EXIT.ok;
    }
    writeReport(io, summary, format, undefined, localisation);
    const where = target.kind === 'sqlite' ? target.file : target.display;
    const seconds = messages.demo.seconds(people.decimal((elapsed / 1000).toFixed(1)));
    io.stdout.write(
      report
        ? `\n${messages.demo.built({
            where,
            companies: people.integer(report.counts.companies),
            contacts: people.integer(report.counts.contacts),
            interactions: people.integer(report.counts.interactions),
            opportunities: people.integer(report.counts.opportunities),
            rows: people.integer(report.rows),
            seconds,
          })}\n`
        : `\n${messages.demo.shown(where, seconds)}\n`,
    );
    const sellkit = cliInvocation(io);
    io.stdout.write(
      `Try: ${['pipeline', 'customers', 'orders', 'team']
        .map((report) => `${sellkit} report ${report} --db ${dbOption}`)
        .join('   ·   ')}\n`,
    );
    return EXIT.ok;
  },
};
