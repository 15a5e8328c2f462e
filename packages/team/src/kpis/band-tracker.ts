import { isSellkitError, type ModuleScope } from '@sellkit/core';
import type { TeamEvents } from '../events.js';
import { loadAll } from '../shared/load-all.js';
import type { KpiEvaluation } from './evaluate-types.js';
import { kpiBand } from './kpi-models.js';

/**
 * Stores each rep's band of an evaluation and emits `kpi.bandChanged` for every rep whose band
 * differs from the last one stored for the KPI and period (a first band is stored silently).
 * Returns how many reps changed band.
 */
export async function trackBands(
  scope: ModuleScope<TeamEvents>,
  evaluation: KpiEvaluation,
): Promise<number> {
  const bands = scope.model(kpiBand.name) as typeof kpiBand;
  try {
    return await storeBands(scope, bands, evaluation);
  } catch (error) {
    // Two evaluations storing the same bands at once: the other one won; the next evaluation
    // compares against what it stored, so no change is lost.
    if (isSellkitError(error, 'CONFLICT')) return 0;
    throw error;
  }
}

async function storeBands(
  scope: ModuleScope<TeamEvents>,
  bands: typeof kpiBand,
  evaluation: KpiEvaluation,
): Promise<number> {
  return scope.transaction(async (tx) => {
    // internal: band bookkeeping follows every full evaluation, whoever runs it
    const rows = tx.internal(bands);
    const stored = new Map(
      (await loadAll(rows, { kpiKey: evaluation.kpi, periodKey: evaluation.periodKey })).map(
        (row) => [row.repId, row],
      ),
    );
    let changed = 0;
    const fresh: {
      kpiKey: string;
      periodKey: string;
      repId: string;
      band: string;
      attainment: string;
    }[] = [];
    for (const rep of evaluation.reps) {
      if (rep.band === null || rep.attainment === null) continue;
      const before = stored.get(rep.subjectId);
      if (!before) {
        fresh.push({
          kpiKey: evaluation.kpi,
          periodKey: evaluation.periodKey,
          repId: rep.subjectId,
          band: rep.band,
          attainment: rep.attainment,
        });
        continue;
      }
      if (before.band === rep.band) continue;
      await rows.update(
        before.id,
        { band: rep.band, attainment: rep.attainment },
        { current: before },
      );
      await tx.emit('kpi.bandChanged', {
        kpi: evaluation.kpi,
        periodKey: evaluation.periodKey,
        repId: rep.subjectId,
        from: before.band,
        to: rep.band,
        attainment: rep.attainment,
      });
      changed += 1;
    }
    if (fresh.length > 0) await rows.insert(fresh);
    return changed;
  });
}
