import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { toDecimal } from '@sellkit/core';
import { describe, expect, it } from 'vitest';
import type { OrderImportOptions } from '../import/import-types.js';
import { type AdapterFactory, expectCode, plain, setup } from './harness.js';

/** The dirty export: a BOM, mixed and ambiguous dates, fine prices, quoted commas, names. */
export const ORDERS_EXPORT = fileURLToPath(
  new URL('../../test-fixtures/orders-export.csv', import.meta.url),
);

const OPTIONS: OrderImportOptions = {
  mapping: {
    orderId: 'Order No',
    date: 'Order Date',
    company: 'Customer',
    product: 'Item',
    quantity: 'Qty',
    unitPrice: 'Unit Price',
    discountPercent: 'Disc %',
    currency: 'Currency',
    status: 'Status',
    lineId: 'Line Ref',
  },
  dateLayouts: ['yyyy-MM-dd', 'dd/MM/yyyy', 'MM/dd/yyyy'],
};

/** The historical CSV import: counted, idempotent, nothing lost, nothing guessed. */
export function importSuite(name: string, factory: AdapterFactory): void {
  describe(`orders import (${name})`, () => {
    it('imports the dirty export with a counted report, and a re-run creates nothing', async () => {
      const h = await setup(factory);
      const progress: number[] = [];
      const report = await h.admin.orders.importOrders(ORDERS_EXPORT, {
        ...OPTIONS,
        createMissing: true,
        onProgress: (step) => progress.push(step.rows),
      });
      expect(progress.at(-1)).toBe(10);
      expect(report.total).toBe(10);
      expect(report.created + report.updated + report.unchanged + report.rejected.length).toBe(
        report.total,
      );
      expect(report.orders).toEqual({ created: 4, unchanged: 0, rejected: 3 });
      expect(report.createdCompanies).toBe(1);
      expect(report.createdProducts).toBe(1);
      const reasons = new Map(report.rejected.map((row) => [row.line, row]));
      expect(reasons.get(4)?.reason).toMatch(/ambiguous/);
      expect(reasons.get(4)?.column).toBe('Order Date');
      expect(reasons.get(5)?.reason).toMatch(/line 4 was rejected/);
      expect(reasons.get(8)?.reason).toMatch(/inactive/);
      expect(reasons.get(10)?.field).toBe('orderId');
      expect(reasons.get(11)?.reason).toMatch(/matches none/);

      const page = await h.admin.orders.salesOrders.find({
        where: { source: 'import' },
        orderBy: [{ field: 'externalId', direction: 'asc' }],
      });
      expect(page.rows.map((o) => [o.externalId, o.status, o.documentDate])).toEqual([
        ['H-1001', 'delivered', '2024-03-05'],
        ['H-1002', 'closed', '2024-04-25'],
        ['H-1004', 'shipped', '2024-06-10'],
        ['H-1006', 'confirmed', '2024-12-31'],
      ]);
      const [h1001, h1002, h1004, h1006] = page.rows;
      expect(h1001?.companyId).toBe(h.company.id);
      expect(h1002?.companyId).toBe(h.company.id);
      const lines1001 = await h.admin.orders.salesOrders.lines(h1001?.id ?? '');
      expect(lines1001.map((l) => [l.externalId, l.net.toString()])).toEqual([
        ['H-1001-1', '2400.00'],
        ['H-1001-2', '134.90'],
      ]);
      expect(plain(lines1001[0]?.shippedQuantity)).toBe('2');
      const [fine] = await h.admin.orders.salesOrders.lines(h1002?.id ?? '');
      expect(plain(fine?.unitPrice)).toBe('0.0045');
      expect(plain(fine?.quantity)).toBe('1000');
      expect(fine?.net.toString()).toBe('4.05');
      const [widget] = await h.admin.orders.salesOrders.lines(h1004?.id ?? '');
      expect(plain(widget?.unitPrice)).toBe('1234.5678');
      expect(widget?.net.toString()).toBe('3703.70');
      const acme = await h.admin.customers.companies.get(h1004?.companyId ?? '');
      expect(acme.name).toBe('Acme, Inc.');
      // 1 × 1150.125 rounds half-even to 1150.12; the unit price keeps its decimals.
      expect(h1006?.net.toString()).toBe('1150.12');
      expect(h1006?.confirmedAt).not.toBeNull();

      const again = await h.admin.orders.importOrders(ORDERS_EXPORT, {
        ...OPTIONS,
        createMissing: true,
      });
      expect(again.orders).toEqual({ created: 0, unchanged: 4, rejected: 3 });
      expect(again.unchanged).toBe(5);
      expect(again.created).toBe(0);
      expect(again.createdCompanies + again.createdProducts).toBe(0);
      expect(await h.admin.orders.salesOrders.count({ source: 'import' })).toBe(4);
    });

    it('rejects unknown names without createMissing, and a dry run writes nothing', async () => {
      const h = await setup(factory);
      const report = await h.admin.orders.importOrders(ORDERS_EXPORT, {
        ...OPTIONS,
        dryRun: true,
      });
      expect(report.dryRun).toBe(true);
      expect(report.orders).toEqual({ created: 3, unchanged: 0, rejected: 4 });
      const unknown = report.rejected.find((row) => row.line === 6);
      expect(unknown?.reason).toMatch(/Acme, Inc\./);
      expect(unknown?.column).toBe('Customer');
      expect(await h.admin.orders.salesOrders.count()).toBe(0);
      expect(await h.admin.customers.companies.count()).toBe(1);
    });

    it('reads a stream, numbers orders in a row, and reports them by state, month and product', async () => {
      const h = await setup(factory);
      const csv = [
        'id,date,item,qty,price',
        'A-1,2026-01-05,Pump P-200,2,1000.5',
        'A-1,2026-01-05,Valve V-10,10,3.333',
        'A-2,2026-02-10,Pump P-200,1,999.99',
      ].join('\n');
      const report = await h.admin.orders.importOrders(Readable.from([csv]), {
        mapping: {
          orderId: 'id',
          date: 'date',
          product: 'item',
          quantity: 'qty',
          unitPrice: 'price',
        },
      });
      expect(report.orders.created).toBe(2);
      const { order } = await h.admin.orders.salesOrders.create({
        lines: [{ productId: h.products.valve.id, quantity: '1' }],
      });
      expect(order.number).toBe('SO-000003');
      const states = await h.admin.orders.reports.byState();
      expect(states.map((row) => [row.status, row.orders, row.gross.toString()])).toEqual([
        ['draft', 1, '35.50'],
        ['closed', 2, '3034.32'],
      ]);
      const months = await h.admin.orders.reports.byMonth();
      expect(months.map((row) => [row.month, row.orders, row.net.toString()])).toEqual([
        ['2026-01', 1, '2034.33'],
        ['2026-02', 1, '999.99'],
      ]);
      const products = await h.admin.orders.reports.byProduct({ from: '2026-01-01' });
      expect(
        products.map((row) => [
          row.sku,
          row.lines,
          toDecimal(row.quantity).toFixed(),
          row.net.toString(),
        ]),
      ).toEqual([
        ['P-200', 2, '3', '3000.99'],
        ['V-10', 1, '10', '33.33'],
      ]);
      await expectCode(h.admin.orders.reports.byMonth({ from: '2026-13-01' }), 'VALIDATION_FAILED');
    });

    it('refuses a mapping without the required fields', async () => {
      const h = await setup(factory);
      await expectCode(
        h.admin.orders.importOrders(ORDERS_EXPORT, { mapping: { orderId: 'Order No' } }),
        'VALIDATION_FAILED',
      );
      await expectCode(
        h.admin.orders.importOrders(ORDERS_EXPORT, {
          mapping: { ...OPTIONS.mapping, colour: 'x' } as OrderImportOptions['mapping'],
        }),
        'VALIDATION_FAILED',
      );
    });
  });
}
