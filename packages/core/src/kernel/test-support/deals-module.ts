import { defineModel, type InferCreate, type InferRecord } from '../../model/define-model.js';
import { field } from '../../model/fields.js';
import { defineModule } from '../definitions.js';
import type { ModuleScope } from '../module-scope.js';

/** A tiny module used by the kernel's own tests. */
export const deal = defineModel({
  name: 'deal',
  idPrefix: 'dl',
  fields: {
    title: field.text({ required: true, maxLength: 100 }),
    amount: field.money(),
    ownerId: field.text({ maxLength: 64, index: true }),
    territoryId: field.text({ maxLength: 64 }),
    stage: field.enum(['open', 'won', 'lost'] as const, { default: 'open' }),
  },
  access: { ownerField: 'ownerId', territoryField: 'territoryId' },
});
export type Deal = InferRecord<typeof deal>;

export interface DealEvents {
  'deal.created': { deal: Deal };
  'deal.won': { dealId: string; title: string };
  'deal.reminder': { dealId: string };
}

function dealService(scope: ModuleScope<DealEvents>) {
  const records = scope.records(deal);
  return {
    async create(input: InferCreate<typeof deal>): Promise<Deal> {
      return scope.transaction(async (tx) => {
        const created = await tx.records(deal).create(input);
        await tx.emit('deal.created', { deal: created });
        return created;
      });
    },
    get: (id: string) => records.get(id),
    list: () => records.find({ orderBy: [{ field: 'title' }] }),
    async win(id: string, options: { failAfterWrite?: boolean } = {}): Promise<Deal> {
      return scope.transaction(async (tx) => {
        const won = await tx.records(deal).update(id, { stage: 'won' });
        await tx.emit('deal.won', { dealId: id, title: won.title });
        if (options.failAfterWrite) throw new Error('boom after write');
        return won;
      });
    },
  };
}

export function deals() {
  return defineModule({
    id: 'deals',
    models: { deal },
    events: {} as DealEvents,
    services: (scope) => dealService(scope),
    jobs: {
      async reminders(scope, now) {
        const open = await scope.storage.find(deal, { where: { stage: 'open' } });
        const day = (await scope.calendar()).dateOf(now);
        for (const row of open.rows) {
          await scope.emitOnce(`deal.reminder:${row.id}:${day}`, 'deal.reminder', {
            dealId: row.id,
          });
        }
      },
    },
  });
}
