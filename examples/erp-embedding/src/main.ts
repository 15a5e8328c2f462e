import { run } from './embedding.js';

const report = await run();
console.log(
  'committed: Sellkit company %s and ERP invoice %s',
  report.committed.companyId,
  report.committed.invoiceId,
);
console.log('rows after the commit:', report.afterCommit);
console.log('events heard after the commit:', report.eventsAfterCommit);
console.log('rolled back:', report.rolledBack);
console.log('rows after the rollback:', report.afterRollback);
console.log('events heard after the rollback:', report.eventsAfterRollback);
