import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  // The two i18n-iso-countries locale files are JSON: inlined into dist (about 20 KB) rather
  // than imported at run time, where Node needs an import attribute that the build does not
  // keep on external imports (the packed-install test caught a dist that could not load).
  noExternal: [/^i18n-iso-countries\/langs\//],
});
