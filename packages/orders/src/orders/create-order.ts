import { SellkitError, validationError } from '@sellkit/core';
import { isPlainObject } from '@sellkit/core/module';
import { pipelineHandle } from '@sellkit/pipeline';
import type { DocumentInput, DocumentLineInput } from '../documents/document-input.js';
import { priceDraft } from '../documents/price-lines.js';
import type { Quote, QuoteLine } from '../quotes/quote-model.js';
import { type OrdersContext, ordersModels } from '../shared/context.js';
import { insertOrder, lineStore, linesOf, loadOrder, type OrderWithLines } from './order-store.js';

/** What an order from a won opportunity may add or override. */
export interface FromOpportunityOptions {
  readonly shippingAddress?: DocumentInput['shippingAddress'];
  readonly billingAddress?: DocumentInput['billingAddress'];
  readonly jurisdiction?: string | null;
  readonly externalId?: string | null;
  readonly date?: string;
}

/** Creates an order from scratch, in `draft`. Nothing is written when pricing fails. */
export async function createOrder(
  ctx: OrdersContext,
  input: DocumentInput,
): Promise<OrderWithLines> {
  const draft = await priceDraft(ctx, input);
  return ctx.scope.transaction((tx) => insertOrder(tx, draft, { source: 'scratch' }));
}

/** The lines of a document again as input (for revisions and orders from quotes). */
export function linesAsInput(
  lines: readonly (QuoteLine | OrderWithLines['lines'][number])[],
): DocumentLineInput[] {
  return [...lines]
    .sort((a, b) => a.position - b.position)
    .map((line) => ({
      kind: line.kind,
      productId: line.productId,
      description: line.description,
      quantity: line.quantity,
      unit: line.unit,
      unitPrice: line.unitPrice,
      ...(line.lineDiscount ? { discount: line.lineDiscount } : {}),
      taxCategoryId: line.taxCategoryId,
    }));
}

/** The header of a document again as input. */
export function headerAsInput(doc: Quote | OrderWithLines['order']): Omit<DocumentInput, 'lines'> {
  return {
    title: doc.title,
    companyId: doc.companyId,
    contactId: doc.contactId,
    opportunityId: doc.opportunityId,
    ownerId: doc.ownerId,
    currency: doc.currency,
    jurisdiction: doc.jurisdiction,
    date: doc.documentDate,
    priceListId: doc.priceListId,
    pricesIncludeTax: doc.pricesIncludeTax,
    documentDiscount: doc.documentDiscount,
    billingAddress: doc.billingAddress,
    shippingAddress: doc.shippingAddress,
    notes: doc.notes,
  };
}

/** Creates the order of an accepted quote, in the caller's transaction, priced as quoted. */
export async function orderFromQuote(
  ctx: OrdersContext,
  quote: Quote,
  lines: readonly QuoteLine[],
): Promise<OrderWithLines> {
  const draft = await priceDraft(ctx, { ...headerAsInput(quote), lines: linesAsInput(lines) });
  return insertOrder(ctx.scope, draft, { source: 'quote', quoteId: quote.id });
}

/**
 * Creates the order of a won opportunity from its lines (at the deal's prices), or returns the
 * order already made from it, so a redelivered `opportunity.won` makes no second order.
 */
export async function orderFromOpportunity(
  ctx: OrdersContext,
  opportunityId: string,
  options: FromOpportunityOptions = {},
): Promise<OrderWithLines> {
  if (!isPlainObject(options))
    throw validationError('', 'options must be an object', 'invalid_type');
  const { scope } = ctx;
  const deals = scope.use(pipelineHandle).opportunities;
  const deal = await deals.get(opportunityId);
  if (deal.status !== 'won') {
    throw new SellkitError(
      'INVALID_STATE',
      `opportunity ${deal.id} is ${deal.status}: only a won opportunity becomes an order`,
      { model: 'opportunity', id: deal.id },
    );
  }
  return scope.transaction(async (tx) => {
    // internal: the one-order-per-deal check must see orders the actor cannot read
    const existing = await tx.internal(ordersModels(tx).salesOrder).find({
      where: { opportunityId: deal.id, source: 'opportunity' },
      limit: 1,
    });
    const found = existing.rows[0];
    if (found) return { order: found, lines: await linesOf(tx, found.id) };
    const dealLines = await tx.use(pipelineHandle).opportunities.lines(deal.id);
    const lines: DocumentLineInput[] = dealLines.map((line) => ({
      productId: line.productId,
      description: line.description,
      quantity: line.quantity,
      unitPrice: line.unitPrice.toDecimal().toFixed(),
    }));
    if (lines.length === 0 && deal.amount) {
      lines.push({
        kind: 'charge',
        description: deal.title,
        quantity: '1',
        unitPrice: deal.amount.toDecimal().toFixed(),
      });
    }
    if (lines.length === 0) {
      throw validationError(
        'lines',
        `opportunity ${deal.id} has neither lines nor an amount`,
        'required',
      );
    }
    const currency = dealLines[0]?.unitPrice.currency ?? deal.amount?.currency;
    const draft = await priceDraft(
      { ...ctx, scope: tx },
      {
        title: deal.title,
        companyId: deal.companyId,
        contactId: deal.contactId,
        opportunityId: deal.id,
        ownerId: deal.ownerId,
        ...(currency ? { currency } : {}),
        ...(deal.closeDate ? { date: deal.closeDate } : {}),
        ...options,
        lines,
      },
    );
    return insertOrder(tx, draft, { source: 'opportunity' });
  });
}

/** Changes a draft order (header fields and/or lines) and prices it again. */
export async function updateDraftOrder(
  ctx: OrdersContext,
  id: string,
  patch: Partial<DocumentInput>,
): Promise<OrderWithLines> {
  if (!isPlainObject(patch)) throw validationError('', 'a patch must be an object', 'invalid_type');
  return ctx.scope.transaction(async (tx) => {
    const current = await loadOrder(tx, id);
    if (current.order.status !== 'draft') {
      throw new SellkitError(
        'INVALID_TRANSITION',
        `order ${current.order.number} is ${current.order.status}: only a draft can change`,
        { model: 'salesOrder', id },
      );
    }
    const draft = await priceDraft(
      { ...ctx, scope: tx },
      {
        ...headerAsInput(current.order),
        externalId: current.order.externalId,
        lines: linesAsInput(current.lines),
        ...patch,
      },
    );
    const models = ordersModels(tx);
    const order = await tx.records(models.salesOrder).update(
      id,
      {
        ...draft.header,
        approvalStatus: 'not-required',
        approvalLevel: null,
        approverId: null,
        approvalExplanation: null,
      },
      { current: current.order },
    );
    const store = lineStore(tx);
    for (const line of current.lines) await store.delete(line.id, { current: line });
    const lines = await store.insert(
      draft.lines.map((line) => ({
        ...line,
        orderId: id,
        shippedQuantity: '0',
        returnedQuantity: '0',
      })),
    );
    return { order, lines };
  });
}
