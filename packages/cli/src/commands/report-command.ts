import type { ModuleScope } from '@sellkit/core';
import { EXIT } from '../cli/errors.js';
import { resolveLocale } from '../cli/locale.js';
import { en } from '../messages/en.js';
import type { Messages } from '../messages/messages.js';
import { createLocalisation } from '../output/localisation.js';
import type { Report } from '../output/report.js';
import { outputFormat, writeReport } from '../output/write-report.js';
import type { CommandSpec } from './command.js';
import { withSession } from './session.js';
import {
  DATABASE_OPTIONS,
  FORMAT_OPTIONS,
  LOCALE_OPTION,
  stringOption,
  TIME_ZONE_OPTION,
} from './shared-options.js';

/** What a report needs besides the scope. */
export interface ReportInput {
  readonly tenantId: string;
  readonly now: Date;
  /** The words of titles and labels: the reader's for tables, English for JSON and CSV. */
  readonly messages: Messages;
  /** The command line's options (a report's own, declared in its `options`). */
  readonly options?: Readonly<Record<string, unknown>>;
}

/**
 * A `sellkit report <name>` command: opens an existing Sellkit database (a missing one is an
 * error, never created), builds the report with aggregates pushed down to the database, and
 * prints it as a table, plain text, JSON or CSV.
 */
export function reportCommand(definition: {
  readonly name: string;
  readonly summary: string;
  readonly description: string;
  readonly sections: readonly string[];
  /** Options of this report besides the shared ones (`--period`). */
  readonly options?: CommandSpec['options'];
  build(scope: ModuleScope, input: ReportInput): Promise<Report>;
}): CommandSpec {
  const command = `report ${definition.name}`;
  return {
    path: ['report', definition.name],
    summary: definition.summary,
    description: `${definition.description}\nSections: ${definition.sections.join(', ')}.`,
    positionals: [],
    options: {
      ...DATABASE_OPTIONS,
      ...FORMAT_OPTIONS,
      ...LOCALE_OPTION,
      ...TIME_ZONE_OPTION,
      section: {
        type: 'string',
        valueName: 'id',
        description: 'Print only this section (with --csv: as a plain table).',
      },
      ...definition.options,
    },
    examples: [
      `sellkit ${command} --db sellkit-demo.db`,
      `sellkit ${command} --db crm.db --json > ${definition.name}.json`,
      `sellkit ${command} --db crm.db --csv --section ${definition.sections[0]}`,
      `sellkit ${command} --db sellkit-demo.db --locale zh-CN`,
    ],
    async run(input) {
      const format = outputFormat(input.options, input.io);
      const section = stringOption(input.options, 'section');
      const locale = resolveLocale(stringOption(input.options, 'locale'), input.io.env, command);
      // Machines get the same document whatever the locale: English titles, raw values.
      const machine = format === 'json' || format === 'csv';
      const { report, localisation } = await withSession(
        input,
        command,
        { require: 'existing', hint: 'run sellkit migrate, sellkit import or sellkit demo first' },
        async ({ admin, tenantId, timeZone }) => {
          // The tenant's zone is settled by the session: --time-zone, else the remembered one.
          const localisation = createLocalisation(locale, { timeZone });
          const messages = machine ? en : localisation.messages;
          const report = await definition.build(admin.scope, {
            tenantId,
            now: new Date(),
            messages,
            options: input.options,
          });
          return { report, localisation };
        },
      );
      writeReport(input.io, report, format, section, localisation);
      return EXIT.ok;
    },
  };
}
