import { catalogHandle } from '@sellkit/catalog';
import { type AnyModel, isSellkitError, Money, SellkitError } from '@sellkit/core';
import { type IssueList, isPlainObject } from '@sellkit/core/module';
import type { SalesPipeline } from '../pipelines/pipeline-model.js';
import { firstOpenStage, pipelineFor, stageOf } from '../pipelines/pipeline-store.js';
import type { StageDefinition } from '../pipelines/stage-definition.js';
import type { PipelineContext } from '../shared/context.js';
import { type LineInput, type PreparedLine, prepareLines, readLines } from './lines.js';
import { DERIVED_OPPORTUNITY_FIELDS, type Opportunity } from './opportunity-model.js';

/** What creating a lead or opportunity takes. */
export interface OpportunityInput {
  kind?: 'lead' | 'opportunity';
  title: string;
  companyId?: string | null;
  contactId?: string | null;
  source?: string | null;
  /** Defaults to the acting user. */
  ownerId?: string | null;
  territoryId?: string | null;
  /** Defaults to the company's industry. */
  industry?: string | null;
  /** Pipeline id or key; the tenant's default pipeline when left out. */
  pipelineId?: string;
  /** An open stage key; the pipeline's first open stage when left out. */
  stage?: string;
  /** Percent; the stage's default when left out. */
  probability?: number | null;
  /** Set by hand; otherwise the sum of the lines. */
  amount?: Money | { amount: string; currency: string } | null;
  lines?: readonly LineInput[];
  expectedCloseDate?: string | null;
  engageDate?: string | null;
  /** Defaults to now. */
  lastActivityAt?: Date | string | null;
  budgetConfirmed?: boolean;
  competitors?: readonly string[];
  nextAction?: string | null;
  nextActionDate?: string | null;
  description?: string | null;
  externalId?: string | null;
}

/** What `update` takes: stage, status and scores move only through the dedicated calls. */
export type OpportunityPatch = Partial<Omit<OpportunityInput, 'pipelineId' | 'stage' | 'kind'>>;

/** A checked write: the fields to store and the lines to write (undefined: lines untouched). */
export interface PreparedWrite {
  readonly data: Record<string, unknown>;
  readonly lines: readonly PreparedLine[] | undefined;
  readonly pipeline: SalesPipeline;
  readonly stage: StageDefinition;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The fields of `stage.requiredFields` a deal lacks (`lines`: it has none). */
export function missingForStage(
  stage: StageDefinition,
  deal: Readonly<Record<string, unknown>>,
  lineCount: number,
): string[] {
  return stage.requiredFields.filter((name) => {
    if (name === 'lines') return lineCount === 0;
    if (name === 'budgetConfirmed') return deal.budgetConfirmed !== true;
    const value = deal[name];
    return (
      value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
    );
  });
}

/** Adds one `required_for_stage` issue per missing field. */
export function requireForStage(
  stage: StageDefinition,
  deal: Readonly<Record<string, unknown>>,
  lineCount: number,
  issues: IssueList,
): void {
  for (const name of missingForStage(stage, deal, lineCount)) {
    issues.add(name, `is required to enter stage ${stage.name}`, 'required_for_stage');
  }
}

/** Refuses a close or expected close date before the engage date. */
export function checkDates(deal: Readonly<Record<string, unknown>>, issues: IssueList): void {
  const engage = deal.engageDate;
  if (typeof engage !== 'string' || !DATE.test(engage)) return;
  for (const name of ['expectedCloseDate', 'closeDate'] as const) {
    const value = deal[name];
    if (typeof value === 'string' && DATE.test(value) && value < engage) {
      issues.add(name, `${value} is before the engage date ${engage}`, 'before_engage_date');
    }
  }
}

function moneyOf(value: unknown, path: string, issues: IssueList): Money | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  try {
    if (Money.isMoney(value)) return value;
    if (isPlainObject(value)) return Money.of(value.amount as string, value.currency as string);
  } catch (error) {
    if (!isSellkitError(error)) throw error;
    issues.add(path, error.details.issues?.[0]?.message ?? error.message, 'invalid_money');
    return undefined;
  }
  issues.add(path, 'must be money ({ amount, currency })', 'invalid_type');
  return undefined;
}

/**
 * Refuses an amount in another currency than the deal's lines or, without lines, than the
 * catalog's price list (when the catalog fixes one): `CURRENCY_MISMATCH`.
 */
function sameCurrency(ctx: PipelineContext, amount: Money, total: Money | null): void {
  if (total && total.currency !== amount.currency) {
    throw new SellkitError(
      'CURRENCY_MISMATCH',
      `amount is in ${amount.currency} but the lines are in ${total.currency}`,
      { path: 'amount', expected: total.currency, actual: amount.currency },
    );
  }
  const priceList = ctx.scope.use(catalogHandle).currency;
  if (!total && priceList && priceList !== amount.currency) {
    throw new SellkitError(
      'CURRENCY_MISMATCH',
      `amount is in ${amount.currency} but the price list is in ${priceList}`,
      { path: 'amount', expected: priceList, actual: amount.currency },
    );
  }
}

function companyModel(ctx: PipelineContext): AnyModel | null {
  try {
    return ctx.scope.model('company');
  } catch (error) {
    if (isSellkitError(error, 'CONFIGURATION_INVALID')) return null;
    throw error;
  }
}

async function industryOf(
  ctx: PipelineContext,
  companyId: unknown,
): Promise<string | null | undefined> {
  if (typeof companyId !== 'string') return undefined;
  const model = companyModel(ctx);
  if (!model) return undefined;
  // internal: a reference check: the deal's company gives its industry even if not the actor's
  const company = await ctx.scope.internal(model).get(companyId);
  const industry = company?.industry;
  return typeof industry === 'string' ? industry : null;
}

