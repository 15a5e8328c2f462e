import { type InferCreate, type InferPatch, isSellkitError, type Money } from '@sellkit/core';
import { type ImportRowsReport, rejectImportRow } from '@sellkit/core/module';
import type {
  Opportunity,
  opportunity as opportunityModel,
} from '../opportunities/opportunity-model.js';
import type { ScorableOpportunity } from '../scoring/facts.js';
import type { Scorer } from '../scoring/scorer.js';
import { type PipelineScope, pipelineModels } from '../shared/context.js';
import type { MavenDeal } from './maven-rows.js';

/** Counts of the deals part of an import. Every row is counted once. */
export interface MavenDealReport extends ImportRowsReport {
  /** Deals kept as leads (open, no account yet). */
  leads: number;
  /** Product spellings resolved through an alias, with their row counts (`{ GTXPro: 1480 }`). */
  readonly aliased: Record<string, number>;
}

const COMPARED = [
  'kind',
  'stage',
  'status',
  'ownerId',
  'territoryId',
  'companyId',
  'primaryProductId',
  'engageDate',
  'closeDate',
  'expectedCloseDate',
] as const;

function sameAmount(a: Money | null, b: unknown): boolean {
  if (a === null || b === null || b === undefined)
    return a === null && (b === null || b === undefined);
  return a.equals(b);
}

function changedFields(existing: Opportunity, deal: MavenDeal): Record<string, unknown> | null {
  const patch: Record<string, unknown> = {};
  for (const name of COMPARED) {
    if ((existing[name] ?? null) !== (deal.data[name] ?? null)) patch[name] = deal.data[name];
  }
  if (!sameAmount(existing.amount, deal.data.amount)) patch.amount = deal.data.amount;
  if (Object.keys(patch).length === 0) return null;
  // A changed deal takes every imported field, so derived ones stay consistent.
  const fields = { ...deal.data };
  delete fields.externalId;
  return fields;
}

/** Records a rejection from a SellkitError (or rethrows anything else). */
export function rejectRow(report: MavenDealReport, line: number, error: unknown): void {
  rejectImportRow(report, line, error);
}

async function writeNew(
  tx: PipelineScope,
  deals: readonly MavenDeal[],
  scorer: Scorer,
  now: Date,
): Promise<{
  created: { deal: MavenDeal; record: Opportunity }[];
  failed: { deal: MavenDeal; error: unknown }[];
}> {
  const { opportunity } = pipelineModels(tx);
  const scores = scorer.scoreMany(
    // A converted row holds every field scoring reads (maven-rows.ts).
    deals.map((deal) => deal.data as ScorableOpportunity),
    now,
  );
  const inputs = deals.map(
    (deal, index) => ({ ...deal.data, ...scores[index] }) as InferCreate<typeof opportunityModel>,
  );
  try {
    const records = await tx.transaction((inner) => inner.records(opportunity).createMany(inputs));
    return {
      created: records.map((record, index) => ({ deal: deals[index] as MavenDeal, record })),
      failed: [],
    };
  } catch (error) {
    if (!isSellkitError(error)) throw error;
  }
  // One bad row spoils a batch insert: insert one by one to find it.
  const created: { deal: MavenDeal; record: Opportunity }[] = [];
  const failed: { deal: MavenDeal; error: unknown }[] = [];
  for (const [index, deal] of deals.entries()) {
    try {
      const record = await tx.transaction((inner) =>
        inner.records(opportunity).create(inputs[index] as InferCreate<typeof opportunityModel>),
      );
      created.push({ deal, record });
    } catch (error) {
      if (!isSellkitError(error)) throw error;
      failed.push({ deal, error });
    }
  }
  return { created, failed };
}

/**
 * Writes one batch of converted deals in one transaction: new ones with one audited
 * `createMany` (falling back to row by row when a row is refused), their product line and
 * first stage entry; known ones (same external id) updated when the file says otherwise.
 */
export async function writeMavenBatch(
  scope: PipelineScope,
  deals: readonly MavenDeal[],
  scorer: Scorer,
  report: MavenDealReport,
): Promise<void> {
  if (deals.length === 0) return;
  const { opportunity, opportunityLine, stageChange } = pipelineModels(scope);
  await scope.transaction(async (tx) => {
    const now = tx.clock.now();
    // internal: the import matches rows to every deal of the tenant by external id
    const found = await tx.internal(opportunity).find({
      where: { externalId: { in: deals.map((deal) => deal.externalId) } },
      limit: 10_000,
    });
    const existing = new Map(found.rows.map((row) => [row.externalId as string, row]));
    const fresh = deals.filter((deal) => !existing.has(deal.externalId));
    const { created, failed } =
      fresh.length > 0 ? await writeNew(tx, fresh, scorer, now) : { created: [], failed: [] };
    for (const { deal, error } of failed) rejectRow(report, deal.line, error);
    if (created.length > 0) {
      // internal: the new deals' product lines and first stage entries (bookkeeping of the deals)
      await tx.internal(opportunityLine).insert(
        created.map(({ deal, record }) => ({
          opportunityId: record.id,
          position: 0,
          productId: deal.item.productId,
          quantity: '1',
          unitPrice: deal.item.unitPrice,
          amount: deal.item.amount,
        })),
      );
      // internal: the new deals' first stage entries, written for whoever owns them
      await tx.internal(stageChange).insert(
        created.map(({ record }) => ({
          opportunityId: record.id,
          pipelineId: record.pipelineId,
          fromStage: null,
          toStage: record.stage,
          changedBy: tx.context.actor.id,
          changedAt: record.stageEnteredAt ?? now,
          ownerId: record.ownerId,
          reason: 'import',
        })),
      );
      for (const { record } of created) {
        await tx.emit('opportunity.created', { opportunity: record, lines: [] });
        if (record.kind === 'lead') report.leads += 1;
      }
      report.created += created.length;
    }
    for (const deal of deals) {
      const known = existing.get(deal.externalId);
      if (!known) continue;
      const patch = changedFields(known, deal);
      if (deal.data.kind === 'lead') report.leads += 1;
      if (patch === null) {
        report.unchanged += 1;
        continue;
      }
      try {
        await tx.transaction(async (inner) => {
          const [score] = scorer.scoreMany([{ ...known, ...patch } as ScorableOpportunity], now);
          await inner
            .records(opportunity)
            .update(known.id, { ...patch, ...score } as InferPatch<typeof opportunityModel>, {
              current: known,
            });
          // internal: the deal's product line, reached through the deal written just above
          const lines = inner.internal(opportunityLine);
          const stored = await lines.find({ where: { opportunityId: known.id }, limit: 1000 });
          for (const line of stored.rows) await lines.delete(line.id, { current: line });
          await lines.insert([
            {
              opportunityId: known.id,
              position: 0,
              productId: deal.item.productId,
              quantity: '1',
              unitPrice: deal.item.unitPrice,
              amount: deal.item.amount,
            },
          ]);
        });
        report.updated += 1;
      } catch (error) {
        rejectRow(report, deal.line, error);
      }
    }
  });
}
