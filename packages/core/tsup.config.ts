import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base.config.js';

export default defineConfig(
  packageBuild({
    entry: {
      index: 'src/index.ts',
      module: 'src/module.ts',
      driver: 'src/driver.ts',
      'testing/index': 'src/testing/index.ts',
    },
    external: ['vitest'],
  }),
);
