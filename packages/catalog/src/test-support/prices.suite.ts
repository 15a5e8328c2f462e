import { describe, expect, it } from 'vitest';
import { type AdapterFactory, CATALOG_MANAGER, expectCode, setup } from './harness.js';

async function world(factory: AdapterFactory) {
  const context = await setup(factory);
  const { admin } = context;
  const screw = await admin.catalog.products.create({
    name: 'Screw M4',
    unit: 'unit',
    listPrice: { amount: '0.01', currency: 'EUR' },
  });
  const drill = await admin.catalog.products.create({
    name: 'Drill',
    listPrice: { amount: '89.00', currency: 'EUR' },
  });
  const general = await admin.catalog.priceLists.create({ name: 'General EUR', currency: 'EUR' });
  const wholesale = await admin.catalog.priceLists.create({
    name: 'Wholesale 2026',
    currency: 'EUR',
    customerGroup: 'wholesale',
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
  });
  const acme = await admin.catalog.priceLists.create({
    name: 'ACME contract',
    currency: 'EUR',
    companyId: 'cmp_acme',
    pricesIncludeTax: true,
  });
  const cny = await admin.catalog.priceLists.create({ name: 'China', currency: 'CNY' });
  await admin.catalog.priceLists.addItems(general.id, [
    { productId: screw.id, unitPrice: '0.008' },
  ]);
  await admin.catalog.priceLists.addItems(wholesale.id, [
    { productId: screw.id, unitPrice: '0.0050' },
    { productId: screw.id, unitPrice: '0.0045', minQuantity: '1000' },
    { productId: screw.id, unitPrice: '0.004', minQuantity: '10000', unit: 'unit' },
  ]);
  await admin.catalog.priceLists.addItems(acme.id, [
    { productId: drill.id, unitPrice: '79.90', validFrom: '2026-04-01' },
  ]);
  await admin.catalog.priceLists.addItems(cny.id, [{ productId: screw.id, unitPrice: '0.05' }]);
  return { ...context, screw, drill, general, wholesale, acme, cny };
}

