import { SellkitError, validationError } from '@sellkit/core';
import { isPlainObject } from '@sellkit/core/module';
import { pipelineHandle } from '@sellkit/pipeline';
import type { DocumentInput, DocumentLineInput } from '../documents/document-input.js';
import { type PricedDraft, priceDraft } from '../documents/price-lines.js';
import { headerAsInput, linesAsInput, orderFromQuote } from '../orders/create-order.js';
import type { OrderWithLines } from '../orders/order-store.js';
import {
  nextNumber,
  type OrdersContext,
  type OrdersScope,
  ordersModels,
} from '../shared/context.js';
import type { Quote, QuoteLine, QuoteStatus } from './quote-model.js';

/** What creating a quote takes: a document, and how long the offer stands. */
export interface QuoteInput extends DocumentInput {
  /** The last day the offer stands (default: the document date + `quoteValidityDays`). */
  readonly validUntil?: string;
}

/** A quote with its lines, in position order. */
export interface QuoteWithLines {
  readonly quote: Quote;
  readonly lines: QuoteLine[];
}

function lineStore(scope: OrdersScope) {
  // internal: lines are guarded by their quote's access check (the line model has no owner)
  return scope.internal(ordersModels(scope).quoteLine);
}

/** The lines of one quote, in position order. */
export async function quoteLinesOf(scope: OrdersScope, quoteId: string): Promise<QuoteLine[]> {
  const page = await lineStore(scope).find({
    where: { quoteId },
    orderBy: [{ field: 'position', direction: 'asc' }],
    limit: 10_000,
  });
  return page.rows;
}

async function validUntilOf(
  ctx: OrdersContext,
  draft: PricedDraft,
  given: unknown,
): Promise<string> {
  const calendar = await ctx.scope.calendar();
  if (given === undefined)
    return calendar.addDays(draft.header.documentDate, ctx.options.quoteValidityDays);
  if (typeof given !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(given)) {
    throw validationError('validUntil', 'must be a calendar date (YYYY-MM-DD)', 'invalid_date');
  }
  if (calendar.daysBetween(draft.header.documentDate, given) < 0) {
    throw validationError('validUntil', 'must not be before the quote date', 'too_small');
  }
  return given;
}

async function insertQuote(
  tx: OrdersScope,
  draft: PricedDraft,
  fields: { number: string; revision: number; previousId: string | null; validUntil: string },
): Promise<QuoteWithLines> {
  const models = ordersModels(tx);
  const quote = await tx
    .records(models.quote)
    .create({ ...draft.header, ...fields, status: 'draft' });
  const lines = await lineStore(tx).insert(
    draft.lines.map(({ externalId: _, ...line }) => ({ ...line, quoteId: quote.id })),
  );
  return { quote, lines };
}

/** Creates a quote in `draft`, priced now. Nothing is written when pricing fails. */
export async function createQuote(ctx: OrdersContext, input: QuoteInput): Promise<QuoteWithLines> {
  const draft = await priceDraft(ctx, input);
  const validUntil = await validUntilOf(
    ctx,
    draft,
    isPlainObject(input) ? input.validUntil : undefined,
  );
  return ctx.scope.transaction(async (tx) => {
    const number = await nextNumber(tx, 'quote', 'Q');
    const made = await insertQuote(tx, draft, {
      number,
      revision: 1,
      previousId: null,
      validUntil,
    });
    await tx.emit('quote.created', made);
    return made;
  });
}

/** A quote from an open or won opportunity, its lines at the deal's prices. */
export async function quoteFromOpportunity(
  ctx: OrdersContext,
  opportunityId: string,
  extra: Partial<QuoteInput> = {},
): Promise<QuoteWithLines> {
  const deals = ctx.scope.use(pipelineHandle).opportunities;
  const deal = await deals.get(opportunityId);
  const dealLines = await deals.lines(deal.id);
  const lines: DocumentLineInput[] = dealLines.map((line) => ({
    productId: line.productId,
    description: line.description,
    quantity: line.quantity,
    unitPrice: line.unitPrice.toDecimal().toFixed(),
  }));
  const currency = dealLines[0]?.unitPrice.currency ?? deal.amount?.currency;
  return createQuote(ctx, {
    title: deal.title,
    companyId: deal.companyId,
    contactId: deal.contactId,
    opportunityId: deal.id,
    ownerId: deal.ownerId,
    ...(currency ? { currency } : {}),
    ...extra,
    lines: extra.lines ?? lines,
  });
}

function refuse(quote: Quote, action: string, allowed: readonly QuoteStatus[]): void {
  if (!allowed.includes(quote.status)) {
    throw new SellkitError(
      'INVALID_TRANSITION',
      `cannot ${action} quote ${quote.number} v${quote.revision}: it is ${quote.status}`,
      { model: 'quote', id: quote.id, from: quote.status },
    );
  }
}

