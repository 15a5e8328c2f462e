import { buildOrdersReport } from '../reports/orders-report.js';
import { reportCommand } from './report-command.js';

/** `sellkit report orders`. */
export const reportOrdersCommand = reportCommand({
  name: 'orders',
  summary: 'Orders: by state, ordered per month and per product',
  description:
    'Counts orders by state and sums what was ordered (confirmed onwards, cancelled left out) per\nmonth of the order date and per product, all computed in the database by the orders module.',
  sections: ['byState', 'byMonth', 'byProduct'],
  build: (scope, input) => buildOrdersReport(scope, input),
});
