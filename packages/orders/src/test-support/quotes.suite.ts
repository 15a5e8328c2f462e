import { describe, expect, it } from 'vitest';
import { type AdapterFactory, expectCode, plain, setup } from './harness.js';

/** Quotes: versions, sent / accepted / rejected / expired, and the order an acceptance makes. */
export function quotesSuite(name: string, factory: AdapterFactory): void {
  describe(`quotes (${name})`, () => {
    it('sends, revises (keeping the old version) and accepts a quote into an order', async () => {
      const h = await setup(factory);
      const quotes = h.rep1.orders.quotes;
      const { quote, lines } = await quotes.create({
        companyId: h.company.id,
        title: 'Pumps for Tianjin',
        lines: [{ productId: h.products.pump.id, quantity: '2', discount: { percent: '5' } }],
      });
      expect(quote.number).toBe('Q-000001');
      expect(quote.revision).toBe(1);
      expect(quote.validUntil).toBe('2026-04-01');
      expect(lines[0]?.net.toString()).toBe('2280.00');
      await quotes.send(quote.id);
      const revised = await quotes.revise(quote.id, {
        lines: [{ productId: h.products.pump.id, quantity: '3', discount: { percent: '8' } }],
      });
      expect(revised.quote.number).toBe('Q-000001');
      expect(revised.quote.revision).toBe(2);
      expect(revised.quote.previousId).toBe(quote.id);
      expect(revised.quote.status).toBe('draft');
      const versions = await quotes.versions('Q-000001');
      expect(versions.map((version) => [version.revision, version.status])).toEqual([
        [1, 'superseded'],
        [2, 'draft'],
      ]);
      await expectCode(quotes.accept(revised.quote.id), 'INVALID_TRANSITION');
      await quotes.send(revised.quote.id);
      const { quote: accepted, order } = await quotes.accept(revised.quote.id, { note: 'PO 4711' });
      expect(accepted.status).toBe('accepted');
      expect(accepted.orderId).toBe(order.order.id);
      expect(order.order.source).toBe('quote');
      expect(order.order.quoteId).toBe(revised.quote.id);
      expect(order.order.status).toBe('draft');
      expect(order.order.gross.equals(revised.quote.gross)).toBe(true);
      expect(order.lines.map((line) => plain(line.quantity))).toEqual(['3']);
      await expectCode(quotes.revise(accepted.id, {}), 'INVALID_TRANSITION');
      await expectCode(quotes.accept(accepted.id), 'INVALID_TRANSITION');
    });

    it('records a rejection and expires quotes past their date', async () => {
      const h = await setup(factory);
      const quotes = h.rep1.orders.quotes;
      const line = { productId: h.products.valve.id, quantity: '1' };
      const a = await quotes.create({ lines: [line] });
      const b = await quotes.create({ lines: [line], validUntil: '2026-03-05' });
      const c = await quotes.create({ lines: [line], validUntil: '2026-03-05' });
      await quotes.send(a.quote.id);
      const rejected = await quotes.reject(a.quote.id, { reason: 'too expensive' });
      expect(rejected.status).toBe('rejected');
      expect(rejected.decisionNote).toBe('too expensive');
      await quotes.send(b.quote.id);
      h.clock.set('2026-03-06T09:00:00.000Z');
      await expectCode(quotes.accept(b.quote.id), 'INVALID_TRANSITION');
      expect(await quotes.expireDue()).toBe(2);
      expect((await quotes.get(b.quote.id)).status).toBe('expired');
      expect((await quotes.get(c.quote.id)).status).toBe('expired');
      const renewed = await quotes.revise(b.quote.id, {
        validUntil: '2026-03-31',
        date: '2026-03-06',
      });
      expect(renewed.quote.revision).toBe(2);
      expect(renewed.quote.validUntil).toBe('2026-03-31');
    });

    it('refuses a validity before the quote date and bad lines, writing nothing', async () => {
      const h = await setup(factory);
      const quotes = h.rep1.orders.quotes;
      await expectCode(
        quotes.create({
          validUntil: '2026-03-01',
          lines: [{ productId: h.products.valve.id, quantity: '1' }],
        }),
        'VALIDATION_FAILED',
        'validUntil',
      );
      await expectCode(
        quotes.create({ lines: [{ productId: h.products.valve.id, quantity: '-2' }] }),
        'VALIDATION_FAILED',
        'lines.0.quantity',
      );
      expect((await quotes.find()).rows).toEqual([]);
    });

    it('quotes an opportunity at its line prices', async () => {
      const h = await setup(factory);
      const deal = await h.rep1.pipeline.opportunities.create({
        title: 'Cancity pumps',
        companyId: h.company.id,
        lines: [
          {
            productId: h.products.pump.id,
            quantity: '4',
            unitPrice: { amount: '1100', currency: 'CNY' },
          },
        ],
      });
      const { quote, lines } = await h.rep1.orders.quotes.fromOpportunity(deal.id);
      expect(quote.opportunityId).toBe(deal.id);
      expect(plain(lines[0]?.unitPrice)).toBe('1100');
      expect(quote.net.toString()).toBe('4400.00');
    });
  });
}
