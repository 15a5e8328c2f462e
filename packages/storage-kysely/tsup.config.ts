import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base.config.js';

export default defineConfig(
  packageBuild({
    entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' },
    external: [
      'better-sqlite3',
      'libsql',
      'pg',
      '@electric-sql/pglite',
      'kysely',
      '@sellkit/core',
      'vitest',
    ],
  }),
);
