import { runStorageConformance } from '@sellkit/core/testing';
import { pglite } from './adapters.js';

runStorageConformance('pglite', () => pglite(), { heavy: true });
