import { defineConfig } from 'tsup';
import { binOptions } from './tsup.bin.config.js';

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm'],
    dts: true,
    clean: false,
    sourcemap: true,
    target: 'node20',
  },
  binOptions,
]);
