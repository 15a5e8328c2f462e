import {
  type AnyModel,
  isSellkitError,
  type ModuleScope,
  Money,
  SellkitError,
  type Where,
} from '@sellkit/core';
import { inChunks, readAll } from '@sellkit/core/module';

/** One product line of a credited record (for rates by product or category). */
export interface CreditLine {
  readonly productId: string;
  /** The product's name in the catalog, when the catalog is composed. */
  readonly productName?: string | null;
  /** The catalog category of the product, when the catalog is composed and has one. */
  readonly category: string | null;
  readonly amount: Money;
}

/** A record that credits its owner (a won deal; later an order, an invoice, a payment). */
export interface SourceCredit {
  readonly recordId: string;
  /** The host user id of the record's owner (`rep.userId`); splits can share it. */
  readonly ownerId: string | null;
  /** The customer (company) the record is for, if any: bonus facts count new customers. */
  readonly customerId: string | null;
  readonly amount: Money;
  /** The local date that places the credit in a period (a won deal's close date). */
  readonly date: string;
  /** A human name for statements: the deal's title. */
  readonly label: string;
  /** Product lines, when asked for (`withLines`); may be empty. */
  readonly lines: readonly CreditLine[];
}

/** Where a record credited in a closed period stands today. */
export interface CreditState {
  /** The credit today, or null when the record no longer credits anyone (a deal reopened). */
  readonly credit: SourceCredit | null;
  /** The local date of the record's last change: a clawback is booked in its period. */
  readonly changedOn: string;
  /** A human name of the record (for a clawback line when it no longer credits anyone). */
  readonly label?: string;
}

/** What a credit source is asked for. */
export interface CreditQuery {
  /** First local day (inclusive) and first day after (exclusive) of the period. */
  readonly from: string;
  readonly to: string;
  /** Owners (host user ids) whose records to return, or `'all'`. */
  readonly owners: readonly string[] | 'all';
  /** Records to return whoever owns them (records split to the reps asked about). */
  readonly recordIds: readonly string[];
  /** Load product lines (plans with rates by product or category). */
  readonly withLines: boolean;
}

/**
 * Late credits: records dated before `before` (in a period that may be closed) that changed
 * between two instants (a deal won today with last month's close date).
 */
export interface LateCreditQuery extends Omit<CreditQuery, 'from' | 'to'> {
  readonly before: string;
  readonly changedFrom: Date;
  readonly changedTo: Date;
}

/** The part of the module scope a credit source reads through. */
export type CreditScope = Pick<ModuleScope, 'model' | 'internal' | 'calendar'>;

/**
 * Which records credit whom: a source names its records, their owner, amount and date, and
 * tells where a record credited earlier stands today (for clawbacks). The team module ships
 * `deal-won`; orders and billing add theirs (`order-confirmed`, `invoice-issued`,
 * `payment-received`) through `team({ commissions: { creditSources } })`, without the team
 * module depending on them.
 */
export interface CreditSource {
  /** The id plans name in `sources` (`deal-won`). */
  readonly id: string;
  readonly description: string;
  /** Records credited in a period (by their date), for some owners or all. */
  credits(scope: CreditScope, query: CreditQuery): Promise<SourceCredit[]>;
  /**
   * Records dated before a period that changed during it (see {@link LateCreditQuery}); the
   * statement pays those whose own period is already closed. Optional: a source whose records
   * cannot be backdated leaves it out.
   */
  lateCredits?(scope: CreditScope, query: LateCreditQuery): Promise<SourceCredit[]>;
  /** Where each record stands today; an id the source no longer knows has a null credit. */
  current(scope: CreditScope, recordIds: readonly string[]): Promise<Map<string, CreditState>>;
}

const PAGE = 5_000;

/** A model another module owns, by name: a clear error when that module is not composed. */
function modelNamed(scope: CreditScope, name: string, source: string): AnyModel {
  try {
    return scope.model(name);
  } catch (error) {
    if (isSellkitError(error, 'CONFIGURATION_INVALID')) {
      throw new SellkitError(
        'CONFIGURATION_INVALID',
        `the ${source} credit source reads the ${name} model: compose the module that defines it (pipeline)`,
        { model: name, source },
        { cause: error },
      );
    }
    throw error;
  }
}

