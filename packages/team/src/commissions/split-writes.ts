import { type ModuleScope, SellkitError } from '@sellkit/core';
import { notFound } from '@sellkit/core/module';
import type { TeamEvents } from '../events.js';
import { requireId } from '../shared/errors.js';
import { loadAll } from '../shared/load-all.js';
import { teamModels } from '../shared/models.js';
import { type CreditSplit, commissionEntry, creditSplit } from './commission-models.js';
import type { CreditSource } from './credit-source.js';
import { periodOf } from './periods.js';
import { checkSplits, type SplitInput } from './splits.js';
import { closedPeriods } from './statement-loader.js';

/**
 * Replaces the split of one source record, after every check (shares, reps, closed periods),
 * in one transaction: nothing is written when a check fails.
 */
export async function writeSplits(
  scope: ModuleScope<TeamEvents>,
  sources: ReadonlyMap<string, CreditSource>,
  sourceId: string,
  recordId: string,
  input: readonly SplitInput[],
): Promise<CreditSplit[]> {
  const source = sources.get(requireId(sourceId, 'source'));
  if (!source) throw notFound('creditSource', String(sourceId), 'source');
  const id = requireId(recordId, 'recordId');
  const splits = checkSplits(input);
  const model = scope.model(creditSplit.name) as typeof creditSplit;
  return scope.transaction(async (tx) => {
    const { rep } = teamModels(tx);
    // internal: a split may name any rep of the tenant
    const reps = await loadAll(tx.internal(rep), {
      id: { in: splits.map((split) => split.repId) },
    });
    const known = new Set(reps.map((row) => row.id));
    splits.forEach((split, index) => {
      if (!known.has(split.repId))
        throw new SellkitError('VALIDATION_FAILED', `no rep ${split.repId}`, {
          model: 'rep',
          issues: [
            {
              path: `splits.${index}.repId`,
              message: `no rep ${split.repId} exists`,
              reason: 'unknown_reference',
            },
          ],
        });
    });
    const state = (await source.current(tx, [id])).get(id);
    const closed = await closedPeriods(tx);
    const calendar = await tx.calendar();
    if (state?.credit) {
      for (const unit of ['month', 'quarter', 'fiscalQuarter', 'fiscalYear'] as const) {
        const at = periodOf(calendar, unit, state.credit.date);
        if (closed.has(at.key))
          throw new SellkitError(
            'INVALID_STATE',
            `${state.credit.label} is credited in ${at.key}, which is closed`,
            {
              period: at.key,
              source: source.id,
              recordId: id,
            },
          );
      }
    }
    // internal: whether a closed period paid the record is bookkeeping, whoever asks
    const paid = await tx.internal(tx.model(commissionEntry.name) as typeof commissionEntry).find({
      where: { source: source.id, recordId: id },
      limit: 1,
    });
    const paidIn = paid.rows[0]?.periodKey;
    if (paidIn !== undefined)
      throw new SellkitError(
        'INVALID_STATE',
        `the record was paid in ${paidIn}, which is closed: its split is frozen`,
        {
          period: paidIn,
          source: source.id,
          recordId: id,
        },
      );
    const rows = tx.records(model);
    // internal: the old split rows are replaced whole; the deletes below check access
    for (const old of await loadAll(tx.internal(model), { source: source.id, recordId: id }))
      await rows.delete(old.id);
    const created: CreditSplit[] = [];
    for (const split of splits)
      created.push(
        await rows.create({
          source: source.id,
          recordId: id,
          repId: split.repId,
          share: split.share,
        }),
      );
    return created;
  });
}
