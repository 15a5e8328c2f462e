import type { KyselyStorageDriver } from '../../driver/kysely-driver.js';

/** What a driver suite gets: the driver under test (set up with the `everything` table). */
export interface SuiteContext {
  readonly name: 'sqlite' | 'pglite' | 'postgres';
  driver(): KyselyStorageDriver;
}