function optionalModel(scope: CreditScope, name: string): AnyModel | null {
  try {
    return scope.model(name);
  } catch {
    return null;
  }
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

async function findAll(
  scope: CreditScope,
  model: AnyModel,
  where: Where<Record<string, unknown>>,
  select?: readonly string[],
): Promise<Record<string, unknown>[]> {
  // internal: credit is computed for every rep whatever the actor may read; the statement's
  // service checks that the actor may read the rep it is for
  const rows = scope.internal(model);
  const fields = select && select.length > 0 ? { select } : {};
  return readAll((cursor) => rows.find({ where, limit: PAGE, ...fields, ...cursor }));
}

/** The fields a credit is made of ({@link creditOf}), those the model has. */
const CREDIT_FIELDS = ['status', 'amount', 'closeDate', 'ownerId', 'companyId', 'title'] as const;

function creditFields(model: AnyModel): string[] {
  const fields = model.fields as Readonly<Record<string, unknown>>;
  return CREDIT_FIELDS.filter((name) => fields[name] !== undefined);
}

async function linesOf(
  scope: CreditScope,
  dealIds: readonly string[],
): Promise<Map<string, CreditLine[]>> {
  const lines = new Map<string, CreditLine[]>();
  if (dealIds.length === 0) return lines;
  const lineModel = modelNamed(scope, 'opportunityLine', 'deal-won');
  const rows: Record<string, unknown>[] = [];
  for (const ids of inChunks(dealIds))
    rows.push(...(await findAll(scope, lineModel, { opportunityId: { in: ids } })));
  const categories = new Map<string, string | null>();
  const names = new Map<string, string>();
  const product = optionalModel(scope, 'product');
  const productIds = [...new Set(rows.map((row) => String(row.productId)))];
  if (product) {
    for (const ids of inChunks(productIds)) {
      for (const row of await findAll(scope, product, { id: { in: ids } })) {
        categories.set(String(row.id), text(row.category));
        const name = text(row.name);
        if (name) names.set(String(row.id), name);
      }
    }
  }
  rows.sort((a, b) => Number(a.position) - Number(b.position));
  for (const row of rows) {
    if (!Money.isMoney(row.amount)) continue;
    const dealId = String(row.opportunityId);
    const list = lines.get(dealId) ?? [];
    list.push({
      productId: String(row.productId),
      productName: names.get(String(row.productId)) ?? null,
      category: categories.get(String(row.productId)) ?? null,
      amount: row.amount,
    });
    lines.set(dealId, list);
  }
  return lines;
}

function creditOf(row: Record<string, unknown>, lines: readonly CreditLine[]): SourceCredit | null {
  if (row.status !== 'won' || !Money.isMoney(row.amount) || typeof row.closeDate !== 'string')
    return null;
  return {
    recordId: String(row.id),
    ownerId: text(row.ownerId),
    customerId: text(row.companyId),
    amount: row.amount,
    date: row.closeDate,
    label: typeof row.title === 'string' ? row.title : String(row.id),
    lines,
  };
}

async function wonDeals(
  scope: CreditScope,
  query: Pick<CreditQuery, 'owners' | 'recordIds' | 'withLines'>,
  dated: Where<Record<string, unknown>>,
): Promise<SourceCredit[]> {
  const opportunity = modelNamed(scope, 'opportunity', 'deal-won');
  const base: Where<Record<string, unknown>> = { status: 'won', ...dated };
  // Only what a credit needs, not whole records (a quarter can hold 100,000 won deals).
  const select = creditFields(opportunity);
  const rows = new Map<string, Record<string, unknown>>();
  const add = (found: Record<string, unknown>[]) => {
    for (const row of found) rows.set(String(row.id), row);
  };
  if (query.owners === 'all') add(await findAll(scope, opportunity, base, select));
  else {
    for (const owners of inChunks(query.owners))
      add(await findAll(scope, opportunity, { and: [base, { ownerId: { in: owners } }] }, select));
  }
  for (const ids of inChunks(query.recordIds))
    add(await findAll(scope, opportunity, { and: [base, { id: { in: ids } }] }, select));
  const lines = query.withLines ? await linesOf(scope, [...rows.keys()]) : new Map();
  const credits: SourceCredit[] = [];
  for (const row of rows.values()) {
    const credit = creditOf(row, lines.get(String(row.id)) ?? []);
    if (credit) credits.push(credit);
  }
  return credits.sort((a, b) =>
    a.date === b.date ? (a.recordId < b.recordId ? -1 : 1) : a.date < b.date ? -1 : 1,
  );
}

/**
 * The built-in credit source: deals won (`opportunity`, status `won`), placed in a period by
 * their close date, credited to their owner. Reads the pipeline's models by name, so the team
 * module does not depend on the pipeline package.
 *
 * @example
 * ```ts
 * import { team } from '@sellkit/team';
 * // the default; named explicitly beside a plugin's own source
 * team({ commissions: { creditSources: [dealWonSource] } });
 * ```
 */
export const dealWonSource: CreditSource = {
  id: 'deal-won',
  description: 'Deals won, dated by their close date, credited to their owner.',
  credits: (scope, query) =>
    wonDeals(scope, query, { closeDate: { gte: query.from, lt: query.to } }),
  lateCredits: (scope, query) =>
    wonDeals(scope, query, {
      closeDate: { lt: query.before },
      updatedAt: { gte: query.changedFrom, lt: query.changedTo },
    }),
  async current(scope, recordIds) {
    const opportunity = modelNamed(scope, 'opportunity', 'deal-won');
    const calendar = await scope.calendar();
    const states = new Map<string, CreditState>();
    const rows: Record<string, unknown>[] = [];
    for (const ids of inChunks(recordIds))
      rows.push(...(await findAll(scope, opportunity, { id: { in: ids } })));
    for (const row of rows) {
      const updatedAt = row.updatedAt instanceof Date ? row.updatedAt : calendar.now();
      states.set(String(row.id), {
        credit: creditOf(row, []),
        changedOn: calendar.dateOf(updatedAt),
        label: typeof row.title === 'string' ? row.title : String(row.id),
      });
    }
    const today = calendar.today();
    for (const id of recordIds)
      if (!states.has(id)) states.set(id, { credit: null, changedOn: today });
    return states;
  },
};
