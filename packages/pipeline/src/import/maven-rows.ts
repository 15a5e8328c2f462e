import type { Product } from '@sellkit/catalog';
import {
  dateParts,
  isSellkitError,
  Money,
  type TenantCalendar,
  validationError,
} from '@sellkit/core';
import type { SalesPipeline } from '../pipelines/pipeline-model.js';
import type { AgentPlacement } from './maven-agents.js';
import { MAVEN_STAGES } from './maven-pipeline.js';

/** What converting rows needs, looked up once per batch. */
export interface MavenLookups {
  readonly pipeline: SalesPipeline;
  /** Product cell → product (names, SKUs and aliases). */
  readonly products: ReadonlyMap<string, Product | null>;
  /** Account name (the company's external id) → company. */
  readonly companies: ReadonlyMap<
    string,
    { readonly id: string; readonly industry: string | null }
  >;
  /** Agent name → placement (null: unknown agent). */
  readonly placements: ReadonlyMap<string, AgentPlacement | null>;
  readonly currency: string;
  /** The tenant's calendar: a close date's instant is the start of that local day. */
  readonly calendar: TenantCalendar;
}

/** One converted row of `sales_pipeline.csv`. */
export interface MavenDeal {
  readonly line: number;
  readonly externalId: string;
  /** Opportunity fields, scores left out. */
  readonly data: Record<string, unknown>;
  readonly item: { productId: string; unitPrice: Money; amount: Money };
}

function dateCell(value: string | undefined, path: string): string | null {
  const text = (value ?? '').trim();
  if (text === '') return null;
  if (dateParts(text) === undefined) {
    throw validationError(path, `"${text.slice(0, 20)}" is not a YYYY-MM-DD date`, 'invalid_date');
  }
  return text;
}

function moneyCell(value: string | undefined, currency: string, path: string): Money | null {
  const text = (value ?? '').trim();
  if (text === '') return null;
  let money: Money;
  try {
    money = Money.of(text, currency, { rounding: 'half-even' });
  } catch (error) {
    if (!isSellkitError(error)) throw error;
    throw validationError(path, `"${text.slice(0, 20)}" is not an amount`, 'invalid_money');
  }
  if (money.isNegative()) throw validationError(path, 'must not be negative', 'negative');
  return money;
}

/** `found`, or `VALIDATION_FAILED` at `column` naming the unknown `what` (first `shown` characters). */
function known<T>(
  found: T | null | undefined,
  column: string,
  what: string,
  cell: string,
  shown: number,
  reason: string,
): T {
  if (found) return found;
  throw validationError(column, `unknown ${what} "${cell.slice(0, shown)}"`, reason);
}

/**
 * Converts one row: agent → owner and territory, product (through aliases), account →
 * company (open deals without one are leads), stage, dates (a close date before the engage
 * date is refused) and close value as money. Throws `VALIDATION_FAILED` naming the column.
 */
export function convertMavenRow(
  values: Readonly<Record<string, string>>,
  line: number,
  lookups: MavenLookups,
): MavenDeal {
  const externalId = (values.opportunity_id ?? '').trim();
  if (externalId === '') throw validationError('opportunity_id', 'is empty', 'required');
  const agent = (values.sales_agent ?? '').trim();
  const placement = known(
    lookups.placements.get(agent),
    'sales_agent',
    'sales agent',
    agent,
    60,
    'unknown_agent',
  );
  const productCell = (values.product ?? '').trim();
  const product = known(
    lookups.products.get(productCell),
    'product',
    'product',
    productCell,
    60,
    'unknown_product',
  );
  const stageCell = (values.deal_stage ?? '').trim();
  const stageKey = MAVEN_STAGES[stageCell];
  const stage = known(
    lookups.pipeline.stages.find((item) => item.key === stageKey),
    'deal_stage',
    'stage',
    stageCell,
    40,
    'unknown_stage',
  );
  const accountCell = (values.account ?? '').trim();
  const company = accountCell === '' ? null : lookups.companies.get(accountCell);
  if (company === undefined) {
    throw validationError(
      'account',
      `unknown account "${accountCell.slice(0, 60)}"`,
      'unknown_account',
    );
  }
  const engageDate = dateCell(values.engage_date, 'engage_date');
  const closed = stage.kind !== 'open';
  const closeDate = dateCell(values.close_date, 'close_date');
  if (closed && closeDate === null)
    throw validationError('close_date', 'a closed deal needs a close date', 'required');
  if (engageDate && closeDate && closeDate < engageDate) {
    throw validationError(
      'close_date',
      `${closeDate} is before the engage date ${engageDate}`,
      'before_engage_date',
    );
  }
  const value = closed ? moneyCell(values.close_value, lookups.currency, 'close_value') : null;
  if (closed && value === null)
    throw validationError('close_value', 'a closed deal needs a close value', 'required');
  const at = (date: string | null) => (date === null ? null : lookups.calendar.instantOf(date));
  const unitPrice = value ?? product.listPrice;
  const title = `${company === null ? 'Lead' : accountCell} · ${product.name}`;
  return {
    line,
    externalId,
    data: {
      kind: company === null && !closed ? 'lead' : 'opportunity',
      title,
      companyId: company?.id ?? null,
      ownerId: placement.ownerId,
      territoryId: placement.territoryId,
      industry: company?.industry ?? null,
      pipelineId: lookups.pipeline.id,
      stage: stage.key,
      status: stage.kind,
      probability: stage.probability,
      probabilitySource: 'stage',
      amount: value,
      amountSource: 'manual',
      primaryProductId: product.id,
      productIds: [product.id],
      engageDate,
      expectedCloseDate: closed ? null : closeDate,
      closeDate: closed ? closeDate : null,
      closedAt: closed ? at(closeDate) : null,
      cycleDays:
        closed && engageDate && closeDate
          ? lookups.calendar.daysBetween(engageDate, closeDate)
          : null,
      stageEnteredAt: at(closed ? closeDate : engageDate),
      lastActivityAt: at(closeDate ?? engageDate),
      externalId,
    },
    item: { productId: product.id, unitPrice, amount: unitPrice },
  };
}
