import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base.config.js';

export default defineConfig(
  packageBuild({
    // The two i18n-iso-countries locale files are JSON: inlined into dist (about 20 KB) rather
    // than imported at run time, where Node needs an import attribute that the build does not
    // keep on external imports (the packed-install test caught a dist that could not load).
    noExternal: [/^i18n-iso-countries\/langs\//],
  }),
);
