import { afterAll, beforeAll, describe } from 'vitest';
import { everythingLayout } from '../test-support/models.js';
import { aggregateSuite } from '../test-support/suites/aggregate-suite.js';
import { bulkSuite } from '../test-support/suites/bulk-suite.js';
import type { SuiteContext } from '../test-support/suites/context.js';
import { crudSuite } from '../test-support/suites/crud-suite.js';
import { filterSuite } from '../test-support/suites/filter-suite.js';
import { transactionSuite } from '../test-support/suites/transaction-suite.js';
import { describePostgres, driverTargets, postgresUrl } from '../testing/index.js';
import type { KyselyStorageDriver } from './kysely-driver.js';

for (const target of driverTargets()) {
  describe(`kysely driver on ${target.name}`, () => {
    let driver: KyselyStorageDriver | undefined;
    beforeAll(async () => {
      driver = target.create();
      await driver.setup([everythingLayout]);
    });
    afterAll(async () => {
      await driver?.close();
      await target.release();
    });
    const context: SuiteContext = {
      name: target.engine,
      driver: () => {
        if (!driver) throw new Error('driver not ready');
        return driver;
      },
    };
    crudSuite(context);
    bulkSuite(context);
    filterSuite(context);
    aggregateSuite(context);
    transactionSuite(context);
  });
}

if (!postgresUrl) describePostgres('kysely driver on postgres', () => undefined);
