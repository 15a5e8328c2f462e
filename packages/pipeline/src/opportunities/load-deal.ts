import { SellkitError } from '@sellkit/core';
import type { SalesPipeline } from '../pipelines/pipeline-model.js';
import { type PipelineScope, pipelineModels } from '../shared/context.js';
import type { Opportunity } from './opportunity-model.js';

/**
 * Reads a deal the actor may change, and its pipeline: `NOT_FOUND` when missing, `FORBIDDEN`
 * when out of the actor's reach.
 */
export async function loadForUpdate(
  tx: PipelineScope,
  id: string,
): Promise<{ before: Opportunity; pipeline: SalesPipeline }> {
  const { opportunity, salesPipeline } = pipelineModels(tx);
  const before = await tx.records(opportunity).get(id);
  await tx.assertCan('update', opportunity, before);
  // internal: pipelines are reference data every rep works in (only admins may edit them)
  const pipeline = await tx.internal(salesPipeline).get(before.pipelineId);
  if (!pipeline) {
    throw new SellkitError('INVALID_STATE', `pipeline ${before.pipelineId} of ${id} is gone`, {
      model: 'opportunity',
      id,
    });
  }
  return { before, pipeline };
}
