import type { AdapterTarget } from '@sellkit/core/testing';
import { adapterMatrix } from '@sellkit/storage-kysely/testing';

/** Every adapter the suites run on (run them with `forEachAdapter`). */
export const ADAPTERS: readonly AdapterTarget[] = adapterMatrix(['memory', 'sqlite']);
