import { catalog } from '@sellkit/catalog';
import { createSellkit, createTestClock, memory } from '@sellkit/core';
import { customers } from '@sellkit/customers';
import { describe, expect, it } from 'vitest';
import { pipeline } from '../module.js';
import { ADMIN, START } from '../test-support/harness.js';
import { PIPELINE_COMPANY_REFERENCES } from './company-references.js';

describe('deals and merged companies', () => {
  it('re-points deals to the surviving company when two companies merge', async () => {
    const crm = await createSellkit({
      storage: memory(),
      modules: [
        customers({ mergeReferences: PIPELINE_COMPANY_REFERENCES }),
        catalog({ currency: 'USD' }),
        pipeline(),
      ],
      clock: createTestClock(START),
    });
    const admin = crm.as(ADMIN);
    const survivor = await admin.customers.companies.create({ name: 'Cancity' });
    const duplicate = await admin.customers.companies.create({ name: 'Cancity Inc' });
    const deal = await admin.pipeline.opportunities.create({ title: 'A', companyId: duplicate.id });
    await admin.customers.merge(survivor.id, duplicate.id);
    expect((await admin.pipeline.opportunities.get(deal.id)).companyId).toBe(survivor.id);
  });
});
