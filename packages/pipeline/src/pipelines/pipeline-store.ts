import { isId, isSellkitError, SellkitError, validationError } from '@sellkit/core';
import type { InternalRecords } from '@sellkit/core/module';
import { type PipelineContext, pipelineModels } from '../shared/context.js';
import type { SalesPipeline, salesPipeline } from './pipeline-model.js';
import type { StageDefinition } from './stage-definition.js';

/** The tenant's pipelines, past access checks. */
export function internalPipelines(ctx: PipelineContext): InternalRecords<typeof salesPipeline> {
  // internal: pipelines are reference data every rep works in (only admins may change them)
  return ctx.scope.internal(pipelineModels(ctx.scope).salesPipeline);
}

/**
 * Makes sure the tenant has the configured pipelines (created on first use, since tenants
 * come and go without a setup step) and returns the default one.
 */
export async function defaultPipeline(ctx: PipelineContext): Promise<SalesPipeline> {
  const { salesPipeline } = pipelineModels(ctx.scope);
  const pipelines = internalPipelines(ctx);
  const found = await pipelines.find({ where: { isDefault: true }, limit: 1 });
  if (found.rows[0]) return found.rows[0];
  const any = await pipelines.count();
  if (any === 0) {
    try {
      // A savepoint, so a concurrent creation leaves the caller's transaction usable.
      await ctx.scope.transaction((tx) =>
        // internal: configured pipelines are seeded on first use, whoever comes first (audited)
        tx.internal(salesPipeline).insert(
          ctx.options.pipelines.map((definition, index) => ({
            key: definition.key,
            name: definition.name,
            stages: [...definition.stages],
            isDefault: index === 0,
          })),
        ),
      );
    } catch (error) {
      // Another process created them first: theirs are the same configuration.
      if (!isSellkitError(error, 'CONFLICT')) throw error;
    }
  }
  const again = await pipelines.find({ where: { isDefault: true }, limit: 1 });
  if (again.rows[0]) return again.rows[0];
  const first = await pipelines.find({
    orderBy: [{ field: 'createdAt', direction: 'asc' }],
    limit: 1,
  });
  if (!first.rows[0]) {
    throw new SellkitError('INVALID_STATE', 'the tenant has no pipeline');
  }
  return first.rows[0];
}

/** A pipeline by id or key, or null. Configured pipelines are created first when needed. */
export async function findPipeline(
  ctx: PipelineContext,
  idOrKey: string,
): Promise<SalesPipeline | null> {
  const { salesPipeline } = pipelineModels(ctx.scope);
  await defaultPipeline(ctx);
  const pipelines = internalPipelines(ctx);
  if (isId(idOrKey, salesPipeline.idPrefix)) return pipelines.get(idOrKey);
  const found = await pipelines.find({ where: { key: idOrKey }, limit: 1 });
  return found.rows[0] ?? null;
}

/**
 * The pipeline an input names (by id or key), or the default when it names none. An unknown
 * one is `VALIDATION_FAILED` at `path`.
 */
export async function pipelineFor(
  ctx: PipelineContext,
  idOrKey: unknown,
  path = 'pipelineId',
): Promise<SalesPipeline> {
  if (idOrKey === undefined || idOrKey === null) return defaultPipeline(ctx);
  if (typeof idOrKey !== 'string' || idOrKey.length === 0 || idOrKey.length > 64) {
    throw validationError(path, 'must be a pipeline id or key', 'invalid_type');
  }
  const found = await findPipeline(ctx, idOrKey);
  if (!found?.active) {
    throw validationError(path, `unknown pipeline ${idOrKey}`, 'unknown_pipeline');
  }
  return found;
}

/** A stage of a pipeline, or `VALIDATION_FAILED` at `path` when it has none by that key. */
export function stageOf(pipeline: SalesPipeline, key: unknown, path = 'stage'): StageDefinition {
  if (typeof key !== 'string') throw validationError(path, 'must be a stage key', 'invalid_type');
  const stage = pipeline.stages.find((item) => item.key === key);
  if (!stage) {
    throw validationError(
      path,
      `pipeline ${pipeline.key} has no stage ${key.slice(0, 64)}`,
      'unknown_stage',
      {
        pipelineId: pipeline.id,
        stages: pipeline.stages.map((item) => item.key),
      },
    );
  }
  return stage;
}

/** The first open stage, where new deals start by default. */
export function firstOpenStage(pipeline: SalesPipeline): StageDefinition {
  const stage = pipeline.stages.find((item) => item.kind === 'open');
  if (!stage) throw new SellkitError('INVALID_STATE', `pipeline ${pipeline.key} has no open stage`);
  return stage;
}

/** The pipeline's won or lost stage. */
export function closingStage(pipeline: SalesPipeline, kind: 'won' | 'lost'): StageDefinition {
  const stage = pipeline.stages.find((item) => item.kind === kind);
  if (!stage)
    throw new SellkitError('INVALID_STATE', `pipeline ${pipeline.key} has no ${kind} stage`);
  return stage;
}

/**
 * `INVALID_TRANSITION` when the stage `from` lists the moves it allows and `to` is not one of
 * them (deal `id`, for the error's details).
 */
export function assertMoveAllowed(from: StageDefinition, to: StageDefinition, id: string): void {
  if (from.allowedMoves === null || from.allowedMoves.includes(to.key)) return;
  throw new SellkitError('INVALID_TRANSITION', `a deal in ${from.name} cannot move to ${to.name}`, {
    model: 'opportunity',
    id,
    from: from.key,
    to: to.key,
    allowed: [...from.allowedMoves],
  });
}
