import { describe, expect, it } from 'vitest';
import { definePipeline } from '../pipelines/define-pipeline.js';
import { ADMIN, type AdapterFactory, expectCode, freshTenant, setup } from './harness.js';

const RENEWALS = {
  key: 'renewals',
  name: 'Renewals',
  stages: [
    { key: 'due', probability: 60, allowedMoves: ['negotiating', 'churned'] },
    { key: 'negotiating', probability: 80 },
    { key: 'renewed', kind: 'won' as const, probability: 100 },
    { key: 'churned', kind: 'lost' as const, probability: 0 },
  ],
};

/** Pipelines and stages, run per adapter. */
export function pipelinesSuite(name: string, factory: AdapterFactory): void {
  describe(`pipelines on ${name}`, () => {
    it('gives every tenant the configured default pipeline on first use', async () => {
      const { admin, rep1, crm } = await setup(factory);
      const first = await rep1.pipeline.pipelines.getDefault();
      expect(first.key).toBe('default');
      expect(first.stages.map((stage) => stage.key)).toEqual([
        'prospecting',
        'qualification',
        'proposal',
        'negotiation',
        'won',
        'lost',
      ]);
      expect(first.stages.find((stage) => stage.key === 'proposal')?.playbook[0]?.title).toBe(
        'Call for feedback on the proposal',
      );
      expect((await admin.pipeline.pipelines.getDefault()).id).toBe(first.id);
      const other = crm.as({ tenantId: freshTenant(), actor: ADMIN.actor });
      expect((await other.pipeline.pipelines.getDefault()).id).not.toBe(first.id);
    });

    it('keeps several pipelines per tenant, one of them the default', async () => {
      const { admin, rep1 } = await setup(factory);
      const renewals = await admin.pipeline.pipelines.create(RENEWALS);
      expect((await rep1.pipeline.pipelines.list()).map((item) => item.key)).toEqual([
        'default',
        'renewals',
      ]);
      expect((await rep1.pipeline.pipelines.get('renewals')).id).toBe(renewals.id);
      expect((await rep1.pipeline.pipelines.get(renewals.id)).key).toBe('renewals');
      await admin.pipeline.pipelines.setDefault('renewals');
      expect((await rep1.pipeline.pipelines.getDefault()).key).toBe('renewals');
      const deal = await rep1.pipeline.opportunities.create({ title: 'Renewal' });
      expect(deal.pipelineId).toBe(renewals.id);
      expect(deal.stage).toBe('due');
      expect(deal.probability).toBe(60);
      await expectCode(admin.pipeline.pipelines.create(RENEWALS), 'CONFLICT');
      await expectCode(rep1.pipeline.pipelines.create({ ...RENEWALS, key: 'other' }), 'FORBIDDEN');
      await expectCode(rep1.pipeline.pipelines.get('nope'), 'NOT_FOUND');
    });

    it('configures the default pipeline from pipeline({ stages })', async () => {
      const { rep1 } = await setup(factory, { stages: RENEWALS.stages });
      const current = await rep1.pipeline.pipelines.getDefault();
      expect(current.stages.map((stage) => stage.key)).toEqual([
        'due',
        'negotiating',
        'renewed',
        'churned',
      ]);
    });

    it('validates pipeline definitions with a path per problem', () => {
      const invalid = (input: unknown) => {
        try {
          definePipeline(input);
        } catch (error) {
          return (error as { details: { issues: { path: string; reason: string }[] } }).details
            .issues;
        }
        throw new Error('expected a validation error');
      };
      expect(invalid(null)[0]?.reason).toBe('invalid_type');
      const issues = invalid({
        key: 'Bad Key',
        name: '',
        stages: [
          { key: 'a', probability: 150, requiredFields: ['nonsense'], allowedMoves: ['zzz'] },
          { key: 'a', probability: 10, playbook: [{ key: 'x', title: 'T', dueIn: { weeks: 1 } }] },
          { key: 'w', kind: 'won' },
          { key: 'w2', kind: 'won' },
        ],
      });
      expect(issues.map((issue) => issue.path)).toEqual(
        expect.arrayContaining([
          'key',
          'name',
          'stages.0.probability',
          'stages.0.requiredFields.0',
          'stages.1.playbook.0.dueIn.weeks',
          'stages.1.key',
          'stages.0.allowedMoves.0',
          'stages',
        ]),
      );
      expect(issues.map((issue) => issue.reason)).toEqual(
        expect.arrayContaining(['won_stage', 'lost_stage']),
      );
    });

    it('refuses removing a stage that still holds deals', async () => {
      const { admin, rep1 } = await setup(factory);
      await rep1.pipeline.opportunities.create({ title: 'A', stage: 'qualification' });
      const current = await admin.pipeline.pipelines.getDefault();
      const without = current.stages.filter((stage) => stage.key !== 'qualification');
      await expectCode(admin.pipeline.pipelines.update('default', { stages: without }), 'CONFLICT');
      const renamed = await admin.pipeline.pipelines.update('default', { name: 'Main' });
      expect(renamed.name).toBe('Main');
      const trimmed = await admin.pipeline.pipelines.update('default', {
        stages: current.stages.filter((stage) => stage.key !== 'negotiation'),
      });
      expect(trimmed.stages).toHaveLength(5);
    });

    it('refuses an unknown pipeline or stage when creating a deal, writing nothing', async () => {
      const { rep1 } = await setup(factory);
      const pipeline = await expectCode(
        rep1.pipeline.opportunities.create({ title: 'A', pipelineId: 'nope' }),
        'VALIDATION_FAILED',
      );
      expect(pipeline.details.issues?.[0]).toMatchObject({
        path: 'pipelineId',
        reason: 'unknown_pipeline',
      });
      const stage = await expectCode(
        rep1.pipeline.opportunities.create({ title: 'A', stage: 'closing' }),
        'VALIDATION_FAILED',
      );
      expect(stage.details.issues?.[0]).toMatchObject({ path: 'stage', reason: 'unknown_stage' });
      await expectCode(
        rep1.pipeline.opportunities.create({ title: 'A', stage: 'won' }),
        'INVALID_TRANSITION',
      );
      expect(await rep1.pipeline.opportunities.count()).toBe(0);
    });
  });
}
