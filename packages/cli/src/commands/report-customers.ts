import { buildCustomersReport } from '../reports/customers-report.js';
import { reportCommand } from './report-command.js';

/** `sellkit report customers`. */
export const reportCustomersCommand = reportCommand({
  name: 'customers',
  summary:
    'Customers: companies by stage, industry, size, country, territory and owner; interactions',
  description:
    'Counts companies by lifecycle stage, industry, size class, country (ISO code), territory and owner, and\ninteractions per month and type over the last twelve months, all computed in the database.',
  sections: [
    'lifecycle',
    'industries',
    'sizes',
    'countries',
    'territories',
    'owners',
    'interactionsByMonth',
  ],
  build: (scope, input) => buildCustomersReport(scope, input),
});
