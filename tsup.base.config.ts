import type { Options } from 'tsup';

/**
 * The build every published package shares: ESM for Node 20, with declarations and source maps,
 * a clean `dist/` and `src/index.ts` as the one entry. A package's `tsup.config.ts` passes only
 * what differs (more entries, externals, bundled files).
 */
export function packageBuild(overrides: Options = {}): Options {
  return {
    entry: { index: 'src/index.ts' },
    format: ['esm'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node20',
    ...overrides,
  };
}
