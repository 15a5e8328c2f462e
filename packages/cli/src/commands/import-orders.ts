import { basename } from 'node:path';
import {
  ORDER_IMPORT_FIELDS,
  type OrderImportField,
  type OrderImportMapping,
  type OrderImportReport,
  ordersHandle,
} from '@sellkit/orders';
import { EXIT, usageError } from '../cli/errors.js';
import { HUMAN_REJECTION_LIMIT, importReport } from '../output/import-summary.js';
import { createProgress } from '../output/progress.js';
import { outputFormat, writeReport } from '../output/write-report.js';
import { assertReadable, resolvePath } from './check-input.js';
import type { CommandSpec } from './command.js';
import { withSession } from './session.js';
import { DATABASE_OPTIONS, FORMAT_OPTIONS, QUIET_OPTION, stringOption } from './shared-options.js';

const COMMAND = 'import orders';

/**
 * Reads `--map "Order No=orderId,Order Date=date,Qty=quantity"`: CSV column = field, pairs
 * separated by commas. An unknown field, a field given twice or a pair without `=` is a usage
 * error naming it.
 *
 * @example
 * ```ts
 * parseOrderMap('Order No=orderId,Order Date=date,Qty=quantity');
 * // { orderId: 'Order No', date: 'Order Date', quantity: 'Qty' }
 * ```
 */
export function parseOrderMap(text: string): OrderImportMapping {
  const mapping: Partial<Record<OrderImportField, string>> = {};
  for (const pair of text.split(',')) {
    if (pair.trim() === '') continue;
    const at = pair.lastIndexOf('=');
    const column = at < 0 ? '' : pair.slice(0, at).trim();
    const field = at < 0 ? '' : pair.slice(at + 1).trim();
    const known = ORDER_IMPORT_FIELDS.find((name) => name === field);
    if (column === '' || known === undefined) {
      throw usageError(
        `--map: "${pair.trim()}" must be column=field, field one of ${ORDER_IMPORT_FIELDS.join(', ')}`,
        COMMAND,
      );
    }
    if (mapping[known] !== undefined) throw usageError(`--map: ${known} is mapped twice`, COMMAND);
    mapping[known] = column;
  }
  return mapping;
}

/** `sellkit import orders <csv> --map column=field,...`. */
export const importOrdersCommand: CommandSpec = {
  path: ['import', 'orders'],
  summary:
    'Import historical orders from a CSV export, one row per order line (--map col=field,...)',
  description: [
    "Groups the rows by the order id column (kept as the order's externalId, so importing the same",
    'file again creates nothing new), matches companies and products by name (or creates them with',
    '--create-missing), reads dates in any of the --date-formats (a value two formats read',
    'differently, such as 03/04/2017, is rejected, never guessed) and keeps unit prices exact.',
    'An order with a bad row is rejected whole, every row counted. One transaction: --dry-run',
    'checks and counts everything and writes nothing.',
    '',
    `Fields: ${ORDER_IMPORT_FIELDS.join(', ')} (orderId, date and quantity required).`,
  ].join('\n'),
  positionals: [{ name: 'csv', description: 'The CSV file of order lines.', required: true }],
  options: {
    ...DATABASE_OPTIONS,
    map: {
      type: 'string',
      valueName: 'col=field,...',
      description: 'CSV column = field pairs, comma-separated (required).',
    },
    'date-formats': {
      type: 'string',
      valueName: 'layouts',
      description: 'Date layouts the date column may mix, comma-separated (default yyyy-MM-dd).',
    },
    currency: {
      type: 'string',
      valueName: 'code',
      description: 'The currency of orders when the file has no currency column.',
    },
    'create-missing': {
      type: 'boolean',
      description: 'Create the companies and products the file names but the database lacks.',
    },
    'dry-run': { type: 'boolean', description: 'Validate and count every row, write nothing.' },
    ...FORMAT_OPTIONS,
    ...QUIET_OPTION,
  },
  examples: [
    'sellkit import orders orders.csv --map "Order No=orderId,Order Date=date,Customer=company,Item=product,Qty=quantity,Unit Price=unitPrice" --date-formats yyyy-MM-dd,dd/MM/yyyy,MM/dd/yyyy --db crm.db',
  ],
  async run(input) {
    const { options, args, io } = input;
    const format = outputFormat(options, io);
    const mapText = stringOption(options, 'map');
    if (mapText === undefined) throw usageError('--map <col=field,...> is required', COMMAND);
    const mapping = parseOrderMap(mapText);
    const layouts = stringOption(options, 'date-formats')
      ?.split(',')
      .map((layout) => layout.trim())
      .filter(Boolean);
    const currency = stringOption(options, 'currency')?.toUpperCase();
    const csvPath = resolvePath(io.cwd, args.csv!);
    assertReadable(csvPath, 'file');
    const progress = createProgress(io.stderr, { mode: options.quiet ? 'off' : 'auto' });
    const dryRun = options['dry-run'] === true;
    let report: OrderImportReport;
    try {
      report = await withSession(input, COMMAND, {}, async ({ admin }) => {
        progress.phase('importing orders', 1);
        const result = await admin.scope.use(ordersHandle).importOrders(csvPath, {
          mapping,
          ...(layouts && layouts.length > 0 ? { dateLayouts: layouts } : {}),
          ...(currency ? { currency } : {}),
          createMissing: options['create-missing'] === true,
          dryRun,
          onProgress: (step) =>
            progress.update(
              step.bytesRead,
              step.totalBytes ?? undefined,
              `${step.rows.toLocaleString('en-US')} rows`,
            ),
        });
        progress.done();
        return result;
      });
    } catch (error) {
      progress.stop();
      throw error;
    }
    writeReport(
      io,
      importReport(
        'import-orders',
        `${dryRun ? 'Dry run: import' : 'Import'} of orders from ${basename(csvPath)}`,
        { file: csvPath, dryRun },
        [
          {
            name: basename(csvPath),
            ...report,
            notes: {
              'orders created': report.orders.created,
              'orders already imported': report.orders.unchanged,
              'orders rejected': report.orders.rejected,
              'companies created': report.createdCompanies,
              'products created': report.createdProducts,
            },
          },
        ],
        format === 'table' || format === 'plain' ? HUMAN_REJECTION_LIMIT : undefined,
      ),
      format,
    );
    return EXIT.ok;
  },
};