async function loadQuote(tx: OrdersScope, id: string): Promise<QuoteWithLines> {
  const quote = await tx.records(ordersModels(tx).quote).get(id);
  return { quote, lines: await quoteLinesOf(tx, id) };
}

/**
 * Revises a quote: a new version (same number, next revision) with the changes, priced again;
 * the old version is kept as `superseded`.
 */
export async function reviseQuote(
  ctx: OrdersContext,
  id: string,
  changes: Partial<QuoteInput>,
): Promise<QuoteWithLines> {
  if (!isPlainObject(changes))
    throw validationError('', 'changes must be an object', 'invalid_type');
  return ctx.scope.transaction(async (tx) => {
    const current = await loadQuote(tx, id);
    refuse(current.quote, 'revise', ['draft', 'sent', 'rejected', 'expired']);
    const scoped = { ...ctx, scope: tx };
    const { validUntil, ...document } = changes;
    const draft = await priceDraft(scoped, {
      ...headerAsInput(current.quote),
      lines: linesAsInput(current.lines),
      ...document,
    });
    const until = await validUntilOf(scoped, draft, validUntil);
    const old = await tx
      .records(ordersModels(tx).quote)
      .update(id, { status: 'superseded' }, { current: current.quote });
    const made = await insertQuote(tx, draft, {
      number: current.quote.number,
      revision: current.quote.revision + 1,
      previousId: id,
      validUntil: until,
    });
    await tx.emit('quote.revised', { quote: made.quote, previous: old });
    return made;
  });
}

async function expiredOn(tx: OrdersScope, quote: Quote): Promise<boolean> {
  const calendar = await tx.calendar();
  return calendar.daysBetween(calendar.today(), quote.validUntil) < 0;
}

/** Marks a draft quote sent. */
export async function sendQuote(ctx: OrdersContext, id: string): Promise<Quote> {
  return ctx.scope.transaction(async (tx) => {
    const { quote } = await loadQuote(tx, id);
    refuse(quote, 'send', ['draft']);
    const sent = await tx
      .records(ordersModels(tx).quote)
      .update(id, { status: 'sent', sentAt: tx.clock.now() }, { current: quote });
    await tx.emit('quote.sent', { quote: sent });
    return sent;
  });
}

/**
 * Accepts a sent quote still valid today, and creates its order (in `draft`) in the same
 * transaction. An expired quote is `INVALID_TRANSITION`: revise it.
 */
export async function acceptQuote(
  ctx: OrdersContext,
  id: string,
  input: { note?: string | null } = {},
): Promise<{ quote: Quote; order: OrderWithLines }> {
  return ctx.scope.transaction(async (tx) => {
    const current = await loadQuote(tx, id);
    refuse(current.quote, 'accept', ['sent']);
    if (await expiredOn(tx, current.quote)) {
      throw new SellkitError(
        'INVALID_TRANSITION',
        `quote ${current.quote.number} expired on ${current.quote.validUntil}: revise it`,
        { model: 'quote', id, reason: 'expired' },
      );
    }
    const order = await orderFromQuote({ ...ctx, scope: tx }, current.quote, current.lines);
    const quote = await tx.records(ordersModels(tx).quote).update(
      id,
      {
        status: 'accepted',
        decidedAt: tx.clock.now(),
        decisionNote: input?.note ?? null,
        orderId: order.order.id,
      },
      { current: current.quote },
    );
    await tx.emit('quote.accepted', { quote, orderId: order.order.id });
    return { quote, order };
  });
}

/** Records the customer's no. */
export async function rejectQuote(
  ctx: OrdersContext,
  id: string,
  input: { reason?: string | null } = {},
): Promise<Quote> {
  return ctx.scope.transaction(async (tx) => {
    const { quote } = await loadQuote(tx, id);
    refuse(quote, 'reject', ['sent', 'draft']);
    const reason = input?.reason ?? null;
    const rejected = await tx
      .records(ordersModels(tx).quote)
      .update(
        id,
        { status: 'rejected', decidedAt: tx.clock.now(), decisionNote: reason },
        { current: quote },
      );
    await tx.emit('quote.rejected', { quote: rejected, reason });
    return rejected;
  });
}

/** Marks every draft or sent quote whose validity ended before today as `expired`. */
export async function expireQuotes(ctx: OrdersContext): Promise<number> {
  const { scope } = ctx;
  const calendar = await scope.calendar();
  const today = calendar.today();
  return scope.transaction(async (tx) => {
    const model = ordersModels(tx).quote;
    const due = await tx.records(model).find({
      where: { status: { in: ['draft', 'sent'] }, validUntil: { lt: today } },
      limit: 1000,
    });
    for (const quote of due.rows) {
      const expired = await tx
        .records(model)
        .update(quote.id, { status: 'expired' }, { current: quote });
      await tx.emit('quote.expired', { quote: expired });
    }
    return due.rows.length;
  });
}
