import { buildPipelineReport } from '../reports/pipeline-report.js';
import { reportCommand } from './report-command.js';

/** `sellkit report pipeline`. */
export const reportPipelineCommand = reportCommand({
  name: 'pipeline',
  summary: 'Pipeline: deals per stage, won revenue by territory/product/month, win rates',
  description:
    'Count and amount per stage (with the weighted amount of open stages), won revenue by\nterritory, by product and by close month, and win rate per owner. Aggregates run in the\ndatabase; amounts are exact decimal strings in --json and --csv.',
  sections: ['stages', 'wonByTerritory', 'wonByProduct', 'wonByMonth', 'winRateByOwner'],
  build: (scope, input) => buildPipelineReport(scope, input),
});
