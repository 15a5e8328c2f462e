import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Money } from '@sellkit/core';
import { describe, expect, it } from 'vitest';
import { type AdapterFactory, CATALOG_MANAGER, expectCode, MAVEN_DIR, setup } from './harness.js';

const usd = (amount: string) => Money.of(amount, 'USD');

/** The catalog's service tests, run per adapter. */
export function catalogSuite(name: string, factory: AdapterFactory): void {
  describe(`catalog on ${name}`, () => {
    it('creates products, derives SKUs and keys, and reads them back', async () => {
      const { admin, rep } = await setup(factory);
      const pro = await admin.catalog.products.create({
        name: 'GTX Pro',
        series: 'GTX',
        listPrice: usd('4821'),
      });
      expect(pro.sku).toBe('GTX-PRO');
      expect(pro.nameKey).toBe('gtx pro');
      expect(pro.unit).toBe('unit');
      expect(pro.active).toBe(true);
      expect(pro.listPrice.equals(usd('4821.00'))).toBe(true);
      const explicit = await admin.catalog.products.create({
        sku: 'mg-sp',
        name: 'MG Special',
        listPrice: { amount: '55', currency: 'USD' },
        unit: 'box',
      });
      expect(explicit.sku).toBe('mg-sp');
      // Reference data: every actor of the tenant reads the catalog.
      expect((await rep.catalog.products.get(pro.id)).name).toBe('GTX Pro');
      expect((await rep.catalog.products.find()).rows.map((row) => row.sku)).toEqual([
        'GTX-PRO',
        'mg-sp',
      ]);
      expect(await rep.catalog.products.count({ series: 'GTX' })).toBe(1);
    });

    it('keeps writes for admins and catalog managers', async () => {
      const { crm, rep } = await setup(factory);
      await expectCode(
        rep.catalog.products.create({ name: 'X', listPrice: usd('1') }),
        'FORBIDDEN',
      );
      const manager = crm.as(CATALOG_MANAGER);
      const created = await manager.catalog.products.create({ name: 'X', listPrice: usd('1') });
      await expectCode(rep.catalog.products.update(created.id, { name: 'Y' }), 'FORBIDDEN');
      expect((await manager.catalog.products.update(created.id, { name: 'Y' })).name).toBe('Y');
    });

    it('refuses duplicates of a name, SKU or alias, case-insensitively', async () => {
      const { admin } = await setup(factory);
      const pro = await admin.catalog.products.create({ name: 'GTX Pro', listPrice: usd('4821') });
      await expectCode(
        admin.catalog.products.create({ name: 'gtx  PRO', listPrice: usd('1') }),
        'CONFLICT',
      );
      await expectCode(
        admin.catalog.products.create({ sku: 'gtx-pro', name: 'Other', listPrice: usd('1') }),
        'CONFLICT',
      );
      await admin.catalog.aliases.add(pro.id, 'GTXPro');
      await expectCode(
        admin.catalog.products.create({ name: 'gtxpro', listPrice: usd('1') }),
        'CONFLICT',
      );
      await expectCode(admin.catalog.aliases.add(pro.id, 'GTX Pro'), 'CONFLICT');
      expect(await admin.catalog.products.count()).toBe(1);
    });

    it('validates input with field paths and writes nothing on error', async () => {
      const { admin } = await setup(factory);
      const missing = await expectCode(
        admin.catalog.products.create({ name: '  ' } as never),
        'VALIDATION_FAILED',
      );
      expect(missing.details.issues?.map((issue) => issue.path)).toEqual(
        expect.arrayContaining(['name', 'listPrice']),
      );
      await expectCode(
        admin.catalog.products.create({ name: 'A', listPrice: usd('1'), skuKey: 'x' } as never),
        'VALIDATION_FAILED',
      );
      await expectCode(
        admin.catalog.products.create({ name: 'A', listPrice: { amount: 'abc', currency: 'USD' } }),
        'VALIDATION_FAILED',
      );
      await expectCode(
        admin.catalog.products.create({ name: 'A', listPrice: usd('1'), bogus: 1 } as never),
        'VALIDATION_FAILED',
      );
      await expectCode(admin.catalog.products.create(null as never), 'VALIDATION_FAILED');
      await expectCode(
        admin.catalog.products.create({ name: 42, listPrice: usd('1') } as never),
        'VALIDATION_FAILED',
      );
      expect(await admin.catalog.products.count()).toBe(0);
    });

    it('refuses a list price in another currency than the price list', async () => {
      const { admin } = await setup(factory, { currency: 'USD' });
      await expectCode(
        admin.catalog.products.create({ name: 'GTX Pro', listPrice: Money.of('4821', 'EUR') }),
        'CURRENCY_MISMATCH',
      );
      const pro = await admin.catalog.products.create({ name: 'GTX Pro', listPrice: usd('4821') });
      await expectCode(
        admin.catalog.products.update(pro.id, { listPrice: Money.of('1', 'EUR') }),
        'CURRENCY_MISMATCH',
      );
      expect((await admin.catalog.products.get(pro.id)).listPrice.currency).toBe('USD');
    });

    it('resolves names, SKUs and aliases, normalised, one query batch for many', async () => {
      const { admin, rep } = await setup(factory);
      const pro = await admin.catalog.products.create({ name: 'GTX Pro', listPrice: usd('4821') });
      const basic = await admin.catalog.products.create({
        sku: 'GB-1',
        name: 'GTX Basic',
        listPrice: usd('550'),
      });
      await admin.catalog.aliases.add(pro.id, 'GTXPro');
      expect((await rep.catalog.products.resolve('  gtx   pro '))?.id).toBe(pro.id);
      expect((await rep.catalog.products.resolve('GTXPRO'))?.id).toBe(pro.id);
      expect((await rep.catalog.products.resolve('gb-1'))?.id).toBe(basic.id);
      expect(await rep.catalog.products.resolve('GTX Ultra')).toBeNull();
      expect(await rep.catalog.products.resolve('')).toBeNull();
      await expectCode(rep.catalog.products.require('GTX Ultra'), 'NOT_FOUND');
      await expectCode(rep.catalog.products.resolve(7 as never), 'VALIDATION_FAILED');
      const many = await rep.catalog.products.resolveMany([
        'GTXPro',
        'GTX Basic',
        'nope',
        'GTXPro',
      ]);
      expect([...many.entries()].map(([key, value]) => [key, value?.name ?? null])).toEqual([
        ['GTXPro', 'GTX Pro'],
        ['GTX Basic', 'GTX Basic'],
        ['nope', null],
      ]);
      expect((await rep.catalog.aliases.list(pro.id)).map((alias) => alias.alias)).toEqual([
        'GTXPro',
      ]);
      await admin.catalog.aliases.remove('gtxpro');
      expect(await rep.catalog.products.resolve('GTXPro')).toBeNull();
      await expectCode(admin.catalog.aliases.remove('gtxpro'), 'NOT_FOUND');
      await expectCode(admin.catalog.aliases.add('prd_missing', 'x'), 'NOT_FOUND');
    });

    it('deactivates and reactivates, emitting events after commit', async () => {
      const { crm, admin } = await setup(factory);
      const seen: string[] = [];
      crm.events.on('product.created', (event) => {
        seen.push(`created ${event.product.sku}`);
      });
      crm.events.on('product.updated', (event) => {
        seen.push(`updated ${event.changed.join(',')}`);
      });
      const pro = await admin.catalog.products.create({ name: 'GTX Pro', listPrice: usd('4821') });
      expect((await admin.catalog.products.deactivate(pro.id)).active).toBe(false);
      expect((await admin.catalog.products.activate(pro.id)).active).toBe(true);
      await crm.events.idle();
      expect(seen).toEqual(['created GTX-PRO', 'updated active', 'updated active']);
      const history = await admin.audit.history('product', pro.id);
      expect(history.map((entry) => entry.action)).toEqual(['create', 'update', 'update']);
    });

    it('imports products.csv of Maven CRM: 7 products in USD, idempotently', async () => {
      const { admin } = await setup(factory);
      const progress: number[] = [];
      const report = await admin.catalog.importProducts(join(MAVEN_DIR, 'products.csv'), {
        currency: 'USD',
        onProgress: (state) => progress.push(state.rows),
      });
      expect(report).toMatchObject({
        total: 7,
        created: 7,
        updated: 0,
        unchanged: 0,
        rejected: [],
      });
      expect(progress.at(-1)).toBe(7);
      const gtk = await admin.catalog.products.require('GTK 500');
      expect(gtk.listPrice.equals(usd('26768'))).toBe(true);
      expect(gtk.series).toBe('GTK');
      expect(gtk.sku).toBe('GTK-500');
      const again = await admin.catalog.importProducts(join(MAVEN_DIR, 'products.csv'), {
        currency: 'USD',
      });
      expect(again).toMatchObject({ total: 7, created: 0, updated: 0, unchanged: 7 });
    });

    it('imports row by row: bad rows are rejected with their line, a dry run writes nothing', async () => {
      const { admin } = await setup(factory);
      const csv = 'product,series,sales_price\nA,S,10\n,S,5\nB,S,abc\nC,S,\nD,S,7.5\n';
      const dry = await admin.catalog.importProducts(Readable.from([csv]), {
        currency: 'USD',
        dryRun: true,
      });
      expect(dry).toMatchObject({
        total: 5,
        created: 2,
        rejected: [{ line: 3 }, { line: 4 }, { line: 5 }],
      });
      expect(await admin.catalog.products.count()).toBe(0);
      const real = await admin.catalog.importProducts(Readable.from([csv]), { currency: 'USD' });
      expect(real.created).toBe(2);
      expect(real.rejected.map((row) => row.field)).toEqual([
        'name',
        'listPrice.amount',
        'listPrice',
      ]);
      expect((await admin.catalog.products.require('D')).listPrice.toString()).toBe('7.50');
      await expectCode(admin.catalog.importProducts(Readable.from([csv])), 'VALIDATION_FAILED');
      await expectCode(
        admin.catalog.importProducts(Readable.from(['name,price\nA,1\n']), { currency: 'USD' }),
        'VALIDATION_FAILED',
      );
    });
  });
}
