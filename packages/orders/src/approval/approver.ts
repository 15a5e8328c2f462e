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

/** The team module (declared here: orders does not depend on it); only its presence is used. */
const teamModule = moduleHandle<unknown>('team');

function asRep(row: Readonly<Record<string, unknown>> | null): RepEntry | null {
  if (!row) return null;
  return {
    id: String(row.id),
    userId: String(row.userId),
    reportsToId: typeof row.reportsToId === 'string' ? row.reportsToId : null,
    seniority: String(row.seniority),
    active: row.active === true,
  };
}

/** Who must approve, and how they were found (for the explanation). */
export interface ResolvedApprover {
  readonly approverId: string | null;
  readonly note: string;
}

const MAX_DEPTH = 50;

/**
 * Finds the approver of `level` for an order owned by `ownerId` by walking up the team's
 * reports-to tree: `up: n` takes the n-th rep above the owner, `seniority` the first rep above
 * the owner with one of those levels. The walk reads the directory whatever the submitter may
 * see (a rep who cannot read their manager's entry still gets their manager as approver).
 * Without the team module, or when the walk ends without a match, nobody is named and an admin
 * or sales manager approves.
 */
export async function resolveApprover(
  scope: OrdersScope,
  ownerId: string | null,
  level: ApprovalLevel,
): Promise<ResolvedApprover> {
  if (!scope.has(teamModule)) return { approverId: null, note: 'the team module is not installed' };
  if (!ownerId) return { approverId: null, note: 'the order has no owner' };
  // internal: approval routing follows the reports-to tree whatever the submitter may read;
  // only the approver's user id leaves this function.
  const reps = scope.internal(scope.model('rep'));
  const [owner] = (await reps.find({ where: { userId: ownerId }, limit: 1 })).rows;
  let current = asRep(owner ?? null);
  if (!current) return { approverId: null, note: `${ownerId} is not in the team directory` };
  const seen = new Set([current.id]);
  for (let depth = 1; depth <= MAX_DEPTH; depth += 1) {
    if (!current.reportsToId || seen.has(current.reportsToId)) break;
    seen.add(current.reportsToId);
    const next = asRep(await reps.get(current.reportsToId));
    if (!next) break;
    current = next;
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
}
