import { Money, type Where } from '@sellkit/core';
import type { Opportunity } from '../opportunities/opportunity-model.js';
import { pipelineFor } from '../pipelines/pipeline-store.js';
import type { PipelineContext } from '../shared/context.js';

/** Filters shared by the reports. */
export interface ReportFilter {
  /** A pipeline id or key; every pipeline when left out (stage reports: the default). */
  pipeline?: string;
  /**
   * Dates from (inclusive), `YYYY-MM-DD`: close dates (win rates, cycle length, revenue), expected
   * close dates (forecast).
   */
  from?: string;
  /** Dates to (inclusive). */
  to?: string;
}

/**
 * Deals of `statuses` matching a report filter, its date range applied to `dateField`.
 */
export async function reportWhere(
  ctx: PipelineContext,
  filter: ReportFilter,
  statuses: readonly Opportunity['status'][],
  dateField: 'closeDate' | 'expectedCloseDate' = 'closeDate',
): Promise<Where<Opportunity>> {
  const where: Where<Opportunity> = { status: { in: [...statuses] } };
  if (filter.pipeline !== undefined)
    where.pipelineId = (await pipelineFor(ctx, filter.pipeline, 'pipeline')).id;
  if (filter.from !== undefined || filter.to !== undefined) {
    where[dateField] = {
      ...(filter.from === undefined ? {} : { gte: filter.from }),
      ...(filter.to === undefined ? {} : { lte: filter.to }),
    };
  }
  return where;
}

/**
 * A storage aggregate's money measure (a sum over no amount is null).
 */
export function moneyOf(value: unknown): Money | null {
  return Money.isMoney(value) ? value : null;
}

/**
 * A storage aggregate's group key as text, null for a group without one.
 */
export function keyOf(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}