function checkTitle(raw: Record<string, unknown>, issues: IssueList): void {
  const title = raw.title;
  if (typeof title !== 'string' || title.trim().length === 0) {
    issues.add('title', 'must be a non-empty string', 'required');
  }
}

function refuseDerived(
  raw: Record<string, unknown>,
  allowed: readonly string[],
  issues: IssueList,
): void {
  for (const name of DERIVED_OPPORTUNITY_FIELDS) {
    if (name in raw && !allowed.includes(name)) {
      issues.add(
        name,
        `${name} is kept by the pipeline: use moveStage, win, lose or reopen`,
        'derived',
      );
    }
  }
}

/** Checks a new deal and works out its derived fields. */
export async function prepareCreate(
  ctx: PipelineContext,
  raw: Record<string, unknown>,
  issues: IssueList,
): Promise<PreparedWrite> {
  refuseDerived(raw, ['stage'], issues);
  checkTitle(raw, issues);
  const pipeline = await pipelineFor(ctx, raw.pipelineId);
  const stage = raw.stage === undefined ? firstOpenStage(pipeline) : stageOf(pipeline, raw.stage);
  if (stage.kind !== 'open') {
    throw new SellkitError(
      'INVALID_TRANSITION',
      `a deal starts in an open stage; ${stage.key} closes it: create it, then win or lose it`,
      { stage: stage.key },
    );
  }
  const data: Record<string, unknown> = {
    ...raw,
    pipelineId: pipeline.id,
    stage: stage.key,
    status: 'open',
  };
  delete data.lines;
  const prepared = raw.lines === undefined ? undefined : await prepareLines(ctx, raw.lines, issues);
  const amount = moneyOf(raw.amount, 'amount', issues);
  if (amount) {
    sameCurrency(ctx, amount, prepared?.total ?? null);
    data.amount = amount;
    data.amountSource = 'manual';
  } else if (prepared?.total) {
    data.amount = prepared.total;
    data.amountSource = 'lines';
  }
  if (prepared) {
    data.primaryProductId = prepared.primaryProductId;
    data.productIds = [...new Set(prepared.lines.map((line) => line.productId))];
  }
  if (raw.probability === undefined || raw.probability === null) {
    data.probability = stage.probability;
    data.probabilitySource = 'stage';
  } else {
    data.probabilitySource = 'manual';
  }
  if (raw.industry === undefined) {
    const industry = await industryOf(ctx, raw.companyId);
    if (industry !== undefined) data.industry = industry;
  }
  const now = ctx.scope.clock.now();
  data.ownerId = raw.ownerId ?? ctx.scope.context.actor.id;
  data.lastActivityAt ??= now;
  data.stageEnteredAt = now;
  checkDates(data, issues);
  requireForStage(stage, data, prepared?.lines.length ?? 0, issues);
  return { data, lines: prepared?.lines, pipeline, stage };
}

/** Checks a patch against the stored deal and works out what changes with it. */
export async function prepareUpdate(
  ctx: PipelineContext,
  before: Opportunity,
  pipeline: SalesPipeline,
  raw: Record<string, unknown>,
  issues: IssueList,
): Promise<PreparedWrite> {
  refuseDerived(raw, [], issues);
  if ('title' in raw) checkTitle(raw, issues);
  for (const name of ['pipelineId', 'kind'] as const) {
    if (name in raw) {
      issues.add(
        name,
        name === 'kind' ? 'use convertLead to turn a lead into an opportunity' : 'cannot change',
        'immutable',
      );
    }
  }
  const stage = stageOf(pipeline, before.stage);
  const data: Record<string, unknown> = { ...raw };
  delete data.lines;
  const prepared = raw.lines === undefined ? undefined : await prepareLines(ctx, raw.lines, issues);
  const stored = prepared ? null : await readLines(ctx.scope, before.id);
  const lineTotal = prepared
    ? prepared.total
    : stored && stored.length > 0
      ? Money.sum(stored.map((line) => line.amount))
      : null;
  const lineCount = prepared ? prepared.lines.length : (stored?.length ?? 0);
  const amount = moneyOf(raw.amount, 'amount', issues);
  if (amount) {
    sameCurrency(ctx, amount, lineTotal);
    data.amount = amount;
    data.amountSource = 'manual';
  } else if (
    amount === null ||
    (prepared && before.amountSource === 'lines') ||
    (prepared && before.amount === null)
  ) {
    data.amount = lineTotal;
    data.amountSource = lineTotal ? 'lines' : 'manual';
  } else if (prepared && before.amount) {
    sameCurrency(ctx, before.amount, lineTotal);
  }
  if (prepared) {
    data.primaryProductId = prepared.primaryProductId;
    data.productIds = [...new Set(prepared.lines.map((line) => line.productId))];
  }
  if ('probability' in raw) {
    if (raw.probability === null) {
      data.probability = stage.probability;
      data.probabilitySource = 'stage';
    } else {
      data.probabilitySource = 'manual';
    }
  }
  if ('companyId' in raw && raw.companyId !== before.companyId && !('industry' in raw)) {
    const industry = await industryOf(ctx, raw.companyId);
    if (industry !== undefined) data.industry = industry;
  }
  const merged = { ...before, ...data };
  checkDates(merged, issues);
  if (before.status === 'open') requireForStage(stage, merged, lineCount, issues);
  return { data, lines: prepared?.lines, pipeline, stage };
}
