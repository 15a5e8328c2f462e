import type { Clock } from '../../context/clock.js';
import { SellkitError } from '../../errors/sellkit-error.js';
import type { AnyModel, InferRecord } from '../../model/define-model.js';
import type { DriverSession, FlatRow } from '../driver.js';
import { unflatten } from '../flatten.js';
import type { ModelInfo } from '../model-info.js';
import type { Registry } from '../references.js';
import { isPlainObject } from '../write-checks.js';

/** What every tenant storage of one adapter shares. */
export interface StorageState {
  readonly registry: Registry;
  readonly insertChunkSize: number;
}

/** What one tenant storage's operations run with: one driver session, one tenant, one clock. */
export interface TenantContext {
  readonly state: StorageState;
  readonly session: DriverSession;
  readonly tenantId: string;
  readonly clock: Clock;
}

export type Loose = Record<string, unknown>;

/** The set-up model behind `model`; `CONFIGURATION_INVALID` when it was not passed to setup(). */
export function resolve(state: StorageState, model: unknown): ModelInfo {
  const name =
    isPlainObject(model) || (typeof model === 'object' && model !== null)
      ? (model as { name?: unknown }).name
      : undefined;
  const info = typeof name === 'string' ? state.registry.get(name) : undefined;
  if (!info) {
    throw new SellkitError(
      'CONFIGURATION_INVALID',
      `model ${typeof name === 'string' ? name : '(not a model)'} is not set up in storage; pass it to setup() first`,
      typeof name === 'string' ? { model: name } : {},
    );
  }
  return info;
}

/** A driver row as the record of model `M`. */
export function toRecord<M extends AnyModel>(info: ModelInfo, row: FlatRow): InferRecord<M> {
  return unflatten(info, row) as InferRecord<M>;
}
