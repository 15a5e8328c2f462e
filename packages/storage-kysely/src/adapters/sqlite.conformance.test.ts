import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStorageConformance } from '@sellkit/core/testing';
import { sqlite } from './adapters.js';
import type { SqliteDriverName } from './sqlite-native.js';

// A real file (WAL journal, busy timeout), as hosts use it, on each native binding.
for (const driver of ['better-sqlite3', 'libsql'] satisfies SqliteDriverName[]) {
  const directory = mkdtempSync(join(tmpdir(), `sellkit-${driver}-conformance-`));
  runStorageConformance(
    driver === 'better-sqlite3' ? 'sqlite' : `sqlite (${driver})`,
    () => sqlite({ file: join(directory, 'conformance.db') }, { driver }),
    {
      heavy: true,
      teardown: async (adapter) => {
        await adapter.close();
        rmSync(directory, { recursive: true, force: true });
      },
    },
  );
}
