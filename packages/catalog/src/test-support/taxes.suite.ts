import { describe, expect, it } from 'vitest';
import { VAT_SEED } from '../taxes/tax-seed.js';
import { type AdapterFactory, CATALOG_MANAGER, expectCode, setup } from './harness.js';

/** Tax categories, rates per jurisdiction and date, and units, run per adapter. */
export function taxesSuite(name: string, factory: AdapterFactory): void {
  describe(`catalog taxes and units on ${name}`, () => {
    it('seeds China and Germany VAT idempotently and answers rates per jurisdiction and date', async () => {
      const { admin, rep } = await setup(factory);
      expect(await admin.catalog.taxes.seed(VAT_SEED)).toEqual({
        categoriesCreated: 5,
        ratesCreated: 18,
      });
      expect(await admin.catalog.taxes.seed(VAT_SEED)).toEqual({
        categoriesCreated: 0,
        ratesCreated: 0,
      });
      const taxes = rep.catalog.taxes;
      expect((await taxes.listCategories()).map((c) => c.code)).toEqual([
        'exempt',
        'reduced',
        'services',
        'standard',
        'zero-rated',
      ]);
      const standard = await taxes.getCategory('standard');
      const reduced = await taxes.getCategory('reduced');
      const services = await taxes.getCategory('services');
      const rate = async (categoryId: string, jurisdiction: string, on: string) =>
        (await taxes.rateFor({ taxCategoryId: categoryId, jurisdiction, on })).rate;
      expect(await rate(standard.id, 'CN', '2026-03-01')).toBe('0.13');
      expect(await rate(standard.id, 'CN', '2019-03-31')).toBe('0.16');
      expect(await rate(reduced.id, 'CN', '2026-03-01')).toBe('0.09');
      expect(await rate(services.id, 'CN', '2026-03-01')).toBe('0.06');
      expect(await rate(standard.id, 'DE', '2020-06-30')).toBe('0.19');
      expect(await rate(standard.id, 'DE', '2020-07-01')).toBe('0.16');
      expect(await rate(standard.id, 'DE', '2020-12-31')).toBe('0.16');
      expect(await rate(standard.id, 'DE', '2021-01-01')).toBe('0.19');
      expect(await rate(reduced.id, 'DE', '2020-09-15')).toBe('0.05');
      expect(await rate(reduced.id, 'de', '2026-03-01')).toBe('0.07');
      // a subdivision without rates of its own uses its country's
      const bavaria = await taxes.rateFor({
        taxCategoryId: standard.id,
        jurisdiction: 'DE-BY',
        on: '2026-03-01',
      });
      expect(bavaria).toMatchObject({
        rate: '0.19',
        jurisdiction: 'DE',
        treatment: 'standard',
        categoryId: standard.id,
      });
      const exempt = await taxes.getCategory('exempt');
      expect(
        await taxes.rateFor({ taxCategoryId: exempt.id, jurisdiction: 'CN', on: '2026-03-01' }),
      ).toMatchObject({
        rate: '0',
        treatment: 'exempt',
      });
      const zero = await taxes.getCategory('zero-rated');
      expect(
        (await taxes.rateFor({ taxCategoryId: zero.id, jurisdiction: 'DE', on: '2026-03-01' }))
          .treatment,
      ).toBe('zero-rated');
      expect((await taxes.listRates(standard.id, 'DE')).map((r) => r.validFrom)).toEqual([
        '2007-01-01',
        '2020-07-01',
        '2021-01-01',
      ]);
    });

    it('has no rate before a period starts, in another country, or for an unknown category', async () => {
      const { admin } = await setup(factory);
      await admin.catalog.taxes.seed(VAT_SEED);
      const standard = await admin.catalog.taxes.getCategory('standard');
      const early = await expectCode(
        admin.catalog.taxes.rateFor({
          taxCategoryId: standard.id,
          jurisdiction: 'CN',
          on: '2018-04-30',
        }),
        'NOT_FOUND',
      );
      expect(early.details.model).toBe('taxRate');
      await expectCode(
        admin.catalog.taxes.rateFor({
          taxCategoryId: standard.id,
          jurisdiction: 'FR',
          on: '2026-03-01',
        }),
        'NOT_FOUND',
      );
      await expectCode(
        admin.catalog.taxes.rateFor({
          taxCategoryId: 'txc_nope',
          jurisdiction: 'DE',
          on: '2026-03-01',
        }),
        'NOT_FOUND',
      );
      await expectCode(
        admin.catalog.taxes.rateFor({
          taxCategoryId: standard.id,
          jurisdiction: 'DE',
          on: '2026-02-30',
        }),
        'VALIDATION_FAILED',
      );
    });

    it('refuses overlapping periods, bad rates and writes by reps; closes a rate so a new one can follow', async () => {
      const { admin, rep, crm } = await setup(factory);
      const category = await admin.catalog.taxes.createCategory({
        code: 'standard',
        name: 'Standard',
      });
      await expectCode(
        admin.catalog.taxes.createCategory({ code: 'standard', name: 'Again' }),
        'CONFLICT',
      );
      const open = await admin.catalog.taxes.addRate({
        categoryId: category.id,
        jurisdiction: 'DE',
        rate: '0.19',
        validFrom: '2021-01-01',
      });
      await expectCode(
        admin.catalog.taxes.addRate({
          categoryId: category.id,
          jurisdiction: 'DE',
          rate: '0.2',
          validFrom: '2027-01-01',
        }),
        'CONFLICT',
      );
      for (const bad of [
        { rate: '19' },
        { rate: '-0.19' },
        { rate: '0.19', treatment: 'exempt' as const },
        { rate: '0.19', jurisdiction: 'Germany' },
        { rate: '0.19', validFrom: '2027-01-01', validTo: '2026-12-31' },
      ]) {
        await expectCode(
          admin.catalog.taxes.addRate({
            categoryId: category.id,
            jurisdiction: 'FR',
            validFrom: '2027-01-01',
            ...bad,
          }),
          'VALIDATION_FAILED',
        );
      }
      await expectCode(
        rep.catalog.taxes.addRate({
          categoryId: category.id,
          jurisdiction: 'FR',
          rate: '0.2',
          validFrom: '2020-01-01',
        }),
        'FORBIDDEN',
      );
      await admin.catalog.taxes.closeRate(open.id, '2026-12-31');
      const manager = crm.as(CATALOG_MANAGER);
      await manager.catalog.taxes.addRate({
        categoryId: category.id,
        jurisdiction: 'DE',
        rate: '0.2',
        validFrom: '2027-01-01',
      });
      const on = (date: string) =>
        admin.catalog.taxes.rateFor({ taxCategoryId: category.id, jurisdiction: 'DE', on: date });
      expect((await on('2026-12-31')).rate).toBe('0.19');
      expect((await on('2027-01-01')).rate).toBe('0.2');
      expect((await admin.catalog.taxes.listRates(category.id)).length).toBe(2);
    });

    it('puts a product in a tax category, refusing an unknown one', async () => {
      const { admin } = await setup(factory);
      await admin.catalog.taxes.seed(VAT_SEED);
      const reduced = await admin.catalog.taxes.getCategory('reduced');
      const book = await admin.catalog.products.create({
        name: 'Handbook',
        listPrice: { amount: '29.90', currency: 'EUR' },
        taxCategoryId: reduced.id,
      });
      expect(book.taxCategoryId).toBe(reduced.id);
      const failed = await expectCode(
        admin.catalog.products.create({
          name: 'Other',
          listPrice: { amount: '1', currency: 'EUR' },
          taxCategoryId: 'txc_nope',
        }),
        'VALIDATION_FAILED',
      );
      expect(failed.details.issues?.[0]?.path).toBe('taxCategoryId');
      expect(await admin.catalog.products.count()).toBe(1);
    });

    it('defines units and checks quantities against their decimals', async () => {
      const { admin, rep } = await setup(factory);
      await admin.catalog.units.create({ code: 'unit', name: 'Piece' });
      await admin.catalog.units.create({ code: 'kg', name: 'Kilogram', decimals: 3 });
      await expectCode(admin.catalog.units.create({ code: 'kg', name: 'Again' }), 'CONFLICT');
      await expectCode(
        admin.catalog.units.create({ code: 'x', name: 'X', decimals: 7 }),
        'VALIDATION_FAILED',
      );
      await expectCode(rep.catalog.units.create({ code: 'box', name: 'Box' }), 'FORBIDDEN');
      expect((await rep.catalog.units.list()).map((u) => u.code)).toEqual(['kg', 'unit']);
      expect(await rep.catalog.units.checkQuantity('kg', '2.500')).toBe('2.5');
      expect(await rep.catalog.units.checkQuantity('unit', '12')).toBe('12');
      await expectCode(rep.catalog.units.checkQuantity('unit', '1.5'), 'VALIDATION_FAILED');
      await expectCode(rep.catalog.units.checkQuantity('kg', '-1'), 'VALIDATION_FAILED');
      await expectCode(rep.catalog.units.checkQuantity('kg', '0'), 'VALIDATION_FAILED');
      await expectCode(rep.catalog.units.checkQuantity('box', '1'), 'NOT_FOUND');
    });
  });
}
