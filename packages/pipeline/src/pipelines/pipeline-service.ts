import { SellkitError } from '@sellkit/core';
import { notFound } from '@sellkit/core/module';
import { type PipelineContext, pipelineModels } from '../shared/context.js';
import { definePipeline } from './define-pipeline.js';
import type { SalesPipeline } from './pipeline-model.js';
import { defaultPipeline, findPipeline, internalPipelines } from './pipeline-store.js';
import type { PipelineInput, StageInput } from './stage-definition.js';

/**
 * A tenant's pipelines. Every actor may read them; creating and changing them is for admins
 * (or roles granted `salesPipeline`).
 */
export interface PipelineDefinitionService {
  /**
   * Creates a pipeline (validated like `definePipeline`).
   *
   * @example
   * ```ts
   * await admin.pipeline.pipelines.create({
   *   key: 'renewals',
   *   name: 'Renewals',
   *   stages: [
   *     { key: 'due', probability: 60 },
   *     { key: 'renewed', kind: 'won', probability: 100 },
   *     { key: 'churned', kind: 'lost', probability: 0 },
   *   ],
   * });
   * ```
   */
  create(input: PipelineInput, options?: { isDefault?: boolean }): Promise<SalesPipeline>;
  /** By id or key; `NOT_FOUND` when unknown. */
  get(idOrKey: string): Promise<SalesPipeline>;
  /** Every pipeline of the tenant, default first. */
  list(): Promise<SalesPipeline[]>;
  /** The default pipeline (new deals go there unless told otherwise). */
  getDefault(): Promise<SalesPipeline>;
  setDefault(idOrKey: string): Promise<SalesPipeline>;
  /**
   * Renames a pipeline or replaces its stages. A stage that open or closed deals still sit in
   * cannot be removed (`CONFLICT`).
   */
  update(
    idOrKey: string,
    changes: { name?: string; stages?: readonly StageInput[] },
  ): Promise<SalesPipeline>;
}

async function required(ctx: PipelineContext, idOrKey: string): Promise<SalesPipeline> {
  if (typeof idOrKey !== 'string') throw notFound('salesPipeline', String(idOrKey));
  const found = await findPipeline(ctx, idOrKey);
  if (!found) throw notFound('salesPipeline', idOrKey);
  return found;
}

/** Creates the pipeline-definition service of one context. */
export function createPipelineDefinitionService(ctx: PipelineContext): PipelineDefinitionService {
  const { scope } = ctx;
  return {
    async create(input, options = {}) {
      const definition = definePipeline(input);
      return scope.transaction(async (tx) => {
        await defaultPipeline({ ...ctx, scope: tx });
        const { salesPipeline } = pipelineModels(tx);
        const pipelines = internalPipelines({ ...ctx, scope: tx });
        // A uniqueness check over every pipeline of the tenant.
        const taken = await pipelines.count({ key: definition.key });
        if (taken > 0) {
          throw new SellkitError('CONFLICT', `a pipeline with key ${definition.key} exists`, {
            model: 'salesPipeline',
            field: 'key',
          });
        }
        if (options.isDefault) {
          const current = await pipelines.find({ where: { isDefault: true } });
          for (const row of current.rows) {
            await tx.records(salesPipeline).update(row.id, { isDefault: false }, { current: row });
          }
        }
        return tx.records(salesPipeline).create({
          key: definition.key,
          name: definition.name,
          stages: [...definition.stages],
          isDefault: options.isDefault === true,
        });
      });
    },
    get: (idOrKey) => required(ctx, idOrKey),
    async list() {
      await defaultPipeline(ctx);
      const page = await internalPipelines(ctx).find({
        orderBy: [
          { field: 'isDefault', direction: 'desc' },
          { field: 'key', direction: 'asc' },
        ],
        limit: 1000,
      });
      return page.rows;
    },
    getDefault: () => defaultPipeline(ctx),
    async setDefault(idOrKey) {
      return scope.transaction(async (tx) => {
        const inner = { ...ctx, scope: tx };
        const target = await required(inner, idOrKey);
        const { salesPipeline } = pipelineModels(tx);
        await tx.assertCan('update', salesPipeline, target);
        const current = await internalPipelines(inner).find({ where: { isDefault: true } });
        for (const row of current.rows) {
          if (row.id !== target.id)
            await tx.records(salesPipeline).update(row.id, { isDefault: false }, { current: row });
        }
        return tx
          .records(salesPipeline)
          .update(target.id, { isDefault: true }, { current: target });
      });
    },
    async update(idOrKey, changes) {
      return scope.transaction(async (tx) => {
        const inner = { ...ctx, scope: tx };
        const target = await required(inner, idOrKey);
        const { salesPipeline, opportunity } = pipelineModels(tx);
        await tx.assertCan('update', salesPipeline, target);
        const definition = definePipeline({
          key: target.key,
          name: changes.name ?? target.name,
          stages: changes.stages ?? target.stages,
        });
        const kept = new Set(definition.stages.map((stage) => stage.key));
        for (const stage of target.stages) {
          if (kept.has(stage.key)) continue;
          // internal: an integrity check over every deal of the tenant, not just the actor's
          const used = await tx.internal(opportunity).count({
            pipelineId: target.id,
            stage: stage.key,
          });
          if (used > 0) {
            throw new SellkitError(
              'CONFLICT',
              `stage ${stage.key} still holds ${used} deal(s): move them before removing it`,
              { model: 'salesPipeline', id: target.id, stage: stage.key, deals: used },
            );
          }
        }
        return tx
          .records(salesPipeline)
          .update(
            target.id,
            { name: definition.name, stages: [...definition.stages] },
            { current: target },
          );
      });
    },
  };
}
