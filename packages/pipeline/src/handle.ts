import { moduleHandle } from '@sellkit/core/module';
import type { PipelineService } from './service.js';

/**
 * The typed handle of the pipeline module, for another module's services or a host tool:
 * `scope.use(pipelineHandle)` is the pipeline's services bound to that scope (joining its
 * transaction); `scope.has(pipelineHandle)` tells whether the module is installed.
 *
 * @example
 * ```ts
 * // `scope`: a module's scope, e.g. `crm.as(ctx).scope`
 * if (scope.has(pipelineHandle)) {
 *   const deals = await scope.use(pipelineHandle).opportunities.find({ limit: 10 });
 * }
 * ```
 */
export const pipelineHandle = moduleHandle<PipelineService>('pipeline');
