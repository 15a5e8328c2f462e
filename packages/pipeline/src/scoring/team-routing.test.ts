import { catalog } from '@sellkit/catalog';
import { createSellkit, createTestClock, memory } from '@sellkit/core';
import { customers } from '@sellkit/customers';
import { team } from '@sellkit/team';
import { describe, expect, it } from 'vitest';
import { pipeline } from '../module.js';
import { ADMIN, START, usd } from '../test-support/harness.js';
import { teamRouting } from './team-routing.js';

describe('routing with the team module', () => {
  it('sends high-priority deals to senior reps by the published assignment rules', async () => {
    const crm = await createSellkit({
      storage: memory(),
      modules: [
        team(),
        customers(),
        catalog({ currency: 'USD' }),
        pipeline({ route: teamRouting() }),
      ],
      clock: createTestClock(START),
    });
    const admin = crm.as(ADMIN);
    await admin.team.reps.create({ userId: 'junior-1', name: 'June Junior', seniority: 'junior' });
    await admin.team.reps.create({ userId: 'senior-1', name: 'Sam Senior', seniority: 'senior' });
    const junior = crm.as({
      tenantId: ADMIN.tenantId,
      actor: { id: 'junior-1', roles: ['sales-rep'] },
    });
    // No rules published yet: deals keep their owner.
    const early = await junior.pipeline.opportunities.create({
      title: 'Early',
      budgetConfirmed: true,
      amount: usd('90000'),
    });
    expect(early.ownerId).toBe('junior-1');
    const senior = await admin.team.reps.byUserId('senior-1');
    await admin.team.rules.publish({
      rules: [{ id: 'vip', when: { priority: 'high' }, assignTo: { rep: senior?.id ?? '' } }],
    });
    const small = await junior.pipeline.opportunities.create({ title: 'Small' });
    expect(small.ownerId).toBe('junior-1');
    const big = await junior.pipeline.opportunities.create({
      title: 'Big',
      budgetConfirmed: true,
      amount: usd('90000'),
    });
    expect(big.band).toBe('hot');
    expect(big.ownerId).toBe('senior-1');
  });
});
