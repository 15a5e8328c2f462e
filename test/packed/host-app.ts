// A host project's code, compiled and run against the packed tarballs (scripts/packed-install.mjs):
// the README quickstart on memory, then the same deal on SQLite (on whichever binding the host
// installed) and, when SELLKIT_PG_URL is set, on PostgreSQL, plus a module from the SDK.

import type { StorageAdapter } from '@sellkit/core';
import { createSellkit, defineModel, defineModule, field, Money, memory } from '@sellkit/core';
import { customers } from '@sellkit/customers';
import { loadSqlite, postgres, type SqliteDriverName, sqlite } from '@sellkit/storage-kysely';

const deal = defineModel({
  name: 'deal',
  idPrefix: 'deal',
  fields: {
    title: field.text({ required: true, maxLength: 200 }),
    amount: field.money({ required: true }),
    ownerId: field.text({ maxLength: 64 }),
  },
  access: { ownerField: 'ownerId' },
});

async function exercise(label: string, storage: StorageAdapter): Promise<void> {
  const crm = await createSellkit({
    storage,
    modules: [defineModule({ id: 'deals', models: { deal } }), customers()],
  });
  try {
    const tenantId = `packed-${process.pid}-${Date.now()}`;
    const rep = crm.as({ tenantId, actor: { id: 'rep-1', roles: ['sales-rep'] } });
    await rep.records.deal.create({
      title: 'Cancity renewal',
      amount: Money.of('12500.00', 'EUR'),
    });
    await rep.records.deal.create({ title: 'Isdom pilot', amount: Money.of('4514.00', 'EUR') });
    const big = await rep.records.deal.find({
      where: { amount: { gte: Money.of('10000', 'EUR') } },
    });
    const titles = big.rows.map((d) => `${d.title}: ${d.amount.toString()} ${d.amount.currency}`);
    if (titles.join() !== 'Cancity renewal: 12500.00 EUR') {
      throw new Error(`${label}: unexpected result ${JSON.stringify(titles)}`);
    }
    const admin = crm.as({ tenantId, actor: { id: 'admin-1', roles: ['admin'] } });
    const company = await admin.customers.companies.create({ name: 'Cancity GmbH' });
    console.log(`${label}: ${titles.join()}; company ${company.name}`);
  } finally {
    await crm.close();
  }
}

await exercise('memory', memory());
// libsql (which this host installs, no build needed) must work; better-sqlite3 too where the
// host's install built its binding.
for (const driver of ['libsql', 'better-sqlite3'] satisfies SqliteDriverName[]) {
  const available = await loadSqlite(driver).then(
    () => true,
    () => false,
  );
  if (available) await exercise(`sqlite (${driver})`, sqlite({ memory: true }, { driver }));
  else if (driver === 'libsql') throw new Error('libsql does not load in the packed host');
  else console.log(`sqlite (${driver}): not installed here, skipped`);
}
const url = process.env.SELLKIT_PG_URL;
if (url) await exercise('postgres', postgres({ url }, { schema: `packed_${process.pid}` }));
else console.log('postgres: skipped (SELLKIT_PG_URL unset)');
