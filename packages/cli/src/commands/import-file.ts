import { basename } from 'node:path';
import { SellkitError } from '@sellkit/core';
import { customersHandle, type ImportMapping, type ImportReport } from '@sellkit/customers';
import { EXIT, usageError } from '../cli/errors.js';
import { HUMAN_REJECTION_LIMIT, importReport } from '../output/import-summary.js';
import { createProgress } from '../output/progress.js';
import { outputFormat, writeReport } from '../output/write-report.js';
import { assertReadable, resolvePath } from './check-input.js';
import type { CommandSpec } from './command.js';
import { readMappingFile } from './import-mapping.js';
import { withSession } from './session.js';
import { DATABASE_OPTIONS, FORMAT_OPTIONS, QUIET_OPTION, stringOption } from './shared-options.js';

type Target = 'companies' | 'contacts';

/** Thrown inside the import transaction to roll it back while keeping the report. */
class StrictImportFailure extends SellkitError {
  constructor(readonly report: ImportReport) {
    super(
      'VALIDATION_FAILED',
      `${report.rejected.length} of ${report.total} rows were rejected; with --strict nothing was imported`,
      { reason: 'rows_rejected' },
    );
  }
}

function importFileCommand(target: Target): CommandSpec {
  const one = target === 'companies' ? 'company' : 'contact';
  return {
    path: ['import', target],
    summary: `Import ${target} from a CSV file with a column mapping (--map mapping.json)`,
    description: [
      `Reads the CSV as a stream and creates or updates ${target} (matched by externalId when the`,
      'mapping has it, so importing the same file twice changes nothing). Bad rows are rejected',
      'with their line number and reason; the rest is imported. The whole import is one',
      'transaction: if it fails (unreadable file, wrong header, database error) nothing is kept.',
      '',
      'The mapping file maps fields to CSV columns, either directly or with valueMaps/defaults:',
      target === 'companies'
        ? '  {"mapping": {"externalId": "account", "name": "account", "industry": "sector",\n   "annualRevenue": {"column": "revenue", "currency": "USD", "multiplier": "1000000"},\n   "parent": {"column": "subsidiary_of"}}, "valueMaps": {"industry": {"technolgy": "technology"}}}'
        : '  {"mapping": {"externalId": "Customer Id", "name": {"split": "Full Name"},\n   "phones": ["Phone 1", "Phone 2"], "emails": "Email", "company": {"column": "Company", "by": "name"},\n   "address": {"city": "City", "country": "Country"},\n   "birthday": {"column": "Birthday", "format": "MM/dd/yyyy"}},\n   "valueMaps": {"country": {"Korea": "KR"}}, "defaultCountry": "US"}',
    ].join('\n'),
    positionals: [{ name: 'csv', description: `The CSV file of ${target}.`, required: true }],
    options: {
      ...DATABASE_OPTIONS,
      map: {
        type: 'string',
        valueName: 'mapping.json',
        description: 'JSON file mapping fields to CSV columns (required).',
      },
      'dry-run': { type: 'boolean', description: 'Validate and count every row, write nothing.' },
      strict: {
        type: 'boolean',
        description: 'Import nothing (exit 1) when any row is rejected.',
      },
      ...FORMAT_OPTIONS,
      ...QUIET_OPTION,
    },
    examples: [`sellkit import ${target} ${target}.csv --map ${one}-mapping.json --db crm.db`],
    async run(input) {
      const { options, args, io } = input;
      const command = `import ${target}`;
      const format = outputFormat(options, io);
      const mapPath = stringOption(options, 'map');
      if (mapPath === undefined) {
        throw usageError('--map <mapping.json> is required', command);
      }
      const csvPath = resolvePath(io.cwd, args.csv!);
      assertReadable(csvPath, 'file');
      const mapping = readMappingFile(resolvePath(io.cwd, mapPath));
      const progress = createProgress(io.stderr, { mode: options.quiet ? 'off' : 'auto' });
      const dryRun = options['dry-run'] === true;
      let report: ImportReport;
      try {
        report = await withSession(input, command, {}, async ({ admin }) =>
          admin.transaction(async (scope) => {
            const customers = scope.use(customersHandle);
            progress.phase(`importing ${target}`, 1);
            const importOptions = {
              // The importer checks the mapping field by field (unknown fields, bad specs).
              mapping: mapping.mapping as ImportMapping,
              ...(mapping.valueMaps ? { valueMaps: mapping.valueMaps } : {}),
              ...(mapping.defaults ? { defaults: mapping.defaults } : {}),
              ...(mapping.defaultCountry ? { defaultCountry: mapping.defaultCountry } : {}),
              dryRun,
              onProgress: (step: { rows: number; bytesRead: number; totalBytes: number | null }) =>
                progress.update(
                  step.bytesRead,
                  step.totalBytes ?? undefined,
                  `${step.rows.toLocaleString('en-US')} rows`,
                ),
            };
            const result =
              target === 'companies'
                ? await customers.importCompanies(csvPath, importOptions)
                : await customers.importContacts(csvPath, importOptions);
            progress.done();
            if (options.strict && result.rejected.length > 0) throw new StrictImportFailure(result);
            return result;
          }),
        );
      } catch (error) {
        progress.stop();
        if (error instanceof StrictImportFailure) {
          writeImportReport(error.report);
        }
        throw error;
      }
      writeImportReport(report);
      return EXIT.ok;

      function writeImportReport(result: ImportReport): void {
        writeReport(
          io,
          importReport(
            command.replace(' ', '-'),
            `${dryRun ? 'Dry run: import' : 'Import'} of ${target} from ${basename(csvPath)}`,
            { file: csvPath, dryRun },
            [{ name: basename(csvPath), ...result }],
            format === 'table' || format === 'plain' ? HUMAN_REJECTION_LIMIT : undefined,
          ),
          format,
        );
      }
    },
  };
}

/** `sellkit import companies <csv> --map <mapping.json>`. */
export const importCompaniesCommand = importFileCommand('companies');
/** `sellkit import contacts <csv> --map <mapping.json>`. */
export const importContactsCommand = importFileCommand('contacts');
