import { isSellkitError } from '@sellkit/core';
import { moduleHandle } from '@sellkit/core/module';
import type { ApprovalLevel } from '../options.js';
import type { OrdersScope } from '../shared/context.js';

/** The part of a rep the approval walk reads. */
interface RepEntry {
  readonly id: string;
  readonly userId: string;
  readonly reportsToId: string | null;
  readonly seniority: string;
  readonly active: boolean;
}

/** The part of the team module's services approval uses (declared here: no dependency on it). */
export interface TeamReps {
  readonly reps: {
    byUserId(userId: string): Promise<RepEntry | null>;
    get(id: string): Promise<RepEntry>;
  };
}

/** The team module, typed with what approval uses. */
const teamReps = moduleHandle<TeamReps>('team');

/** Who must approve, and how they were found (for the explanation). */
export interface ResolvedApprover {
  readonly approverId: string | null;
  readonly note: string;
}

const MAX_DEPTH = 50;

/**
 * Finds the approver of `level` for an order owned by `ownerId` by walking up the team's
 * reports-to tree: `up: n` takes the n-th rep above the owner, `seniority` the first rep above
 * the owner with one of those levels. Without the team module, or when the walk cannot read
 * the tree or ends without a match, nobody is named and an admin or sales manager approves.
 */
export async function resolveApprover(
  scope: OrdersScope,
  ownerId: string | null,
  level: ApprovalLevel,
): Promise<ResolvedApprover> {
  if (!scope.has(teamReps)) return { approverId: null, note: 'the team module is not installed' };
  if (!ownerId) return { approverId: null, note: 'the order has no owner' };
  const { reps } = scope.use(teamReps);
  try {
    let current = await reps.byUserId(ownerId);
    if (!current) return { approverId: null, note: `${ownerId} is not in the team directory` };
    for (let depth = 1; depth <= MAX_DEPTH; depth += 1) {
      if (!current.reportsToId) break;
      current = await reps.get(current.reportsToId);
      const byDepth = level.up !== undefined && depth === level.up;
      const bySeniority = level.seniority?.includes(current.seniority) ?? false;
      if ((byDepth || bySeniority) && current.active) {
        return {
          approverId: current.userId,
          note: `${level.level}: ${current.userId}, ${depth} level(s) above ${ownerId}`,
        };
      }
    }
    return { approverId: null, note: `nobody above ${ownerId} is a ${level.level}` };
  } catch (error) {
    if (isSellkitError(error, 'FORBIDDEN') || isSellkitError(error, 'NOT_FOUND')) {
      return { approverId: null, note: `the reports-to tree could not be read: ${error.message}` };
    }
    throw error;
  }
}
