import { describe, expect, it } from 'vitest';
import type { OpportunityWonEvent } from '../events.js';
import { type AdapterFactory, DAY, expectCode, setup, usd } from './harness.js';

/** Won, lost and reopened deals. Run per adapter. */
export function closingSuite(name: string, factory: AdapterFactory): void {
  describe(`won and lost on ${name}`, () => {
    it('wins a deal: opportunity.won carries the lines and amount an order needs', async () => {
      const { rep1, crm, clock } = await setup(factory);
      const won: OpportunityWonEvent[] = [];
      crm.events.on('opportunity.won', (event) => {
        won.push(event);
      });
      const deal = await rep1.pipeline.opportunities.create({
        title: 'A',
        engageDate: '2026-02-20',
        lines: [
          { product: 'GTX Pro', quantity: 2 },
          { product: 'MG Special', quantity: 3 },
        ],
      });
      await rep1.pipeline.opportunities.moveStage(deal.id, 'proposal');
      clock.advance(4 * DAY);
      const closed = await rep1.pipeline.opportunities.win(deal.id);
      expect(closed).toMatchObject({
        status: 'won',
        stage: 'won',
        probability: 100,
        closeDate: '2026-03-06',
        cycleDays: 14,
      });
      expect(closed.closedAt?.toISOString()).toBe('2026-03-06T09:00:00.000Z');
      // Closing cancels the deal's open follow-ups.
      expect((await rep1.pipeline.tasks.find()).rows.map((task) => task.status)).toEqual([
        'cancelled',
      ]);
      await crm.events.idle();
      expect(won).toHaveLength(1);
      expect(won[0]?.amount?.toString()).toBe('9807.00');
      expect(
        won[0]?.lines.map((line) => [line.productId, line.quantity, line.amount.toString()]),
      ).toEqual([
        [closed.productIds[0], '2.0000', '9642.00'],
        [closed.productIds[1], '3.0000', '165.00'],
      ]);
      expect(won[0]?.wonBy).toBe('rep-1');
      await expectCode(rep1.pipeline.opportunities.win(deal.id), 'INVALID_TRANSITION');
      await expectCode(
        rep1.pipeline.opportunities.lose(deal.id, { reason: 'x' }),
        'INVALID_TRANSITION',
      );
    });

    it('needs the won stage fields (an amount) and a close date not before engagement', async () => {
      const { rep1 } = await setup(factory);
      const deal = await rep1.pipeline.opportunities.create({
        title: 'A',
        engageDate: '2026-02-20',
      });
      const missing = await expectCode(
        rep1.pipeline.opportunities.win(deal.id),
        'VALIDATION_FAILED',
      );
      expect(missing.details.issues?.[0]).toMatchObject({
        path: 'amount',
        reason: 'required_for_stage',
      });
      const early = await expectCode(
        rep1.pipeline.opportunities.win(deal.id, {
          closeDate: '2026-02-01',
          set: { amount: usd('10') },
        }),
        'VALIDATION_FAILED',
      );
      expect(early.details.issues?.[0]).toMatchObject({
        path: 'closeDate',
        reason: 'before_engage_date',
      });
      await expectCode(
        rep1.pipeline.opportunities.win(deal.id, {
          closeDate: '2026-02-30',
          set: { amount: usd('10') },
        }),
        'VALIDATION_FAILED',
      );
      const still = await rep1.pipeline.opportunities.get(deal.id);
      expect(still).toMatchObject({ status: 'open', amount: null, closeDate: null });
      const won = await rep1.pipeline.opportunities.win(deal.id, {
        closeDate: '2026-03-01',
        set: { amount: usd('10') },
      });
      expect(won.amount?.toString()).toBe('10.00');
    });

    it('loses a deal only with a reason', async () => {
      const { rep1, crm } = await setup(factory);
      const reasons: string[] = [];
      crm.events.on('opportunity.lost', (event) => {
        reasons.push(event.reason);
      });
      const deal = await rep1.pipeline.opportunities.create({ title: 'A' });
      await expectCode(rep1.pipeline.opportunities.lose(deal.id, {} as never), 'VALIDATION_FAILED');
      await expectCode(
        rep1.pipeline.opportunities.lose(deal.id, { reason: '   ' }),
        'VALIDATION_FAILED',
      );
      await expectCode(
        rep1.pipeline.opportunities.lose(deal.id, undefined as never),
        'VALIDATION_FAILED',
      );
      const lost = await rep1.pipeline.opportunities.lose(deal.id, {
        reason: 'Chose a competitor',
      });
      expect(lost).toMatchObject({
        status: 'lost',
        stage: 'lost',
        probability: 0,
        lostReason: 'Chose a competitor',
      });
      await crm.events.idle();
      expect(reasons).toEqual(['Chose a competitor']);
    });

    it('reopens explicitly, with a reason, audited, back to the stage it closed from', async () => {
      const { rep1, admin, crm } = await setup(factory);
      const reopened: string[] = [];
      crm.events.on('opportunity.reopened', (event) => {
        reopened.push(`${event.from}→${event.to}: ${event.reason}`);
      });
      const deal = await rep1.pipeline.opportunities.create({ title: 'A', amount: usd('500') });
      await rep1.pipeline.opportunities.moveStage(deal.id, 'negotiation', {
        set: { expectedCloseDate: '2026-04-01' },
      });
      await rep1.pipeline.opportunities.lose(deal.id, { reason: 'Timing' });
      await expectCode(
        rep1.pipeline.opportunities.reopen(deal.id, {} as never),
        'VALIDATION_FAILED',
      );
      await expectCode(
        rep1.pipeline.opportunities.reopen(deal.id, { reason: 'x', stage: 'won' }),
        'INVALID_TRANSITION',
      );
      const open = await rep1.pipeline.opportunities.reopen(deal.id, {
        reason: 'They called back',
      });
      expect(open).toMatchObject({
        status: 'open',
        stage: 'negotiation',
        probability: 75,
        lostReason: null,
        closeDate: null,
      });
      await expectCode(
        rep1.pipeline.opportunities.reopen(deal.id, { reason: 'again' }),
        'INVALID_TRANSITION',
      );
      const audit = await admin.audit.history('opportunity', deal.id);
      const entry = audit.find((item) => item.action === 'reopen');
      expect(entry?.actorId).toBe('rep-1');
      expect(entry?.changes.reason).toEqual({ before: null, after: 'They called back' });
      expect(
        (await rep1.pipeline.opportunities.history(deal.id)).map((change) => change.reason),
      ).toEqual(['create', 'move', 'lost', 'reopen']);
      await crm.events.idle();
      expect(reopened).toEqual(['lost→negotiation: They called back']);
    });

    it('teaches the win model when deals close, and forgets on reopening', async () => {
      const { rep1, admin } = await setup(factory);
      const a = await rep1.pipeline.opportunities.create({
        title: 'A',
        source: 'referral',
        amount: usd('1'),
      });
      const b = await rep1.pipeline.opportunities.create({
        title: 'B',
        source: 'web',
        amount: usd('1'),
      });
      await rep1.pipeline.opportunities.win(a.id);
      await rep1.pipeline.opportunities.lose(b.id, { reason: 'No' });
      const counts = async () =>
        (
          await admin.records.winStat.find({
            where: { feature: { in: ['*', 'source'] } },
            limit: 100,
          })
        ).rows
          .map((row) => `${row.feature}=${row.value}:${row.won}/${row.lost}`)
          .sort();
      expect(await counts()).toEqual(['*=*:1/1', 'source=referral:1/0', 'source=web:0/1']);
      await rep1.pipeline.opportunities.reopen(a.id, { reason: 'Order cancelled' });
      expect(await counts()).toEqual(['*=*:0/1', 'source=referral:0/0', 'source=web:0/1']);
      await admin.pipeline.scoring.rebuildWinModel();
      expect(await counts()).toEqual(['*=*:0/1', 'source=web:0/1']);
    });
  });
}
