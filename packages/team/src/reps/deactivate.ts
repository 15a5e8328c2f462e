import type { ModuleScope } from '@sellkit/core';
import { SellkitError } from '@sellkit/core';
import type { TeamEvents } from '../events.js';
import { teamModels } from '../shared/models.js';
import { guardOwnEntry } from './rep-checks.js';
import type { Rep } from './rep-model.js';

/**
 * Marks a rep inactive inside the caller's transaction and emits `rep.deactivated`. Nothing is
 * deleted: memberships, territory periods, reports and owned history stay as they were.
 */
export async function markInactive(
  tx: ModuleScope<TeamEvents>,
  target: Rep,
  handedOver: number,
): Promise<Rep> {
  if (!target.active) {
    throw new SellkitError('INVALID_STATE', `rep ${target.id} is already inactive`, {
      model: 'rep',
      id: target.id,
    });
  }
  await guardOwnEntry(tx, target.userId, ['active']);
  const updated = await tx
    .records(teamModels(tx).rep)
    .update(target.id, { active: false, deactivatedAt: tx.clock.now() }, { current: target });
  await tx.emit('rep.deactivated', { rep: updated, handedOver });
  return updated;
}
