import { catalogHandle, VAT_SEED } from '@sellkit/catalog';
import type { ModuleScope, TestClock } from '@sellkit/core';
import { type OrderWithLines, ordersHandle } from '@sellkit/orders';
import type { Opportunity } from '@sellkit/pipeline';
import type { DemoProfile } from './demo-profile.js';
import type { Random } from './random.js';

const DAY = 86_400_000;

/** What the orders phase of the demo made. */
export interface DemoOrderCounts {
  quotes: number;
  revisedQuotes: number;
  rejectedQuotes: number;
  expiredQuotes: number;
  orders: number;
  /** Orders by the state they were left in. */
  readonly states: Record<string, number>;
}

/** Zero counts. */
export function emptyOrderCounts(): DemoOrderCounts {
  return {
    quotes: 0,
    revisedQuotes: 0,
    rejectedQuotes: 0,
    expiredQuotes: 0,
    orders: 0,
    states: {},
  };
}

type Fate =
  | 'draft'
  | 'cancelled'
  | 'confirmed'
  | 'partially-shipped'
  | 'shipped'
  | 'delivered'
  | 'closed';

/** Where an order of a won deal ends, by cumulative share. */
const FATES: readonly (readonly [Fate, number])[] = [
  ['draft', 0.08],
  ['cancelled', 0.16],
  ['confirmed', 0.3],
  ['partially-shipped', 0.45],
  ['shipped', 0.6],
  ['delivered', 0.82],
  ['closed', 1],
];

async function allDeals(scope: ModuleScope, status: 'won' | 'lost'): Promise<Opportunity[]> {
  const deals: Opportunity[] = [];
  let after: string | undefined;
  do {
    // Ordered by the generator's external ids, so the same seed walks deals in the same order.
    const page = await scope.records(scope.model('opportunity')).find({
      where: { status },
      orderBy: [{ field: 'externalId', direction: 'asc' }],
      limit: 500,
      ...(after ? { after } : {}),
    });
    deals.push(...(page.rows as Opportunity[]));
    after = page.nextCursor ?? undefined;
  } while (after);
  return deals;
}

/**
 * Moves an order to its fate and says the state it was left in: an order whose discount needs
 * approval (the CLI's approval rule) waits in `pending-approval` when its fate is `confirmed`,
 * and is approved by its approver's stand-in (the CLI actor) otherwise.
 */
async function moveOrder(
  scope: ModuleScope,
  clock: TestClock,
  made: OrderWithLines,
  fate: Fate,
  start: number,
  end: number,
): Promise<Fate | 'pending-approval'> {
  const sales = scope.use(ordersHandle).salesOrders;
  const id = made.order.id;
  const at = (days: number) => clock.set(new Date(Math.min(end, start + days * DAY)));
  if (fate === 'draft') return fate;
  const submitted = await sales.submit(id);
  if (submitted.status === 'pending-approval') {
    if (fate === 'confirmed') return 'pending-approval';
    at(1);
    await sales.approve(id, { comment: 'discount agreed with the customer' });
  }
  if (fate === 'cancelled') {
    at(2);
    await sales.cancel(id, { reason: 'customer withdrew' });
    return fate;
  }
  if (fate === 'confirmed') return fate;
  at(5);
  const half = made.lines.map((line) => ({
    lineId: line.id,
    quantity: line.quantity.includes('.')
      ? line.quantity
      : String(Math.ceil(Number(line.quantity) / 2)),
  }));
  if (fate === 'partially-shipped') {
    // The first line ships in part; an order of one unit ships nothing yet.
    const first = half[0];
    const line = made.lines[0];
    if (first && line && first.quantity !== line.quantity.replace(/\.0+$/, '')) {
      await sales.ship(id, { lines: [first], reference: `${made.order.number}-1` });
    }
    return fate;
  }
  await sales.ship(id, {
    lines: made.lines.map((line) => ({ lineId: line.id, quantity: line.quantity })),
    reference: `${made.order.number}-1`,
  });
  if (fate === 'shipped') return fate;
  at(9);
  await sales.deliver(id);
  if (fate === 'delivered') return fate;
  at(40);
  await sales.close(id);
  return fate;
}

/**
 * The demo's quotes and orders, from the deals the companies phase closed: every won deal
 * got a quote (a fifth of them revised once with a discount) that was sent and accepted, and
 * its order was left in one of the states (draft, cancelled, confirmed, partially shipped,
 * shipped, delivered, closed); a third of the lost deals had a quote the customer rejected,
 * and a sixth one that nobody answered and expired. A Chinese tenant taxes its products at
 * China's 13 % VAT. Deterministic for a seed: deals are walked by their external ids and each
 * deal draws from its own random stream; the clock follows each deal's close date.
 */
export async function writeOrders(
  scope: ModuleScope,
  clock: TestClock,
  random: Random,
  now: Date,
  profile: DemoProfile,
): Promise<DemoOrderCounts> {
  const counts = emptyOrderCounts();
  const sales = scope.use(ordersHandle);
  const jurisdiction = profile.currency === 'CNY' ? 'CN' : null;
  if (jurisdiction) {
    const catalog = scope.use(catalogHandle);
    await catalog.taxes.seed(VAT_SEED);
    const standard = await catalog.taxes.getCategory('standard');
    const products = await catalog.products.find({ limit: 1000 });
    for (const product of products.rows) {
      await catalog.products.update(product.id, { taxCategoryId: standard.id });
    }
  }
  const extra = jurisdiction ? { jurisdiction } : {};
  const end = now.getTime();
  for (const deal of await allDeals(scope, 'won')) {
    const draw = random.fork(deal.externalId ?? deal.id);
    const closed = deal.closedAt?.getTime() ?? end;
    clock.set(new Date(closed - 6 * DAY));
    await scope.transaction(async (tx) => {
      const quotes = tx.use(ordersHandle).quotes;
      let quote = (await quotes.fromOpportunity(deal.id, extra)).quote;
      counts.quotes += 1;
      if (draw.next() < 0.2) {
        await quotes.send(quote.id);
        clock.set(new Date(closed - 3 * DAY));
        quote = (await quotes.revise(quote.id, { documentDiscount: { percent: '5' } })).quote;
        counts.revisedQuotes += 1;
      }
      await quotes.send(quote.id);
      clock.set(new Date(closed));
      const { order } = await quotes.accept(quote.id);
      counts.orders += 1;
      let fate: Fate = 'closed';
      const roll = draw.next();
      for (const [name, upTo] of FATES) {
        if (roll < upTo) {
          fate = name;
          break;
        }
      }
      const state = await moveOrder(tx, clock, order, fate, closed, end);
      counts.states[state] = (counts.states[state] ?? 0) + 1;
    });
  }
  for (const deal of await allDeals(scope, 'lost')) {
    const draw = random.fork(deal.externalId ?? deal.id);
    const roll = draw.next();
    if (roll >= 0.5) continue;
    const closed = deal.closedAt?.getTime() ?? end;
    const expires = roll < 1 / 6;
    clock.set(new Date(closed - (expires ? 45 : 10) * DAY));
    await scope.transaction(async (tx) => {
      const quotes = tx.use(ordersHandle).quotes;
      const { quote } = await quotes.fromOpportunity(deal.id, extra);
      await quotes.send(quote.id);
      counts.quotes += 1;
      if (!expires) {
        clock.set(new Date(closed));
        await quotes.reject(quote.id, { reason: 'lost to a competitor' });
        counts.rejectedQuotes += 1;
      }
    });
  }
  clock.set(now);
  counts.expiredQuotes = await sales.quotes.expireDue();
  return counts;
}
