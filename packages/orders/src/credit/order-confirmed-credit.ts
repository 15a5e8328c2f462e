import { type AnyModel, type ModuleScope, Money, type Where } from '@sellkit/core';
import { inChunks, readAll } from '@sellkit/core/module';
import { ORDERED_STATES } from '../customer-view/history.js';
import { salesOrder, salesOrderLine } from '../orders/order-model.js';

// The commission credit-source shape of @sellkit/team, declared here so that orders does not
// depend on the team package (TypeScript checks the fit where the host passes the source to
// `team({ commissions: { creditSources } })`).

/** The part of a module scope a credit source reads through. */
type CreditScope = Pick<ModuleScope, 'model' | 'internal' | 'calendar'>;

/** One product line of a credited order. */
interface OrderCreditLine {
  readonly productId: string;
  readonly productName?: string | null;
  readonly category: string | null;
  readonly amount: Money;
}

/** An order that credits its owner. */
interface OrderCredit {
  readonly recordId: string;
  readonly ownerId: string | null;
  readonly customerId: string | null;
  readonly amount: Money;
  readonly date: string;
  readonly label: string;
  readonly lines: readonly OrderCreditLine[];
}

/** What team's statements ask a credit source for. */
interface OrderCreditQuery {
  readonly from: string;
  readonly to: string;
  readonly owners: readonly string[] | 'all';
  readonly recordIds: readonly string[];
  readonly withLines: boolean;
}

/** Where an order credited in a closed period stands today. */
interface OrderCreditState {
  readonly credit: OrderCredit | null;
  readonly changedOn: string;
  readonly label?: string;
}

/** A commission credit source over confirmed orders (the shape `@sellkit/team` takes). */
export interface OrderCreditSource {
  readonly id: 'order-confirmed';
  readonly description: string;
  credits(scope: CreditScope, query: OrderCreditQuery): Promise<OrderCredit[]>;
  current(scope: CreditScope, recordIds: readonly string[]): Promise<Map<string, OrderCreditState>>;
}

const PAGE = 5_000;

