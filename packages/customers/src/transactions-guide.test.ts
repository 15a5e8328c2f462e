import { createSellkit, memory, type StorageAdapter } from '@sellkit/core';
import { pglite, sqlite } from '@sellkit/storage-kysely';
import { describe, expect, it } from 'vitest';
import { customers, customersHandle } from './module.js';

// docs/getting-started.md, "Transactions": several calls in crm.as(ctx).transaction commit
// together, and a throw undoes all of them, on every adapter. (The doc test runs the guide's
// own block on memory; this checks what its comments claim, adapter by adapter.)
const ADAPTERS: readonly [string, () => StorageAdapter][] = [
  ['memory', () => memory()],
  ['sqlite', () => sqlite({ memory: true })],
  ['pglite', () => pglite()],
];

describe.each(ADAPTERS)('several calls in one transaction on %s', (_name, make) => {
  it('commit together, and a throw undoes every call', async () => {
    const crm = await createSellkit({ storage: make(), modules: [customers()] });
    try {
      const admin = crm.as({ tenantId: 'acme', actor: { id: 'u-1', roles: ['admin'] } });
      await admin.transaction(async (tx) => {
        const service = tx.use(customersHandle);
        const acme = await service.companies.create({ name: 'Acme' });
        await service.contacts.create({
          firstName: 'Ada',
          lastName: 'Lovelace',
          companyId: acme.id,
        });
      });
      const created: string[] = [];
      crm.events.on('customer.created', (event) => {
        created.push(event.id);
      });
      const failure = await admin
        .transaction(async (tx) => {
          const service = tx.use(customersHandle);
          const globex = await service.companies.create({ name: 'Globex' });
          await service.contacts.create({
            firstName: 'Bo',
            lastName: 'Stone',
            companyId: globex.id,
          });
          throw new Error('the ERP refused the order');
        })
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(Error);
      expect((await admin.customers.companies.find()).rows.map((company) => company.name)).toEqual([
        'Acme',
      ]);
      expect((await admin.customers.contacts.find()).rows).toHaveLength(1);
      expect(created).toEqual([]); // no event for rolled-back work
    } finally {
      await crm.close();
    }
  });
});
