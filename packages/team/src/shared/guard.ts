import {
  defineModel,
  type EventMap,
  field,
  isSellkitError,
  type ModuleScope,
  SellkitError,
} from '@sellkit/core';

/**
 * One row per kind of organisational change (`reportsTo`, `territoryTree`, `periods:<repId>`,
 * `members:<teamId>`). Changes that validate against other rows (no cycles, no overlaps, no
 * double membership) first move their row with an expected version, so two concurrent changes
 * cannot both pass their checks on engines that run transactions side by side (PostgreSQL):
 * the second one is `CONFLICT` and can be retried.
 */
export const directoryGuard = defineModel({
  name: 'directoryGuard',
  idPrefix: 'dgd',
  description: 'Serialises concurrent changes to the organisation that need cross-row checks.',
  audited: false,
  fields: {
    key: field.text({ required: true, maxLength: 200, unique: true }),
    revision: field.integer({ required: true, default: 0, min: 0 }),
  },
});

/**
 * Claims the guard row of `key` inside the caller's transaction. Call it before reading what
 * the change will be checked against.
 */
export async function claimGuard<E extends EventMap>(
  tx: ModuleScope<E>,
  key: string,
): Promise<void> {
  // internal: the guard is bookkeeping that every change claims, whoever makes it
  const guards = tx.internal(tx.model(directoryGuard.name) as typeof directoryGuard);
  try {
    const current = (await guards.find({ where: { key }, limit: 1 })).rows[0];
    if (current) {
      // The row's version is the expected one: a concurrent claim makes this CONFLICT.
      await guards.update(current.id, { revision: current.revision + 1 }, { current });
    } else {
      await guards.insert([{ key, revision: 1 }]);
    }
  } catch (error) {
    if (isSellkitError(error, 'CONFLICT')) {
      throw new SellkitError(
        'CONFLICT',
        'the organisation was changed at the same time; reload and try again',
        { model: directoryGuard.name, key },
        { cause: error },
      );
    }
    throw error;
  }
}
