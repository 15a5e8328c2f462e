import { createSellkit, defineModel, defineModule, field, Money } from '@sellkit/core';
import { sqlite } from '@sellkit/storage-kysely';

/** The README's deal model: a title, an amount and an owner (reps see their own deals). */
export const deal = defineModel({
  name: 'deal',
  idPrefix: 'deal',
  fields: {
    title: field.text({ required: true, maxLength: 200 }),
    amount: field.money({ required: true }),
    ownerId: field.text({ maxLength: 64 }),
  },
  access: { ownerField: 'ownerId' },
});

/** What the quickstart did: the deals it created and the ones its query found. */
export interface QuickstartReport {
  /** Every deal created, as `title: amount currency`. */
  readonly created: readonly string[];
  /** The deals of 10,000 EUR or more, as `title: amount currency`. */
  readonly big: readonly string[];
  /** How many deals a second rep of the same tenant sees (reps see only their own). */
  readonly seenByOtherRep: number;
}

function line(row: { title: string; amount: Money }): string {
  return `${row.title}: ${row.amount.toString()} ${row.amount.currency}`;
}

/**
 * The README's quickstart on SQLite: composes Sellkit on an in-memory SQLite database (the
 * tables are created by `createSellkit`), creates two deals as a sales rep and queries them.
 * Pass `sqlite({ file: 'quickstart.db' })` instead to keep the data.
 */
export async function run(): Promise<QuickstartReport> {
  const crm = await createSellkit({
    storage: sqlite({ memory: true }),
    modules: [defineModule({ id: 'deals', models: { deal } })],
  });
  try {
    const rep = crm.as({ tenantId: 'acme', actor: { id: 'rep-1', roles: ['sales-rep'] } });
    const created = [
      await rep.records.deal.create({
        title: 'Cancity renewal',
        amount: Money.of('12500.00', 'EUR'),
      }),
      await rep.records.deal.create({ title: 'Isdom pilot', amount: Money.of('4514.00', 'EUR') }),
    ];
    const big = await rep.records.deal.find({
      where: { amount: { gte: Money.of('10000', 'EUR') } },
    });
    const otherRep = crm.as({ tenantId: 'acme', actor: { id: 'rep-2', roles: ['sales-rep'] } });
    return {
      created: created.map(line),
      big: big.rows.map(line),
      seenByOtherRep: await otherRep.records.deal.count(),
    };
  } finally {
    await crm.close();
  }
}
