import { type EventMap, type ModuleScope, SellkitError } from '@sellkit/core';
import { inactiveRep, unknownReference } from '../shared/errors.js';
import { teamModels } from '../shared/models.js';
import { type Rep, STRUCTURAL_REP_FIELDS } from './rep-model.js';

/**
 * Loads a rep that is about to be given work (a manager, a territory, a team, records):
 * unknown ids and inactive reps are `VALIDATION_FAILED` naming `path`.
 */
export async function activeRep<E extends EventMap>(
  scope: ModuleScope<E>,
  id: unknown,
  path: string,
): Promise<Rep> {
  const found = await existingRep(scope, id, path);
  if (!found.active) throw inactiveRep(path, found.id);
  return found;
}

/** Loads a rep by id whatever its state; unknown ids are `VALIDATION_FAILED` naming `path`. */
export async function existingRep<E extends EventMap>(
  scope: ModuleScope<E>,
  id: unknown,
  path: string,
): Promise<Rep> {
  if (typeof id !== 'string' || id.length === 0) throw unknownReference(path, 'rep', id);
  // internal: a reference check; the rep named may be outside the actor's reach
  const found = await scope.internal(teamModels(scope).rep).get(id);
  if (!found) throw unknownReference(path, 'rep', id);
  return found;
}

/**
 * A rep may edit their own entry (name, e-mail, skills) but not its place in the organisation:
 * reports-to, seniority, capacity and active need a wider reach than `own` (an admin, or a
 * manager above them).
 */
export async function guardOwnEntry<E extends EventMap>(
  scope: ModuleScope<E>,
  repUserId: string,
  fields: readonly string[],
): Promise<void> {
  if (repUserId !== scope.context.actor.id) return;
  const structural = fields.filter((name) =>
    (STRUCTURAL_REP_FIELDS as readonly string[]).includes(name),
  );
  if (structural.length === 0) return;
  const reach = await scope.reach('update', teamModels(scope).rep);
  if (reach.kind === 'all') return;
  throw new SellkitError(
    'FORBIDDEN',
    `${scope.context.actor.id} may not change their own ${structural.join(', ')}`,
    { model: 'rep', action: 'update', actorId: scope.context.actor.id, fields: structural },
  );
}
