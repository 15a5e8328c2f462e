import type { RuleSet } from '@sellkit/core';
import { describe, expect, it } from 'vitest';
import { defaultPriorityRuleSet } from '../scoring/default-rule-set.js';
import { type AdapterFactory, DAY, expectCode, setup, usd } from './harness.js';

function variant(change: (rules: RuleSet['rules']) => RuleSet['rules']): RuleSet {
  const base = defaultPriorityRuleSet();
  return { ...base, rules: change(base.rules) };
}

/** Scoring, priority, routing, rule-set publishing, re-scoring and what-if. Run per adapter. */
export function scoringSuite(name: string, factory: AdapterFactory): void {
  describe(`scoring on ${name}`, () => {
    it('scores on create with the default rule set, with reasons a seller can read', async () => {
      const { rep1 } = await setup(factory);
      const hot = await rep1.pipeline.opportunities.create({
        title: 'Hot',
        budgetConfirmed: true,
        amount: usd('60000'),
        expectedCloseDate: '2026-03-20',
      });
      // budget 20 + close near 15 + large 25 + no competitors 5 + engaged now 15 = 80
      expect(hot).toMatchObject({ score: 80, band: 'hot', priority: 1 });
      expect(
        hot.scoreExplanation?.reasons.map((reason) => `${reason.points} ${reason.text}`),
      ).toEqual([
        '20 Budget confirmed',
        '15 Expected to close within 30 days',
        '25 Large deal (50000 USD or more)',
        '5 No competitor in the deal',
        '15 Engaged in the last 14 days',
      ]);
      expect(hot.scoreExplanation).toMatchObject({
        ruleSetId: 'pipeline-priority',
        ruleSetVersion: 1,
        winProbability: null,
      });
      const cold = await rep1.pipeline.opportunities.create({
        title: 'Cold',
        competitors: ['Globex', 'Initech'],
        expectedCloseDate: '2026-01-31',
      });
      // passed close date -10, crowded -10, engaged now 15 = -5
      expect(cold).toMatchObject({ score: -5, band: 'cold', priority: 3 });
    });

    it('re-scores on change, and explains every rule', async () => {
      const { rep1, clock } = await setup(factory);
      const deal = await rep1.pipeline.opportunities.create({ title: 'A', amount: usd('6000') });
      expect(deal.score).toBe(30);
      const confirmed = await rep1.pipeline.opportunities.update(deal.id, {
        budgetConfirmed: true,
      });
      expect(confirmed).toMatchObject({ score: 50, band: 'hot' });
      clock.advance(61 * DAY);
      const later = await rep1.pipeline.opportunities.rescore(deal.id);
      // engagement is now 61 days old: +15 becomes -10
      expect(later.score).toBe(25);
      const explanation = await rep1.pipeline.opportunities.explainScore(deal.id);
      expect(explanation.total).toBe(25);
      const quiet = explanation.rules.find((rule) => rule.id === 'gone-quiet');
      expect(quiet).toMatchObject({ fired: true, points: -10 });
      expect(quiet?.facts[0]?.fact).toBe('opportunity.lastActivityAt');
      expect(explanation.rules.find((rule) => rule.id === 'large-deal')?.fired).toBe(false);
    });

    it('routes deals that become high priority to the rep the rule picks', async () => {
      const picked: string[] = [];
      const { rep1, admin, crm } = await setup(factory, {
        route: async (_scope, deal) => {
          picked.push(deal.title);
          return 'senior-1';
        },
      });
      const routed: string[] = [];
      crm.events.on('opportunity.routed', (event) => {
        routed.push(`${event.from}→${event.to}`);
      });
      const small = await rep1.pipeline.opportunities.create({ title: 'Small' });
      expect(small.ownerId).toBe('rep-1');
      const big = await rep1.pipeline.opportunities.create({
        title: 'Big',
        budgetConfirmed: true,
        amount: usd('90000'),
      });
      expect(big.ownerId).toBe('senior-1');
      await rep1.pipeline.opportunities.moveStage(small.id, 'proposal', {
        set: { amount: usd('80000'), budgetConfirmed: true },
      });
      const moved = await admin.pipeline.opportunities.get(small.id);
      expect(moved.ownerId).toBe('senior-1');
      // The playbook task follows the new owner.
      expect((await admin.pipeline.tasks.find()).rows.map((task) => task.ownerId)).toEqual([
        'senior-1',
      ]);
      expect(picked).toEqual(['Big', 'Small']);
      await crm.events.idle();
      expect(routed).toEqual(['rep-1→senior-1', 'rep-1→senior-1']);
      // The owner change is written past the actor's access (audited as an update) and named.
      expect(
        (await admin.audit.history('opportunity', big.id)).map((entry) => entry.action),
      ).toEqual(['create', 'update', 'route']);
    });

    it('publishes a rule set as a new version, and rescoreAll applies it', async () => {
      const { rep1, admin } = await setup(factory);
      const a = await rep1.pipeline.opportunities.create({ title: 'A', source: 'referral' });
      await rep1.pipeline.opportunities.create({ title: 'B', source: 'web' });
      const draft = variant((rules) => [
        ...rules,
        {
          id: 'referral',
          description: 'Came by referral',
          condition: { fact: 'opportunity.source', operator: 'eq', value: 'referral' },
          outcome: { points: 40 },
        },
      ]);
      await expectCode(rep1.pipeline.scoring.saveDraft(draft), 'FORBIDDEN');
      await expectCode(
        admin.pipeline.scoring.saveDraft({ ...draft, id: 'other' }),
        'VALIDATION_FAILED',
      );
      const broken = {
        ...draft,
        rules: [{ ...draft.rules[0], condition: { fact: 'x', operator: 'nope', value: 1 } }],
      };
      await expectCode(admin.pipeline.scoring.saveDraft(broken), 'VALIDATION_FAILED');
      await admin.pipeline.scoring.saveDraft(draft);
      const published = await admin.pipeline.scoring.publish();
      expect(published.version).toBe(1);
      expect(
        (await admin.pipeline.scoring.activeRuleSet()).rules.some((rule) => rule.id === 'referral'),
      ).toBe(true);
      expect((await rep1.pipeline.opportunities.get(a.id)).score).toBe(20);
      const progress: number[] = [];
      const result = await admin.pipeline.scoring.rescoreAll({
        batchSize: 1,
        onProgress: (state) => progress.push(state.scored),
      });
      expect(result).toEqual({ scored: 2, changed: 2, skipped: 0 });
      expect(progress).toEqual([1, 2]);
      const rescored = await rep1.pipeline.opportunities.get(a.id);
      expect(rescored).toMatchObject({ score: 60, band: 'hot' });
      expect(rescored.scoreExplanation?.ruleSetVersion).toBe(1);
      expect(await admin.pipeline.scoring.rescoreAll()).toEqual({
        scored: 2,
        changed: 0,
        skipped: 0,
      });
      expect((await admin.pipeline.scoring.history()).map((item) => item.version)).toEqual([1]);
    });

    it('what-if: reports whose priority a draft would change, writing nothing', async () => {
      const { rep1, admin } = await setup(factory);
      const referral = await rep1.pipeline.opportunities.create({
        title: 'Referral',
        source: 'referral',
      });
      await rep1.pipeline.opportunities.create({ title: 'Web', source: 'web' });
      await rep1.pipeline.opportunities.create({
        title: 'Crowded',
        competitors: ['x', 'y'],
        amount: usd('6000'),
      });
      const draft = variant((rules) => [
        ...rules.filter((rule) => rule.id !== 'crowded'),
        {
          id: 'referral',
          description: 'Came by referral',
          condition: { fact: 'opportunity.source', operator: 'eq', value: 'referral' },
          outcome: { points: 40 },
        },
      ]);
      const seen: number[] = [];
      const report = await admin.pipeline.scoring.whatIf(draft, {
        pageSize: 2,
        onProgress: (state) => seen.push(state.evaluated),
      });
      expect(report).toMatchObject({
        evaluated: 3,
        changed: 2,
        raised: 2,
        lowered: 0,
        truncated: false,
      });
      expect(report.moves).toEqual({ 'cold→hot': 1, 'cold→warm': 1 });
      const change = report.changes.find((item) => item.id === referral.id);
      expect(change).toMatchObject({
        before: { priority: 3 },
        after: { priority: 1, band: 'hot' },
      });
      expect(change?.reasons).toContain('+40 Came by referral');
      expect(seen).toEqual([2, 3]);
      expect((await rep1.pipeline.opportunities.get(referral.id)).priority).toBe(3);
      // A rep's what-if only covers the deals they can see.
      expect((await rep1.pipeline.scoring.whatIf(draft)).evaluated).toBe(3);
      await expectCode(admin.pipeline.scoring.whatIf({ id: 'x' }), 'VALIDATION_FAILED');
    });

    it('learns a win probability from history and exposes it as $winProbability', async () => {
      const { rep1, admin } = await setup(factory);
      for (let index = 0; index < 6; index += 1) {
        const deal = await rep1.pipeline.opportunities.create({
          title: `R${index}`,
          source: 'referral',
          amount: usd('1'),
        });
        if (index < 5) await rep1.pipeline.opportunities.win(deal.id);
        else await rep1.pipeline.opportunities.lose(deal.id, { reason: 'x' });
      }
      for (let index = 0; index < 4; index += 1) {
        const deal = await rep1.pipeline.opportunities.create({
          title: `W${index}`,
          source: 'web',
          amount: usd('1'),
        });
        await rep1.pipeline.opportunities.lose(deal.id, { reason: 'x' });
      }
      const fresh = await rep1.pipeline.opportunities.create({
        title: 'New referral',
        source: 'referral',
      });
      const p = await rep1.pipeline.scoring.winProbability(fresh.id);
      expect(p).not.toBeNull();
      expect(p).toBeGreaterThan(0.6);
      expect(fresh.scoreExplanation?.winProbability).toBeCloseTo(p ?? 0, 4);
      expect(fresh.scoreExplanation?.reasons.map((reason) => reason.rule)).toContain('likely-win');
      const web = await rep1.pipeline.opportunities.create({ title: 'New web', source: 'web' });
      expect((await rep1.pipeline.scoring.winProbability(web.id)) ?? 1).toBeLessThan(0.25);
      expect(web.scoreExplanation?.reasons.map((reason) => reason.rule)).toContain('unlikely-win');
      const rebuilt = await admin.pipeline.scoring.rebuildWinModel();
      expect(rebuilt).toMatchObject({ won: 5, lost: 5 });
      expect(await rep1.pipeline.scoring.winProbability(fresh.id)).toBeCloseTo(p ?? 0, 10);
      await expectCode(rep1.pipeline.scoring.rebuildWinModel(), 'FORBIDDEN');
    });
  });
}
