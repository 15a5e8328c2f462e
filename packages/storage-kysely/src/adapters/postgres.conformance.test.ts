import { runStorageConformance } from '@sellkit/core/testing';
import { describePostgres, dropSchema, testSchema } from '../testing/index.js';
import { postgres } from './adapters.js';

describePostgres('postgres adapter', (url) => {
  // A schema of its own, so this file can run beside others on the same database.
  const schema = testSchema('sk_conformance');
  runStorageConformance('postgres', () => postgres({ url }, { schema }), {
    heavy: true,
    teardown: async (adapter) => {
      await adapter.close();
      await dropSchema(url, schema);
    },
  });
});
