import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSellkit, defineModel, defineModule } from '@sellkit/core';
import { sqlite } from '@sellkit/storage-kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { company } from '../companies/company-model.js';
import { customers } from '../module.js';
import { contact } from './contact-model.js';
import type { ReparsePhonesReport } from './reparse-phones.js';

const dir = mkdtempSync(join(tmpdir(), 'sellkit-phones-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The contact model as it was before phones were parsed: phones a text list, nothing else. */
function legacyContact() {
  const { phoneNumbers, address, country, alternateName, ...fields } = contact.fields;
  expect([phoneNumbers, address, country, alternateName].every(Boolean)).toBe(true);
  return defineModel({
    name: 'contact',
    idPrefix: 'con',
    fields,
    indexes: [{ fields: ['companyId', 'lastName'] }],
    access: { ownerField: 'ownerId', territoryField: 'territoryId' },
  });
}

const ADMIN = { tenantId: 'acme', actor: { id: 'admin-1', roles: ['admin'] } } as const;

describe('contacts stored with the old phone shape (SQLite file)', () => {
  it('set-up adds the new columns, reads upgrade in memory, reparsePhones() upgrades the rows', async () => {
    const file = join(dir, 'crm.db');
    const old = await createSellkit({
      storage: sqlite({ file }),
      modules: [defineModule({ id: 'legacy', models: { company, contact: legacyContact() } })],
    });
    const records = old.as(ADMIN).records;
    const acme = await records.company.create({
      name: 'Acme',
      phone: '+1 555 010 9999',
      phoneKey: '550109999', // the old key: the last nine digits
    });
    const wei = await records.contact.create({
      lastName: '张',
      firstName: '伟',
      companyId: acme.id,
      phones: ['13800138000', '010-12345678'],
    });
    const odd = await records.contact.create({
      lastName: 'Odd',
      phones: ['+1-940-986-3836x4639', '12'],
    });
    await old.close();

    // The same file under today's model: set-up adds the columns, nothing else changes.
    const crm = await createSellkit({
      storage: sqlite({ file }),
      modules: [customers({ defaultCountry: 'CN' })],
    });
    const admin = crm.as(ADMIN).customers;
    const read = await admin.contacts.get(wei.id);
    expect(read.phones).toEqual(['+8613800138000', '+861012345678']);
    expect(read.phoneNumbers?.map((phone) => [phone.type, phone.entered])).toEqual([
      ['mobile', '13800138000'],
      ['fixed_line', '010-12345678'],
    ]);
    // The stored row is untouched by reading.
    const stored = await crm.as(ADMIN).records.contact.get(wei.id);
    expect(stored).toMatchObject({ phones: ['13800138000', '010-12345678'], phoneNumbers: null });
    // A number that does not read stays as it was, beside the ones that do.
    expect((await admin.contacts.get(odd.id)).phones).toEqual(['+19409863836;ext=4639', '12']);

    const progress: ReparsePhonesReport[] = [];
    const report = await admin.reparsePhones({ batchSize: 1, onProgress: (p) => progress.push(p) });
    expect(report).toMatchObject({ total: 3, done: 3, upgraded: 2, unchanged: 0 });
    expect(report.failed).toEqual([
      expect.objectContaining({ model: 'contact', id: odd.id, path: 'phones.1', value: '12' }),
    ]);
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3]);
    expect(await crm.as(ADMIN).records.contact.get(wei.id)).toMatchObject({
      phones: ['+8613800138000', '+861012345678'],
      phoneNumbers: [
        expect.objectContaining({ number: '+8613800138000', type: 'mobile' }),
        expect.anything(),
      ],
    });
    expect((await admin.companies.get(acme.id)).phoneKey).toBe('+15550109999');
    // The contact that could not be read is left as it was; a second run has nothing else to do.
    expect(await crm.as(ADMIN).records.contact.get(odd.id)).toMatchObject({ phoneNumbers: null });
    const again = await admin.reparsePhones();
    expect(again).toMatchObject({ total: 2, upgraded: 0, unchanged: 1 });
    expect(again.failed).toHaveLength(1);
    // Fixing the number by hand upgrades the contact.
    const fixed = await admin.contacts.update(odd.id, { phones: ['+1-940-986-3836x4639'] });
    expect(fixed.phoneNumbers).toHaveLength(1);
    await crm.close();
  });
});
