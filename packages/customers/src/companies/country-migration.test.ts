import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSellkit, defineModule } from '@sellkit/core';
import { sqlite } from '@sellkit/storage-kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { customers } from '../module.js';
import { company } from './company-model.js';

const dir = mkdtempSync(join(tmpdir(), 'sellkit-countries-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ADMIN = { tenantId: 'acme', actor: { id: 'admin-1', roles: ['admin'] } } as const;

describe('companies stored with country names (SQLite file)', () => {
  it('recodeCountries() rewrites names as codes and lists what it cannot settle', async () => {
    const file = join(dir, 'crm.db');
    // Written without the customers services, as rows from before countries were codes.
    const old = await createSellkit({
      storage: sqlite({ file }),
      modules: [defineModule({ id: 'legacy', models: { company } })],
    });
    const records = old.as(ADMIN).records;
    const acme = await records.company.create({
      name: 'Acme',
      country: 'United States',
      addresses: [{ kind: 'headquarters', city: 'Springfield', country: 'United States' }],
    });
    const beijing = await records.company.create({ name: 'Beijing Trading', country: '中国' });
    const hottechi = await records.company.create({ name: 'Hottechi', country: 'Korea' });
    const coded = await records.company.create({ name: 'Coded', country: 'DE' });
    await old.close();

    const crm = await createSellkit({ storage: sqlite({ file }), modules: [customers()] });
    const admin = crm.as(ADMIN).customers;
    const first = await admin.recodeCountries();
    expect(first).toMatchObject({ checked: 4, recoded: 2 });
    expect(first.failed).toEqual([
      { id: hottechi.id, path: 'country', value: 'Korea', reason: 'ambiguous (KR or KP)' },
    ]);
    expect(await admin.companies.get(acme.id)).toMatchObject({
      country: 'US',
      addresses: [{ kind: 'headquarters', city: 'Springfield', country: 'US' }],
    });
    expect((await admin.companies.get(beijing.id)).country).toBe('CN');
    expect((await admin.companies.get(coded.id)).version).toBe(coded.version);
    const second = await admin.recodeCountries({ valueMap: { Korea: 'KR' } });
    expect(second).toMatchObject({ checked: 4, recoded: 1, failed: [] });
    expect((await admin.companies.get(hottechi.id)).country).toBe('KR');
    expect(await admin.recodeCountries()).toMatchObject({ recoded: 0, failed: [] });
    await crm.close();
  });
});
