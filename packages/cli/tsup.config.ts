import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base.config.js';
import { binOptions } from './tsup.bin.config.js';

export default defineConfig([packageBuild({ clean: false }), binOptions]);
