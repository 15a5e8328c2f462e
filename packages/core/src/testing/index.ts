/**
 * Test helpers for storage adapter and module authors: the storage conformance suite
 * (`runStorageConformance`, run inside Vitest) and a controllable test clock.
 *
 * @packageDocumentation
 * @module @sellkit/core/testing
 */
export type { TestClock } from '../context/clock.js';
export { createTestClock } from '../context/clock.js';
export type { AdapterTarget, TargetLifecycle } from './adapter-matrix.js';
export {
  forEachAdapter,
  freshTarget,
  memoryTarget,
  sharedTarget,
  unavailableTarget,
} from './adapter-matrix.js';
export type { ConformanceOptions } from './conformance/context.js';
export { confItem, confLine, confNode, confParent, testModels } from './conformance/models.js';
export { runStorageConformance } from './conformance/run.js';
export { expectSellkitError } from './expect-error.js';
