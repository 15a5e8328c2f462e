import { defineConfig, type Options } from 'tsup';

/**
 * The `sellkit` bin: one self-contained ESM file. Sellkit's own packages are bundled from their
 * sources (the `sellkit-source` condition), so building the bin needs no other package built
 * first; drivers with native parts or their own assets stay external and come from the
 * package's dependencies.
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

export default defineConfig(binOptions);
