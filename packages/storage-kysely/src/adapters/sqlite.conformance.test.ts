import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStorageConformance } from '@sellkit/core/testing';
import { sqlite } from './adapters.js';

// A real file (WAL journal, busy timeout), as hosts use it.
const directory = mkdtempSync(join(tmpdir(), 'sellkit-sqlite-conformance-'));

runStorageConformance('sqlite', () => sqlite({ file: join(directory, 'conformance.db') }), {
  heavy: true,
  teardown: async (adapter) => {
    await adapter.close();
    rmSync(directory, { recursive: true, force: true });
  },
});