/** Price lists, quantity breaks and `prices.priceFor`, run per adapter. */
export function pricesSuite(name: string, factory: AdapterFactory): void {
  describe(`catalog price lists on ${name}`, () => {
    it('picks the company list, then the group list, then a general one, with quantity breaks', async () => {
      const { rep, screw, drill, general, wholesale, acme } = await world(factory);
      const price = (query: Partial<Parameters<typeof rep.catalog.prices.priceFor>[0]>) =>
        rep.catalog.prices.priceFor({
          productId: screw.id,
          currency: 'EUR',
          quantity: '1',
          on: '2026-03-02',
          ...query,
        });
      expect(await price({})).toEqual({
        unitPrice: '0.008',
        priceListId: general.id,
        pricesIncludeTax: false,
        unit: 'unit',
      });
      const group = { customerGroup: 'wholesale' };
      expect((await price({ ...group, quantity: '999' })).unitPrice).toBe('0.005');
      expect((await price({ ...group, quantity: '1000' })).unitPrice).toBe('0.0045');
      expect((await price({ ...group, quantity: '9999.5' })).unitPrice).toBe('0.0045');
      expect(await price({ ...group, quantity: '10000' })).toMatchObject({
        unitPrice: '0.004',
        priceListId: wholesale.id,
      });
      // the wholesale list has ended: the general list answers
      expect((await price({ ...group, quantity: '1000', on: '2027-01-01' })).priceListId).toBe(
        general.id,
      );
      // the ACME list has no screws: the next list down answers
      expect((await price({ companyId: 'cmp_acme', quantity: '1000' })).priceListId).toBe(
        general.id,
      );
      const drillPrice = (on: string) =>
        rep.catalog.prices.priceFor({
          productId: drill.id,
          currency: 'EUR',
          quantity: '2',
          on,
          companyId: 'cmp_acme',
        });
      // before the ACME item starts, no list prices the drill: the list price
      expect(await drillPrice('2026-03-31')).toEqual({
        unitPrice: '89.00',
        priceListId: null,
        pricesIncludeTax: false,
        unit: 'unit',
      });
      expect(await drillPrice('2026-04-01')).toEqual({
        unitPrice: '79.90',
        priceListId: acme.id,
        pricesIncludeTax: true,
        unit: 'unit',
      });
    });

    it('orders lists of one rank by priority and prices from one list on request', async () => {
      const { admin, rep, screw, general, cny } = await world(factory);
      const promo = await admin.catalog.priceLists.create({
        name: 'Promo',
        currency: 'EUR',
        priority: 10,
      });
      await admin.catalog.priceLists.addItems(promo.id, [
        { productId: screw.id, unitPrice: '0.006' },
      ]);
      const query = { productId: screw.id, currency: 'EUR', quantity: '1', on: '2026-03-02' };
      expect((await rep.catalog.prices.priceFor(query)).priceListId).toBe(promo.id);
      expect(
        (await rep.catalog.prices.priceFor({ ...query, priceListId: general.id })).unitPrice,
      ).toBe('0.008');
      expect(await rep.catalog.prices.priceFor({ ...query, currency: 'CNY' })).toMatchObject({
        unitPrice: '0.05',
        priceListId: cny.id,
      });
      await admin.catalog.priceLists.update(promo.id, { active: false });
      expect((await rep.catalog.prices.priceFor(query)).priceListId).toBe(general.id);
      // A list asked for by name must apply: never a silent price from another one.
      await expectCode(
        rep.catalog.prices.priceFor({ ...query, priceListId: promo.id }),
        'INVALID_STATE',
      );
    });

    it('refuses a list in another currency, an inactive product and bad queries', async () => {
      const { admin, rep, screw, drill, cny } = await world(factory);
      const query = { productId: screw.id, currency: 'EUR', quantity: '1', on: '2026-03-02' };
      await expectCode(
        rep.catalog.prices.priceFor({ ...query, priceListId: cny.id }),
        'CURRENCY_MISMATCH',
      );
      // no USD list and a EUR list price
      await expectCode(
        rep.catalog.prices.priceFor({ ...query, currency: 'USD' }),
        'CURRENCY_MISMATCH',
      );
      await admin.catalog.products.deactivate(drill.id);
      await expectCode(
        rep.catalog.prices.priceFor({ ...query, productId: drill.id }),
        'INVALID_STATE',
      );
      await expectCode(
        rep.catalog.prices.priceFor({ ...query, productId: 'prd_nope' }),
        'NOT_FOUND',
      );
      await expectCode(
        rep.catalog.prices.priceFor({ ...query, priceListId: 'prl_nope' }),
        'NOT_FOUND',
      );
      for (const bad of [
        { quantity: '-1' },
        { quantity: '0' },
        { quantity: 'many' },
        { on: '2026-13-01' },
        { currency: 'XYZ' },
      ]) {
        await expectCode(rep.catalog.prices.priceFor({ ...query, ...bad }), 'VALIDATION_FAILED');
      }
    });

    it('validates lists and items, writes all items or none, and keeps writes for managers', async () => {
      const { admin, rep, crm, screw, wholesale, general } = await world(factory);
      await expectCode(
        admin.catalog.priceLists.create({ name: 'X', currency: 'EURO' }),
        'VALIDATION_FAILED',
      );
      await expectCode(
        admin.catalog.priceLists.create({
          name: 'X',
          currency: 'EUR',
          companyId: 'c',
          customerGroup: 'g',
        }),
        'VALIDATION_FAILED',
      );
      await expectCode(
        admin.catalog.priceLists.create({
          name: 'X',
          currency: 'EUR',
          validFrom: '2026-02-01',
          validTo: '2026-01-31',
        }),
        'VALIDATION_FAILED',
      );
      await expectCode(
        admin.catalog.priceLists.create({ name: 'General EUR', currency: 'EUR' }),
        'CONFLICT',
      );
      await expectCode(
        admin.catalog.priceLists.update(general.id, { currency: 'USD' } as never),
        'VALIDATION_FAILED',
      );
      const before = (await admin.catalog.priceLists.items(wholesale.id)).length;
      await expectCode(
        admin.catalog.priceLists.addItems(wholesale.id, [
          { productId: screw.id, unitPrice: '0.003', minQuantity: '50000' },
          { productId: screw.id, unitPrice: '0.0044', minQuantity: '1000.0' },
        ]),
        'CONFLICT',
      );
      await expectCode(
        admin.catalog.priceLists.addItems(wholesale.id, [{ productId: screw.id, unitPrice: '-1' }]),
        'VALIDATION_FAILED',
      );
      await expectCode(
        admin.catalog.priceLists.addItems(wholesale.id, [
          { productId: 'prd_nope', unitPrice: '1' },
        ]),
        'NOT_FOUND',
      );
      expect((await admin.catalog.priceLists.items(wholesale.id)).length).toBe(before);
      await expectCode(
        rep.catalog.priceLists.create({ name: 'Mine', currency: 'EUR' }),
        'FORBIDDEN',
      );
      const manager = crm.as(CATALOG_MANAGER);
      const [item] = await manager.catalog.priceLists.addItems(wholesale.id, [
        { productId: screw.id, unitPrice: '0.0035', minQuantity: '50000' },
      ]);
      expect(item?.unitPrice).toMatch(/^0\.00350*$/);
      if (item) await manager.catalog.priceLists.removeItem(item.id);
      expect(
        (await rep.catalog.priceLists.items(wholesale.id, screw.id)).map((i) => i.minQuantity),
      ).toHaveLength(3);
      expect(
        (await rep.catalog.priceLists.find({ where: { currency: 'EUR' } })).rows.map((l) => l.name),
      ).toEqual(['ACME contract', 'General EUR', 'Wholesale 2026']);
    });
  });
}
