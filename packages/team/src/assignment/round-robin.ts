import { type EventMap, isSellkitError, type ModuleScope, SellkitError } from '@sellkit/core';
import type { InternalRecords } from '@sellkit/core/module';
import type { Rep } from '../reps/rep-model.js';
import { teamModels } from '../shared/models.js';
import type { RoundRobinCursor, roundRobinCursor } from './assignment-models.js';
import type { Pool } from './pools.js';

/** Why a rep of the pool was passed over. */
export type SkipReason = 'inactive' | 'excluded' | 'atCapacity' | 'notLevel';

/** The outcome of one round-robin turn. */
export interface Turn {
  readonly rep: Rep | null;
  /** True when the rep came from the preferred levels. */
  readonly preferred: boolean;
  readonly skipped: Readonly<Record<SkipReason, number>>;
}

/** Marks a lost race for a turn, so the caller can retry the whole decision. */
export const CURSOR_CONFLICT = 'roundRobinCursor';

/** The pool's reps in turn order: those after the last one served first, then from the top. */
export function rotate(reps: readonly Rep[], lastRepId: string | null): Rep[] {
  if (lastRepId === null) return [...reps];
  const start = reps.findIndex((candidate) => candidate.id > lastRepId);
  if (start <= 0) return [...reps];
  return [...reps.slice(start), ...reps.slice(0, start)];
}

/**
 * Takes the next turn in a pool: the first eligible rep after the one served last, trying the
 * preferred levels first. The cursor is moved in the caller's transaction with an expected
 * version; a concurrent turn makes it `CONFLICT` (details.model `roundRobinCursor`).
 */
export async function takeTurn<E extends EventMap>(
  tx: ModuleScope<E>,
  pool: Pool,
  check: (rep: Rep) => Promise<SkipReason | null>,
  levels: { prefer?: readonly string[]; only?: readonly string[] } = {},
): Promise<Turn> {
  // internal: the cursor is an internal counter every assignment moves, whoever asks
  const cursors = tx.internal(teamModels(tx).roundRobinCursor);
  const skipped: Record<SkipReason, number> = {
    inactive: 0,
    excluded: 0,
    atCapacity: 0,
    notLevel: 0,
  };
  const cursor = pool.fixed
    ? null
    : ((await cursors.find({ where: { poolKey: pool.key }, limit: 1 })).rows[0] ?? null);
  const candidates = levels.only
    ? pool.reps.filter((candidate) => {
        const fits = levels.only?.includes(candidate.seniority) ?? true;
        if (!fits) skipped.notLevel += 1;
        return fits;
      })
    : [...pool.reps];
  const ordered = rotate(candidates, cursor?.lastRepId ?? null);
  const preferred = levels.prefer
    ? ordered.filter((candidate) => levels.prefer?.includes(candidate.seniority))
    : [];
  const tiers = preferred.length > 0 ? [preferred, ordered] : [ordered];
  const verdicts = new Map<string, SkipReason | null>();
  for (const [tier, reps] of tiers.entries()) {
    for (const candidate of reps) {
      if (!verdicts.has(candidate.id)) {
        const verdict = await check(candidate);
        verdicts.set(candidate.id, verdict);
        if (verdict) skipped[verdict] += 1;
      }
      if (verdicts.get(candidate.id) !== null) continue;
      if (!pool.fixed) await moveCursor(cursors, pool.key, cursor, candidate.id);
      return { rep: candidate, preferred: tier === 0 && preferred.length > 0, skipped };
    }
  }
  return { rep: null, preferred: false, skipped };
}

async function moveCursor(
  cursors: InternalRecords<typeof roundRobinCursor>,
  poolKey: string,
  cursor: RoundRobinCursor | null,
  repId: string,
): Promise<void> {
  try {
    if (cursor) {
      // The cursor's version is the expected one: a concurrent turn makes this CONFLICT.
      await cursors.update(
        cursor.id,
        { lastRepId: repId, turns: cursor.turns + 1 },
        { current: cursor },
      );
    } else {
      await cursors.insert([{ poolKey, lastRepId: repId, turns: 1 }]);
    }
  } catch (error) {
    if (isSellkitError(error, 'CONFLICT')) {
      throw new SellkitError(
        'CONFLICT',
        `another assignment took the turn in ${poolKey} at the same time`,
        { model: CURSOR_CONFLICT, poolKey },
        { cause: error },
      );
    }
    throw error;
  }
}
