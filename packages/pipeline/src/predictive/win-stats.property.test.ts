import { memory } from '@sellkit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { setup, usd } from '../test-support/harness.js';

const step = fc.record({
  source: fc.constantFrom('web', 'referral', 'trade show'),
  outcome: fc.constantFrom('won', 'lost'),
  reopen: fc.boolean(),
});

describe('win model counts', () => {
  it('counting as deals close and reopen equals a rebuild from the deals', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const { rep1, admin } = await setup(() => memory());
        for (const item of steps) {
          const deal = await rep1.pipeline.opportunities.create({
            title: 'D',
            source: item.source,
            amount: usd('1'),
          });
          if (item.outcome === 'won') await rep1.pipeline.opportunities.win(deal.id);
          else await rep1.pipeline.opportunities.lose(deal.id, { reason: 'x' });
          if (item.reopen) await rep1.pipeline.opportunities.reopen(deal.id, { reason: 'again' });
        }
        const counts = async () =>
          (await admin.records.winStat.find({ limit: 1000 })).rows
            .filter((row) => row.won + row.lost > 0)
            .map((row) => `${row.feature}=${row.value}:${row.won}/${row.lost}`)
            .sort();
        const incremental = await counts();
        await admin.pipeline.scoring.rebuildWinModel();
        expect(await counts()).toEqual(incremental);
      }),
      { numRuns: 15 },
    );
  });
});
