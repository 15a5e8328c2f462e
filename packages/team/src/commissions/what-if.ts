import type { Money } from '@sellkit/core';
import type { CommissionStatement } from './statement-types.js';

/** One rep's earnings under the current plans and under a draft. */
export interface WhatIfRow {
  readonly repId: string;
  readonly repName: string;
  /** The plan the rep is on now (null: none) and what it pays. */
  readonly current: { readonly plan: string | null; readonly total: Money | null };
  /** What the draft pays (or the rep's unchanged plan, when the draft does not cover them). */
  readonly draft: { readonly plan: string | null; readonly total: Money | null };
  /** draft − current, when both are in one currency. */
  readonly difference: Money | null;
  /** The rep's statement under the draft, line by line. */
  readonly statement: CommissionStatement;
}

function label(statement: CommissionStatement | undefined): string | null {
  return statement?.plan ? `${statement.plan.key} v${statement.plan.version}` : null;
}

/**
 * Pairs current and draft statements per rep, keeping the reps the draft's key concerns (on it
 * now or under the draft).
 *
 * @example
 * ```ts
 * const current = await admin.team.commissions.statements('2026-03');
 * const rows = whatIfRows('ae', current, current);
 * rows[0]?.difference?.toString(); // '0.00': the same statements on both sides
 * ```
 */
export function whatIfRows(
  key: string,
  current: readonly CommissionStatement[],
  drafted: readonly CommissionStatement[],
): WhatIfRow[] {
  const now = new Map(current.map((statement) => [statement.repId, statement]));
  const rows: WhatIfRow[] = [];
  for (const statement of drafted) {
    const before = now.get(statement.repId);
    if (statement.plan?.key !== key && before?.plan?.key !== key) continue;
    const a = before?.total ?? null;
    const b = statement.total;
    rows.push({
      repId: statement.repId,
      repName: statement.repName,
      current: { plan: label(before), total: a },
      draft: { plan: label(statement), total: b },
      difference: a && b && a.currency === b.currency ? b.subtract(a) : null,
      statement,
    });
  }
  return rows.sort((x, y) =>
    x.repName === y.repName ? (x.repId < y.repId ? -1 : 1) : x.repName < y.repName ? -1 : 1,
  );
}