async function findAll(
  scope: CreditScope,
  model: AnyModel,
  where: Where<Record<string, unknown>>,
): Promise<Record<string, unknown>[]> {
  // internal: credit is computed for every rep whatever the actor may read; team's statement
  // service checks that the actor may read the rep a statement is for
  const rows = scope.internal(model);
  return readAll((cursor) => rows.find({ where, limit: PAGE, ...cursor }));
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.length > 0 ? value : null;

async function linesOf(scope: CreditScope, orderIds: readonly string[]) {
  const lines = new Map<string, OrderCreditLine[]>();
  const lineModel = scope.model(salesOrderLine.name);
  const rows: Record<string, unknown>[] = [];
  for (const ids of inChunks(orderIds)) {
    rows.push(...(await findAll(scope, lineModel, { orderId: { in: ids }, kind: 'product' })));
  }
  const products = new Map<string, Record<string, unknown>>();
  const productIds = [
    ...new Set(rows.map((row) => text(row.productId)).filter((id) => id !== null)),
  ];
  for (const ids of inChunks(productIds)) {
    for (const row of await findAll(scope, scope.model('product'), { id: { in: ids } })) {
      products.set(String(row.id), row);
    }
  }
  rows.sort((a, b) => Number(a.position) - Number(b.position));
  for (const row of rows) {
    const productId = text(row.productId);
    if (!productId || !Money.isMoney(row.net)) continue;
    const product = products.get(productId);
    const list = lines.get(String(row.orderId)) ?? [];
    list.push({
      productId,
      productName: text(product?.name),
      category: text(product?.category),
      amount: row.net,
    });
    lines.set(String(row.orderId), list);
  }
  return lines;
}

function creditOf(
  row: Record<string, unknown>,
  date: string,
  lines: readonly OrderCreditLine[],
): OrderCredit | null {
  const status = String(row.status);
  if (!ORDERED_STATES.some((state) => state === status) || !Money.isMoney(row.net)) return null;
  return {
    recordId: String(row.id),
    ownerId: text(row.ownerId),
    customerId: text(row.companyId),
    amount: row.net,
    date,
    label: text(row.title) ?? String(row.number),
    lines,
  };
}

/**
 * A commission credit source for `@sellkit/team`: orders confirmed (and not cancelled),
 * placed in a period by the local day they were confirmed, credited to their owner at their
 * net amount (excluding tax, after discounts), with their product lines for rates by product or
 * category. Cancelling an order credited in a closed period claws its commission back in the
 * period of the cancellation. Returns do not reduce the credit.
 *
 * @example
 * ```ts
 * import { catalog } from '@sellkit/catalog';
 * import { createSellkit, memory } from '@sellkit/core';
 * import { customers } from '@sellkit/customers';
 * import { pipeline } from '@sellkit/pipeline';
 * import { dealWonSource, team } from '@sellkit/team';
 * const crm = await createSellkit({
 *   storage: memory(),
 *   modules: [customers(), catalog(), pipeline(), orders(),
 *     team({ commissions: { creditSources: [dealWonSource, orderConfirmedCredit] } })],
 * });
 * // a plan then credits orders: { ..., sources: ['order-confirmed'] }
 * ```
 */
export const orderConfirmedCredit: OrderCreditSource = {
  id: 'order-confirmed',
  description:
    'Orders confirmed and not cancelled, dated by their confirmation day, credited to their owner at their net amount.',
  async credits(scope, query) {
    const calendar = await scope.calendar();
    const model = scope.model(salesOrder.name);
    const base: Where<Record<string, unknown>> = {
      status: { in: [...ORDERED_STATES] },
      confirmedAt: { gte: calendar.instantOf(query.from), lt: calendar.instantOf(query.to) },
    };
    const rows = new Map<string, Record<string, unknown>>();
    const add = (found: Record<string, unknown>[]) => {
      for (const row of found) rows.set(String(row.id), row);
    };
    if (query.owners === 'all') add(await findAll(scope, model, base));
    else {
      for (const owners of inChunks(query.owners)) {
        add(await findAll(scope, model, { and: [base, { ownerId: { in: owners } }] }));
      }
    }
    for (const ids of inChunks(query.recordIds)) {
      add(await findAll(scope, model, { and: [base, { id: { in: ids } }] }));
    }
    const lines = query.withLines ? await linesOf(scope, [...rows.keys()]) : new Map();
    const credits: OrderCredit[] = [];
    for (const row of rows.values()) {
      if (!(row.confirmedAt instanceof Date)) continue;
      const credit = creditOf(
        row,
        calendar.dateOf(row.confirmedAt),
        lines.get(String(row.id)) ?? [],
      );
      if (credit) credits.push(credit);
    }
    return credits.sort((a, b) =>
      a.date === b.date ? (a.recordId < b.recordId ? -1 : 1) : a.date < b.date ? -1 : 1,
    );
  },
  async current(scope, recordIds) {
    const calendar = await scope.calendar();
    const model = scope.model(salesOrder.name);
    const states = new Map<string, OrderCreditState>();
    for (const ids of inChunks(recordIds)) {
      for (const row of await findAll(scope, model, { id: { in: ids } })) {
        const changed = row.cancelledAt instanceof Date ? row.cancelledAt : row.updatedAt;
        const confirmed = row.confirmedAt instanceof Date ? calendar.dateOf(row.confirmedAt) : null;
        states.set(String(row.id), {
          credit: confirmed ? creditOf(row, confirmed, []) : null,
          changedOn: calendar.dateOf(changed instanceof Date ? changed : calendar.now()),
          label: text(row.title) ?? String(row.number),
        });
      }
    }
    const today = calendar.today();
    for (const id of recordIds)
      if (!states.has(id)) states.set(id, { credit: null, changedOn: today });
    return states;
  },
};
