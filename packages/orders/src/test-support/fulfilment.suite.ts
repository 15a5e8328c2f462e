import type { OutboxMessage } from '@sellkit/core';
import { describe, expect, it } from 'vitest';
import type { WarehouseOrder } from '../events.js';
import { type AdapterFactory, expectCode, plain, setup } from './harness.js';

async function confirmedOrder(factory: AdapterFactory) {
  const h = await setup(factory, { outbox: true });
  const { order, lines } = await h.rep1.orders.salesOrders.create({
    companyId: h.company.id,
    externalId: 'ERP-SO-9',
    lines: [
      { productId: h.products.pump.id, quantity: '5', externalId: 'ERP-L-1' },
      { productId: h.products.valve.id, quantity: '2.5' },
    ],
  });
  await h.rep1.orders.salesOrders.confirm(order.id);
  const [pump, valve] = lines;
  if (!pump || !valve) throw new Error('two lines expected');
  return { ...h, order, pump, valve };
}

async function drained(h: Awaited<ReturnType<typeof setup>>): Promise<OutboxMessage[]> {
  const messages: OutboxMessage[] = [];
  await h.admin.outbox.drain(async (message) => {
    messages.push(message);
  });
  return messages.filter((message) => message.event.startsWith('order.'));
}

/** Fulfilment: partial shipments per line, returns, forbidden moves, warehouse events. */
export function fulfilmentSuite(name: string, factory: AdapterFactory): void {
  describe(`fulfilment (${name})`, () => {
    it('ships in parts, delivers and closes, telling the warehouse through the outbox', async () => {
      const h = await confirmedOrder(factory);
      const sales = h.rep1.orders.salesOrders;
      const seen: WarehouseOrder[] = [];
      h.crm.events.on('order.shipped', (event) => {
        seen.push(event);
      });
      const partial = await sales.ship(h.order.id, {
        reference: 'WH-1',
        lines: [{ lineId: h.pump.id, quantity: '3' }],
      });
      expect(partial.status).toBe('partially-shipped');
      // The same report again changes nothing.
      await sales.ship(h.order.id, {
        reference: 'WH-1',
        lines: [{ lineId: h.pump.id, quantity: '3' }],
      });
      const shipped = await sales.ship(h.order.id, {
        reference: 'WH-2',
        lines: [
          { lineId: h.pump.id, quantity: '2' },
          { lineId: h.valve.id, quantity: '2.5' },
        ],
      });
      expect(shipped.status).toBe('shipped');
      expect((await sales.lines(h.order.id)).map((line) => plain(line.shippedQuantity))).toEqual([
        '5',
        '2.5',
      ]);
      expect(seen).toHaveLength(2);
      expect((await sales.deliver(h.order.id)).status).toBe('delivered');
      expect((await sales.close(h.order.id)).status).toBe('closed');
      expect((await sales.movements(h.order.id)).map((movement) => movement.reference)).toEqual([
        'WH-1',
        'WH-2',
      ]);

      const events = await drained(h);
      expect(events.map((message) => message.event)).toEqual([
        'order.created',
        'order.confirmed',
        'order.shipped',
        'order.shipped',
        'order.delivered',
        'order.closed',
      ]);
      const confirmed = events[1]?.payload as WarehouseOrder;
      expect(confirmed).toMatchObject({
        number: h.order.number,
        externalId: 'ERP-SO-9',
        companyExternalId: 'ERP-C-1',
        currency: 'CNY',
        shippingAddress: { city: '天津' },
        totals: { gross: '6088.75' },
      });
      expect(confirmed.lines.map((line) => [line.sku, line.quantity, line.externalId])).toEqual([
        ['P-200', '5', 'ERP-L-1'],
        ['V-10', '2.5', null],
      ]);
      const first = events[2]?.payload as { shipment: { complete: boolean; lines: unknown[] } };
      expect(first.shipment).toMatchObject({
        complete: false,
        lines: [{ lineId: h.pump.id, quantity: '3' }],
      });
    });

    it('refuses shipping more than was ordered, writing nothing', async () => {
      const h = await confirmedOrder(factory);
      const sales = h.rep1.orders.salesOrders;
      await sales.ship(h.order.id, { lines: [{ lineId: h.pump.id, quantity: '4' }] });
      await expectCode(
        sales.ship(h.order.id, {
          lines: [
            { lineId: h.valve.id, quantity: '1' },
            { lineId: h.pump.id, quantity: '1.5' },
          ],
        }),
        'VALIDATION_FAILED',
        'lines.1.quantity',
      );
      await expectCode(
        sales.ship(h.order.id, { lines: [{ lineId: h.pump.id, quantity: '-1' }] }),
        'VALIDATION_FAILED',
      );
      await expectCode(
        sales.ship(h.order.id, { lines: [{ lineId: 'orl_nope', quantity: '1' }] }),
        'VALIDATION_FAILED',
      );
      expect((await sales.lines(h.order.id)).map((line) => plain(line.shippedQuantity))).toEqual([
        '4',
        '0',
      ]);
      expect((await sales.get(h.order.id)).status).toBe('partially-shipped');
      expect(await sales.movements(h.order.id)).toHaveLength(1);
    });

    it('takes returns up to what was shipped', async () => {
      const h = await confirmedOrder(factory);
      const sales = h.rep1.orders.salesOrders;
      await expectCode(
        sales.recordReturn(h.order.id, { lines: [{ lineId: h.pump.id, quantity: '1' }] }),
        'INVALID_TRANSITION',
      );
      await sales.ship(h.order.id, { lines: [{ lineId: h.pump.id, quantity: '2' }] });
      await sales.recordReturn(h.order.id, {
        reference: 'RMA-1',
        lines: [{ lineId: h.pump.id, quantity: '1' }],
      });
      await expectCode(
        sales.recordReturn(h.order.id, { lines: [{ lineId: h.pump.id, quantity: '1.5' }] }),
        'VALIDATION_FAILED',
        'lines.0.quantity',
      );
      const [pump] = await sales.lines(h.order.id);
      expect([plain(pump?.shippedQuantity), plain(pump?.returnedQuantity)]).toEqual(['2', '1']);
    });

    it('refuses forbidden moves with INVALID_TRANSITION', async () => {
      const h = await setup(factory);
      const sales = h.rep1.orders.salesOrders;
      const { order, lines } = await sales.create({
        lines: [{ productId: h.products.valve.id, quantity: '1' }],
      });
      const lineId = lines[0]?.id ?? '';
      await expectCode(
        sales.ship(order.id, { lines: [{ lineId, quantity: '1' }] }),
        'INVALID_TRANSITION',
      );
      await expectCode(sales.deliver(order.id), 'INVALID_TRANSITION');
      await expectCode(sales.close(order.id), 'INVALID_TRANSITION');
      await sales.confirm(order.id);
      await expectCode(sales.confirm(order.id), 'INVALID_TRANSITION');
      await expectCode(sales.deliver(order.id), 'INVALID_TRANSITION');
      await sales.ship(order.id, { lines: [{ lineId, quantity: '1' }] });
      await expectCode(sales.cancel(order.id), 'INVALID_TRANSITION');
      await sales.deliver(order.id);
      await sales.close(order.id);
      await expectCode(sales.cancel(order.id), 'INVALID_TRANSITION');
      expect((await sales.get(order.id)).status).toBe('closed');
    });

    it('cancels a confirmed order with a reason the warehouse receives', async () => {
      const h = await confirmedOrder(factory);
      const cancelled = await h.rep1.orders.salesOrders.cancel(h.order.id, {
        reason: 'customer withdrew',
      });
      expect(cancelled.status).toBe('cancelled');
      expect(cancelled.cancelReason).toBe('customer withdrew');
      const events = await drained(h);
      const last = events.at(-1);
      expect(last?.event).toBe('order.cancelled');
      expect(last?.payload).toMatchObject({
        reason: 'customer withdrew',
        lines: [{ quantity: '5' }, { quantity: '2.5' }],
      });
    });
  });
}
