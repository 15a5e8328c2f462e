import { describe, expect, it } from 'vitest';
import { memory } from '../storage/memory/index.js';
import { createSellkit } from './create-sellkit.js';
import { defineModule } from './definitions.js';
import type { ModuleScope } from './module-scope.js';
import { deals } from './test-support/deals-module.js';

const admin = { id: 'u-1', roles: ['admin'] };

function numbering() {
  return defineModule({
    id: 'numbering',
    services: (scope: ModuleScope) => ({
      next: (series: string) => scope.nextSequenceValue(series),
      nextThenFail: (series: string) =>
        scope.transaction(async (tx) => {
          await tx.nextSequenceValue(series);
          throw new Error('posting failed');
        }),
    }),
  });
}

describe('scope.nextSequenceValue', () => {
  it('numbers each series and tenant from 1, gives back a rolled-back number, and never repeats under concurrency', async () => {
    const crm = await createSellkit({ storage: memory(), modules: [deals(), numbering()] });
    const acme = crm.as({ tenantId: 'acme', actor: admin }).numbering;
    const globex = crm.as({ tenantId: 'globex', actor: admin }).numbering;
    expect(await acme.next('orders.sales-order')).toBe(1);
    expect(await acme.next('orders.sales-order')).toBe(2);
    expect(await acme.next('orders.quote')).toBe(1);
    expect(await globex.next('orders.sales-order')).toBe(1);
    await expect(acme.nextThenFail('orders.sales-order')).rejects.toThrow('posting failed');
    expect(await acme.next('orders.sales-order')).toBe(3);
    const many = await Promise.all(
      Array.from({ length: 20 }, () => acme.next('orders.sales-order')),
    );
    expect([...many].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 4));
  });
});
