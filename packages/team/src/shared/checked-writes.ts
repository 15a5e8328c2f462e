import type {
  AnyModel,
  EventMap,
  InferCreate,
  InferPatch,
  InferRecord,
  ModuleScope,
  WriteOptions,
} from '@sellkit/core';
import { notFound, requireObject } from '@sellkit/core/module';

/** What {@link checkedWrites} needs to know about a model's writes. */
export interface WriteChecks<E extends EventMap> {
  /** How the input is named when it is not an object (`'a sales team'`). */
  readonly what: string;
  /** Synchronous checks of a create's input, before any transaction opens. */
  readonly checkCreate?: (data: Record<string, unknown>) => void;
  /**
   * Checks the references of the data against other records, in the write's transaction;
   * `id` is null on create.
   */
  check(tx: ModuleScope<E>, id: string | null, data: Record<string, unknown>): Promise<void>;
}

/** Create and update of one model, each checked in its own transaction. */
export interface CheckedWrites<M extends AnyModel> {
  /** Checks the input and creates the record; the id is assigned by storage. */
  create(input: unknown): Promise<InferRecord<M>>;
  /** `NOT_FOUND` (naming `id`) when the record does not exist; otherwise checks and updates. */
  update(id: string, patch: unknown, writeOptions?: WriteOptions): Promise<InferRecord<M>>;
}

/**
 * Create and update for a directory model whose writes must agree with other records (a
 * team's manager, a territory's parent): input that is not an object is `VALIDATION_FAILED`,
 * and the checks run in the same transaction as the write, so nothing is written when they
 * fail. Access and audit stay with the kernel's record service.
 *
 * @example
 * ```ts
 * import { salesTeam } from '@sellkit/team';
 * const teams = checkedWrites(scope, salesTeam, {
 *   what: 'a sales team',
 *   check: async (tx, _id, data) => {
 *     if (typeof data.managerRepId === 'string') await tx.records(rep).get(data.managerRepId);
 *   },
 * });
 * const west = await teams.create({ name: 'West inside sales' });
 * ```
 */
export function checkedWrites<M extends AnyModel, E extends EventMap>(
  scope: ModuleScope<E>,
  model: M,
  checks: WriteChecks<E>,
): CheckedWrites<M> {
  return {
    async create(input) {
      const data = requireObject(input, checks.what, model.name);
      checks.checkCreate?.(data);
      return scope.transaction(async (tx) => {
        await checks.check(tx, null, data);
        return tx.records(model).create(data as InferCreate<M>);
      });
    },
    async update(id, patch, writeOptions) {
      const data = requireObject(patch, 'a patch', model.name);
      return scope.transaction(async (tx) => {
        // internal: "does this id exist" before the checks; the update below checks access
        const current = await tx.internal(model).get(id);
        if (!current) throw notFound(model.name, id, 'id');
        await checks.check(tx, id, data);
        return tx.records(model).update(id, data as InferPatch<M>, { ...writeOptions, current });
      });
    },
  };
}
