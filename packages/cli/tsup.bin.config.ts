import { defineConfig, type Options } from 'tsup';

/**
 * The published `sellkit` bin: one ESM file of the CLI's own code that imports its dependencies
 * (`@sellkit/*`, drivers, zod) from `node_modules`, the way every other package does. A host
 * that installs the CLI beside the SDK then has one copy of each package (the bin used to bundle
 * them all and list them as dependencies too: everything twice, 7 MB), a fix in
 * `@sellkit/core` reaches the CLI without a new CLI release, and native or optional drivers
 * (better-sqlite3, libsql, pg) resolve as they do for the host. tsup leaves every
 * `dependencies`/`optionalDependencies` entry external by default.
 */
export const binOptions: Options = {
  entry: { bin: 'src/bin.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  dts: false,
  clean: false,
  sourcemap: true,
  splitting: false,
  // The CLI itself comes from dist/index.js through the package's self-reference.
  external: ['@sellkit/cli'],
  banner: { js: '#!/usr/bin/env node' },
};

/**
 * The bin the CLI's end-to-end tests run: the same entry, with Sellkit's packages bundled from
 * their sources (the `sellkit-source` condition), so `pnpm test` needs no package built first.
 * Drivers with native parts or assets of their own stay external. Written to `.test-bin/`,
 * never published.
 */
export const testBinOptions: Options = {
  ...binOptions,
  outDir: '.test-bin',
  sourcemap: false,
  external: [],
  noExternal: [
    /^(?!(better-sqlite3|libsql|@libsql\/[^/]+|pg|pg-native|pg-cloudflare|@electric-sql\/pglite)(\/|$))/,
  ],
  esbuildOptions(options) {
    options.conditions = ['sellkit-source', 'import', 'node', 'default'];
  },
  banner: {
    js: [
      '#!/usr/bin/env node',
      "import { createRequire as __sellkitCreateRequire } from 'node:module';",
      'const require = __sellkitCreateRequire(import.meta.url);',
    ].join('\n'),
  },
};

export default defineConfig(process.env.SELLKIT_TEST_BIN === '1' ? testBinOptions : binOptions);
