import { describe, expect, it } from 'vitest';
import { type AdapterFactory, DAY, expectCode, START, setup, usd } from './harness.js';

const GUARDED = [
  { key: 'new', probability: 5, allowedMoves: ['qualified', 'lost'] },
  { key: 'qualified', probability: 30, allowedMoves: ['new', 'quoted', 'lost'] },
  { key: 'quoted', probability: 60, requiredFields: ['amount', 'expectedCloseDate'] as const },
  { key: 'won', kind: 'won' as const, probability: 100 },
  { key: 'lost', kind: 'lost' as const, probability: 0 },
];

/** Stage moves, required fields, allowed moves, history and playbooks. Run per adapter. */
export function stagesSuite(name: string, factory: AdapterFactory): void {
  describe(`stages on ${name}`, () => {
    it('moves a deal, takes the stage probability, records who moved it when', async () => {
      const { rep1, clock, crm } = await setup(factory);
      const moves: string[] = [];
      crm.events.on('opportunity.stageChanged', (event) => {
        moves.push(`${event.from}→${event.to} by ${event.changedBy}`);
      });
      const deal = await rep1.pipeline.opportunities.create({ title: 'A' });
      clock.advance(2 * DAY);
      const moved = await rep1.pipeline.opportunities.moveStage(deal.id, 'qualification');
      expect(moved.stage).toBe('qualification');
      expect(moved.probability).toBe(20);
      clock.advance(5 * DAY);
      await rep1.pipeline.opportunities.moveStage(deal.id, 'prospecting');
      const history = await rep1.pipeline.opportunities.history(deal.id);
      expect(history.map((change) => [change.fromStage, change.toStage, change.changedBy])).toEqual(
        [
          [null, 'prospecting', 'rep-1'],
          ['prospecting', 'qualification', 'rep-1'],
          ['qualification', 'prospecting', 'rep-1'],
        ],
      );
      expect(history.map((change) => change.msInPreviousStage)).toEqual([null, 2 * DAY, 5 * DAY]);
      clock.advance(DAY);
      const stays = await rep1.pipeline.opportunities.timeInStages(deal.id);
      expect(stays.map((stay) => [stay.stage, stay.ms / DAY])).toEqual([
        ['prospecting', 2],
        ['qualification', 5],
        ['prospecting', 1],
      ]);
      await crm.events.idle();
      expect(moves).toEqual([
        'prospecting→qualification by rep-1',
        'qualification→prospecting by rep-1',
      ]);
    });

    it('keeps a probability set by hand across moves until it is cleared', async () => {
      const { rep1 } = await setup(factory);
      const deal = await rep1.pipeline.opportunities.create({ title: 'A', probability: 35 });
      expect(deal.probabilitySource).toBe('manual');
      const moved = await rep1.pipeline.opportunities.moveStage(deal.id, 'qualification');
      expect(moved.probability).toBe(35);
      const reset = await rep1.pipeline.opportunities.update(deal.id, { probability: null });
      expect(reset.probability).toBe(20);
    });

    it('needs the fields a stage requires: a move that skips them is refused, nothing changes', async () => {
      const { rep1, admin } = await setup(factory);
      const deal = await rep1.pipeline.opportunities.create({ title: 'A' });
      const refused = await expectCode(
        rep1.pipeline.opportunities.moveStage(deal.id, 'proposal'),
        'VALIDATION_FAILED',
      );
      expect(refused.details.issues).toEqual([
        expect.objectContaining({ path: 'amount', reason: 'required_for_stage' }),
      ]);
      const negotiation = await expectCode(
        rep1.pipeline.opportunities.moveStage(deal.id, 'negotiation', {
          set: { amount: usd('100') },
        }),
        'VALIDATION_FAILED',
      );
      expect(negotiation.details.issues?.map((issue) => issue.path)).toEqual(['expectedCloseDate']);
      const unchanged = await rep1.pipeline.opportunities.get(deal.id);
      expect(unchanged.stage).toBe('prospecting');
      expect(unchanged.amount).toBeNull();
      expect(await admin.records.task.count()).toBe(0);
      const moved = await rep1.pipeline.opportunities.moveStage(deal.id, 'proposal', {
        set: { lines: [{ product: 'MG Special', quantity: 10 }] },
      });
      expect(moved.stage).toBe('proposal');
      expect(moved.amount?.toString()).toBe('550.00');
      // Leaving the amount empty while the stage needs it is refused too.
      await expectCode(
        rep1.pipeline.opportunities.update(deal.id, { lines: [] }),
        'VALIDATION_FAILED',
      );
      await expectCode(
        rep1.pipeline.opportunities.moveStage(deal.id, 'nowhere'),
        'VALIDATION_FAILED',
      );
    });

    it('entering Proposal creates "Call for feedback on the proposal", due in 3 days, for the owner', async () => {
      const { rep1, manager, crm } = await setup(factory);
      const created: string[] = [];
      crm.events.on('task.created', (event) => {
        created.push(event.task.title);
      });
      const deal = await manager.pipeline.opportunities.create({
        title: 'A',
        ownerId: 'rep-1',
        amount: usd('900'),
      });
      await manager.pipeline.opportunities.moveStage(deal.id, 'proposal');
      const tasks = (await rep1.pipeline.tasks.find()).rows;
      expect(tasks).toHaveLength(1);
      expect(tasks[0]).toMatchObject({
        title: 'Call for feedback on the proposal',
        ownerId: 'rep-1',
        opportunityId: deal.id,
        status: 'open',
        playbookKey: 'proposal:proposal-feedback',
      });
      expect(tasks[0]?.dueAt.getTime()).toBe(new Date(START).getTime() + 3 * DAY);
      // Back and forth: no duplicate while the first one is open.
      await rep1.pipeline.opportunities.moveStage(deal.id, 'qualification');
      await rep1.pipeline.opportunities.moveStage(deal.id, 'proposal');
      expect((await rep1.pipeline.tasks.find()).rows).toHaveLength(1);
      await crm.events.idle();
      expect(created).toEqual(['Call for feedback on the proposal']);
    });

    it('refuses moves a stage does not allow, and any move of a closed deal', async () => {
      const { rep1 } = await setup(factory, { stages: GUARDED });
      const deal = await rep1.pipeline.opportunities.create({ title: 'A' });
      const skip = await expectCode(
        rep1.pipeline.opportunities.moveStage(deal.id, 'quoted'),
        'INVALID_TRANSITION',
      );
      expect(skip.details).toMatchObject({
        from: 'new',
        to: 'quoted',
        allowed: ['qualified', 'lost'],
      });
      await expectCode(rep1.pipeline.opportunities.win(deal.id), 'INVALID_TRANSITION');
      await rep1.pipeline.opportunities.moveStage(deal.id, 'qualified');
      await expectCode(rep1.pipeline.opportunities.moveStage(deal.id, 'won'), 'INVALID_TRANSITION');
      const lost = await rep1.pipeline.opportunities.lose(deal.id, { reason: 'No budget' });
      expect(lost.status).toBe('lost');
      await expectCode(rep1.pipeline.opportunities.moveStage(deal.id, 'new'), 'INVALID_TRANSITION');
      expect((await rep1.pipeline.opportunities.get(deal.id)).stage).toBe('lost');
    });
  });
}
