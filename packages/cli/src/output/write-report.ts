import { usageError } from '../cli/errors.js';
import { type CliIo, useColor } from '../cli/io.js';
import { ENGLISH, type Localisation } from './localisation.js';
import { renderReportCsv, renderReportJson } from './render-machine.js';
import { createStyle, renderReportText } from './render-text.js';
import type { OutputFormat, Report } from './report.js';

/**
 * Picks the output format from `--json` / `--csv` and whether stdout is a terminal:
 * boxed tables for a person, aligned plain text for a pipe.
 *
 * @example
 * ```ts
 * const io = processIo();
 * outputFormat({ json: true }, io); // 'json'
 * outputFormat({}, io); // 'table' on a terminal, 'plain' in a pipe
 * ```
 */
export function outputFormat(
  options: Readonly<Record<string, string | boolean | undefined>>,
  io: CliIo,
): OutputFormat {
  if (options.json && options.csv) throw usageError('choose one of --json and --csv');
  if (options.json) return 'json';
  if (options.csv) return 'csv';
  return io.stdout.isTTY ? 'table' : 'plain';
}

/**
 * Writes a report to stdout in the chosen format (data only: progress goes to stderr). Tables
 * for people are formatted for `localisation` (en-US unless told); JSON and CSV never are.
 *
 * @example
 * ```ts
 * const io = processIo();
 * const report = await buildPipelineReport(scope, { tenantId: 'acme' });
 * writeReport(io, report, outputFormat({ csv: true }, io));
 * ```
 */
export function writeReport(
  io: CliIo,
  report: Report,
  format: OutputFormat,
  sectionId?: string,
  localisation: Localisation = ENGLISH,
): void {
  switch (format) {
    case 'json':
      io.stdout.write(renderReportJson(report, sectionId));
      return;
    case 'csv':
      io.stdout.write(renderReportCsv(report, sectionId));
      return;
    default: {
      const picked =
        sectionId === undefined
          ? report
          : {
              ...report,
              sections: report.sections.filter((section) => section.id === sectionId),
            };
      if (sectionId !== undefined && picked.sections.length === 0) {
        renderReportJson(report, sectionId); // throws the usage error naming the sections
      }
      io.stdout.write(
        renderReportText(
          picked,
          format === 'table',
          createStyle(useColor(io, io.stdout)),
          io.stdout.columns ?? 120,
          localisation,
        ),
      );
    }
  }
}
