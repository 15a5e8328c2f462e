import { Money } from '@sellkit/core';
import { describe, expect, it } from 'vitest';
import { type AdapterFactory, expectCode, setup, usd } from './harness.js';

/** Leads and opportunities: create, lines, amounts, validation, access. Run per adapter. */
export function opportunitiesSuite(name: string, factory: AdapterFactory): void {
  describe(`opportunities on ${name}`, () => {
    it('creates a deal with product lines, amounts computed exactly', async () => {
      const { rep1, products, crm } = await setup(factory);
      const seen: string[] = [];
      crm.events.on('opportunity.created', (event) => {
        seen.push(`${event.opportunity.title}:${event.lines.length}`);
      });
      const deal = await rep1.pipeline.opportunities.create({
        title: 'Cancity: GTX',
        source: 'trade show',
        lines: [
          { product: 'gtx pro', quantity: 2 },
          { productId: products.special!.id, quantity: '1.5', unitPrice: usd('54.99') },
        ],
        expectedCloseDate: '2026-04-30',
        engageDate: '2026-02-01',
      });
      expect(deal.ownerId).toBe('rep-1');
      expect(deal.kind).toBe('opportunity');
      expect(deal.stage).toBe('prospecting');
      expect(deal.status).toBe('open');
      expect(deal.probability).toBe(10);
      expect(deal.amountSource).toBe('lines');
      // 2 × 4821.00 + 1.5 × 54.99 = 9642.00 + 82.485 → 82.48 (half-even) = 9724.48
      expect(deal.amount?.toString()).toBe('9724.48');
      expect(deal.primaryProductId).toBe(products.pro!.id);
      expect(deal.productIds).toHaveLength(2);
      const lines = await rep1.pipeline.opportunities.lines(deal.id);
      expect(
        lines.map((line) => [line.quantity, line.unitPrice.toString(), line.amount.toString()]),
      ).toEqual([
        ['2.0000', '4821.00', '9642.00'],
        ['1.5000', '54.99', '82.48'],
      ]);
      await crm.events.idle();
      expect(seen).toEqual(['Cancity: GTX:2']);
      expect(
        (await rep1.pipeline.opportunities.history(deal.id)).map((change) => change.toStage),
      ).toEqual(['prospecting']);
    });

    it('keeps a manual amount, and follows the lines again when it is cleared', async () => {
      const { rep1 } = await setup(factory);
      const deal = await rep1.pipeline.opportunities.create({
        title: 'Manual',
        amount: usd('12000'),
        lines: [{ product: 'GTX Pro', quantity: 1 }],
      });
      expect(deal.amount?.toString()).toBe('12000.00');
      expect(deal.amountSource).toBe('manual');
      const cleared = await rep1.pipeline.opportunities.update(deal.id, { amount: null });
      expect(cleared.amount?.toString()).toBe('4821.00');
      expect(cleared.amountSource).toBe('lines');
      const more = await rep1.pipeline.opportunities.setLines(deal.id, [
        { product: 'GTX Pro', quantity: 3 },
      ]);
      expect(more.amount?.toString()).toBe('14463.00');
      expect(await rep1.pipeline.opportunities.lines(deal.id)).toHaveLength(1);
    });

    it('keeps leads without a company and converts them once they have one', async () => {
      const { rep1, admin, crm } = await setup(factory);
      const lead = await rep1.pipeline.opportunities.createLead({
        title: 'Someone at a fair',
        source: 'trade show',
      });
      expect(lead.kind).toBe('lead');
      expect(lead.companyId).toBeNull();
      await expectCode(rep1.pipeline.opportunities.convertLead(lead.id), 'VALIDATION_FAILED');
      const company = await admin.customers.companies.create({
        name: 'Cancity',
        industry: 'retail',
        ownerId: 'rep-1',
      });
      const converted = await rep1.pipeline.opportunities.convertLead(lead.id, {
        companyId: company.id,
      });
      expect(converted.kind).toBe('opportunity');
      expect(converted.companyId).toBe(company.id);
      expect(converted.industry).toBe('retail');
      await expectCode(rep1.pipeline.opportunities.convertLead(lead.id), 'INVALID_TRANSITION');
      await crm.events.idle();
    });

    it('a hand-set amount without lines is in the price list currency', async () => {
      const { rep1 } = await setup(factory);
      // Without lines, a hand-set amount must still be in the price list's currency (USD).
      const euro = await expectCode(
        rep1.pipeline.opportunities.create({ title: 'A', amount: Money.of('10', 'EUR') }),
        'CURRENCY_MISMATCH',
      );
      expect(euro.details).toMatchObject({ path: 'amount', expected: 'USD', actual: 'EUR' });
      const bare = await rep1.pipeline.opportunities.create({ title: 'Bare' });
      await expectCode(
        rep1.pipeline.opportunities.update(bare.id, { amount: Money.of('10', 'EUR') }),
        'CURRENCY_MISMATCH',
      );
      await expectCode(
        rep1.pipeline.opportunities.moveStage(bare.id, 'proposal', {
          set: { amount: Money.of('10', 'EUR') },
        }),
        'CURRENCY_MISMATCH',
      );
      expect((await rep1.pipeline.opportunities.get(bare.id)).amount).toBeNull();
      const dollars = await rep1.pipeline.opportunities.create({ title: 'B', amount: usd('10') });
      expect(dollars.amount?.toString()).toBe('10.00');
    });

    it('refuses bad input with a SellkitError each, writing nothing', async () => {
      const { rep1, products, admin } = await setup(factory);
      const negative = await expectCode(
        rep1.pipeline.opportunities.create({
          title: 'A',
          lines: [{ product: 'GTX Pro', quantity: -1 }],
        }),
        'VALIDATION_FAILED',
      );
      expect(negative.details.issues?.[0]).toMatchObject({
        path: 'lines.0.quantity',
        reason: 'not_positive',
      });
      for (const quantity of [0, '1.23456', 'lots']) {
        await expectCode(
          rep1.pipeline.opportunities.create({
            title: 'A',
            lines: [{ product: 'GTX Pro', quantity }],
          }),
          'VALIDATION_FAILED',
        );
      }
      const dates = await expectCode(
        rep1.pipeline.opportunities.create({
          title: 'A',
          engageDate: '2026-03-01',
          expectedCloseDate: '2026-02-01',
        }),
        'VALIDATION_FAILED',
      );
      expect(dates.details.issues?.[0]).toMatchObject({
        path: 'expectedCloseDate',
        reason: 'before_engage_date',
      });
      await expectCode(
        rep1.pipeline.opportunities.create({
          title: 'A',
          lines: [{ product: 'GTX Pro', quantity: 1, unitPrice: Money.of('4500', 'EUR') }],
        }),
        'CURRENCY_MISMATCH',
      );
      await expectCode(
        rep1.pipeline.opportunities.create({
          title: 'A',
          amount: Money.of('10', 'EUR'),
          lines: [{ product: 'GTX Pro', quantity: 1 }],
        }),
        'CURRENCY_MISMATCH',
      );
      const unknown = await expectCode(
        rep1.pipeline.opportunities.create({
          title: 'A',
          lines: [{ product: 'GTX Ultra', quantity: 1 }],
        }),
        'VALIDATION_FAILED',
      );
      expect(unknown.details.issues?.[0]?.reason).toBe('unknown_product');
      await admin.catalog.products.deactivate(products.gtk!.id);
      await expectCode(
        rep1.pipeline.opportunities.create({
          title: 'A',
          lines: [{ productId: products.gtk!.id, quantity: 1 }],
        }),
        'VALIDATION_FAILED',
      );
      await expectCode(
        rep1.pipeline.opportunities.create({ title: 'A', score: 99 } as never),
        'VALIDATION_FAILED',
      );
      await expectCode(
        rep1.pipeline.opportunities.create({ title: 'A', bogus: 1 } as never),
        'VALIDATION_FAILED',
      );
      await expectCode(rep1.pipeline.opportunities.create({ title: '' }), 'VALIDATION_FAILED');
      await expectCode(rep1.pipeline.opportunities.create(null as never), 'VALIDATION_FAILED');
      await expectCode(
        rep1.pipeline.opportunities.create({ title: 'A', lines: 'x' } as never),
        'VALIDATION_FAILED',
      );
      await expectCode(
        rep1.pipeline.opportunities.create({
          title: 'A',
          companyId: 'com_0000000000000000000000000',
        }),
        'VALIDATION_FAILED',
      );
      expect(await admin.pipeline.opportunities.count()).toBe(0);
      expect(await admin.records.opportunityLine.count()).toBe(0);
      expect(await admin.records.stageChange.count()).toBe(0);
    });

    it('refuses bad updates and leaves the deal as it was', async () => {
      const { rep1 } = await setup(factory);
      const deal = await rep1.pipeline.opportunities.create({
        title: 'A',
        engageDate: '2026-02-01',
        lines: [{ product: 'GTX Pro', quantity: 1 }],
      });
      await expectCode(
        rep1.pipeline.opportunities.update(deal.id, { expectedCloseDate: '2026-01-01' }),
        'VALIDATION_FAILED',
      );
      await expectCode(
        rep1.pipeline.opportunities.update(deal.id, { stage: 'proposal' } as never),
        'VALIDATION_FAILED',
      );
      await expectCode(
        rep1.pipeline.opportunities.update(deal.id, { pipelineId: 'x' } as never),
        'VALIDATION_FAILED',
      );
      await expectCode(
        rep1.pipeline.opportunities.update(deal.id, { amount: Money.of('1', 'EUR') }),
        'CURRENCY_MISMATCH',
      );
      await expectCode(
        rep1.pipeline.opportunities.setLines(deal.id, [{ product: 'GTX Pro', quantity: -2 }]),
        'VALIDATION_FAILED',
      );
      await expectCode(
        rep1.pipeline.opportunities.update(deal.id, { title: 'B' }, { expectedVersion: 99 }),
        'CONFLICT',
      );
      const after = await rep1.pipeline.opportunities.get(deal.id);
      expect(after.version).toBe(deal.version);
      expect(after.amount?.toString()).toBe('4821.00');
      expect(await rep1.pipeline.opportunities.lines(deal.id)).toHaveLength(1);
    });

    it('scopes deals by owner: reps see and change their own, managers their team', async () => {
      const { rep1, rep2, manager, admin } = await setup(factory);
      const mine = await rep1.pipeline.opportunities.create({ title: 'Mine' });
      const theirs = await rep2.pipeline.opportunities.create({ title: 'Theirs' });
      expect((await rep1.pipeline.opportunities.find()).rows.map((row) => row.title)).toEqual([
        'Mine',
      ]);
      await expectCode(rep1.pipeline.opportunities.get(theirs.id), 'FORBIDDEN');
      await expectCode(rep1.pipeline.opportunities.update(theirs.id, { title: 'x' }), 'FORBIDDEN');
      await expectCode(
        rep1.pipeline.opportunities.moveStage(theirs.id, 'qualification'),
        'FORBIDDEN',
      );
      await expectCode(
        rep1.pipeline.opportunities.create({ title: 'Gift', ownerId: 'rep-2' }),
        'FORBIDDEN',
      );
      expect((await manager.pipeline.opportunities.find()).rows.map((row) => row.title)).toEqual([
        'Mine',
      ]);
      expect(
        (await manager.pipeline.opportunities.update(mine.id, { title: 'Mine 2' })).title,
      ).toBe('Mine 2');
      expect(await admin.pipeline.opportunities.count()).toBe(2);
      await expectCode(rep1.pipeline.opportunities.delete(mine.id), 'FORBIDDEN');
      await admin.pipeline.opportunities.delete(mine.id);
      expect(await admin.pipeline.opportunities.count()).toBe(1);
      expect(await admin.records.stageChange.count({ opportunityId: mine.id })).toBe(0);
    });

    it('audits creates and changes, and emits opportunity.updated with the changed fields', async () => {
      const { rep1, admin, crm } = await setup(factory);
      const changes: string[][] = [];
      crm.events.on('opportunity.updated', (event) => {
        changes.push([...event.changed]);
      });
      const deal = await rep1.pipeline.opportunities.create({ title: 'A' });
      await rep1.pipeline.opportunities.update(deal.id, {
        nextAction: 'Send the quote',
        nextActionDate: '2026-03-05',
      });
      await crm.events.idle();
      expect(changes[0]).toEqual(expect.arrayContaining(['nextAction', 'nextActionDate']));
      expect(
        (await admin.audit.history('opportunity', deal.id)).map((entry) => entry.action),
      ).toEqual(['create', 'update']);
    });
  });
}
