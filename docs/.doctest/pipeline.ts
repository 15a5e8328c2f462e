// Names the fragments of docs/pipeline.md take from earlier blocks (type-checked only).
import { catalog } from '@sellkit/catalog';
import { createSellkit, memory } from '@sellkit/core';
import { customers } from '@sellkit/customers';
import { defaultPriorityRuleSet, pipeline } from '@sellkit/pipeline';
import { team } from '@sellkit/team';

export const crm = await createSellkit({
  storage: memory(),
  modules: [team(), customers(), catalog({ currency: 'USD' }), pipeline()],
});
export const admin = crm.as({ tenantId: 'acme', actor: { id: 'u-1', roles: ['admin'] } });
export const manager = crm.as({ tenantId: 'acme', actor: { id: 'u-2', roles: ['sales-manager'] } });
export const rep = crm.as({ tenantId: 'acme', actor: { id: 'u-7', roles: ['sales-rep'] } });
type Deal = Awaited<ReturnType<typeof rep.pipeline.opportunities.create>>;
export declare const deal: Deal;
export declare const other: Deal;
export declare const task: Awaited<ReturnType<typeof rep.pipeline.tasks.create>>;
export declare const cancity: Awaited<ReturnType<typeof rep.customers.companies.create>>;
export declare const ana: Awaited<ReturnType<typeof rep.customers.contacts.create>>;
export declare const special: Awaited<ReturnType<typeof admin.catalog.products.create>>;
/** Rules of a draft rule set, and one more rule to try. */
export const rules = defaultPriorityRuleSet().rules;
export declare const referralRule: (typeof rules)[number];
/** The host's own order system. */
export declare const orders: { create(order: Record<string, unknown>): Promise<unknown> };
// Imported by the guide's first block.
export { Money } from '@sellkit/core';
export { defaultPriorityRuleSet, pipeline } from '@sellkit/pipeline';
