import { fileURLToPath } from 'node:url';
import { memory, readCsv } from '@sellkit/core';
import { sqlite } from '@sellkit/storage-kysely';
import { describe, expect, it } from 'vitest';
import { isCountryCode } from '../shared/country.js';
import { setup } from '../test-support/harness.js';
import type { ImportMapping } from './mapping.js';

/** 100 customers as another tool exports them (see make-customers-export.mjs beside it). */
export const CUSTOMERS_EXPORT = new URL(
  '../../test-fixtures/customers-export.csv',
  import.meta.url,
);

/** The mappings of that export: companies first (contacts refer to them by name), then contacts. */
export const EXPORT_COMPANY_MAPPING: ImportMapping = {
  externalId: 'Company',
  name: 'Company',
  website: 'Website',
  address: { city: 'City', country: 'Country' },
};
export const EXPORT_CONTACT_MAPPING: ImportMapping = {
  externalId: 'Customer Id',
  firstName: 'First Name',
  lastName: 'Last Name',
  company: { column: 'Company', by: 'name' },
  phones: ['Phone 1', 'Phone 2'],
  emails: 'Email',
  birthday: { column: 'Birthday', format: 'MM/dd/yyyy' },
  address: { city: 'City', country: 'Country' },
};
/** The two names the country library cannot settle: a former name and an ambiguous one. */
export const EXPORT_VALUE_MAPS = { country: { Swaziland: 'SZ', Korea: 'KR' } };

async function fixtureRows(): Promise<Record<string, string>[]> {
  const rows: Record<string, string>[] = [];
  for await (const row of readCsv(fileURLToPath(CUSTOMERS_EXPORT))) rows.push(row.values);
  return rows;
}

for (const [name, create] of [
  ['memory', () => memory()],
  ['sqlite', () => sqlite({ memory: true })],
] as const) {
  describe(`a customers export from another tool (${name})`, () => {
    it('imports all 100 rows: phones as E.164 + extension, countries as codes; again: all unchanged', async () => {
      const { admin } = await setup(create);
      // Without value maps, the two names that cannot be settled are reported, not guessed.
      const dry = await admin.importCompanies(CUSTOMERS_EXPORT, {
        mapping: EXPORT_COMPANY_MAPPING,
        dryRun: true,
      });
      expect(dry.rejected).toEqual([]);
      expect(dry.unknownValues).toEqual({ country: { Korea: 5, Swaziland: 5 } });
      expect(dry.ambiguousValues).toEqual({ country: { Korea: ['KR', 'KP'] } });

      const companies = await admin.importCompanies(CUSTOMERS_EXPORT, {
        mapping: EXPORT_COMPANY_MAPPING,
        valueMaps: EXPORT_VALUE_MAPS,
      });
      expect(companies).toMatchObject({
        total: 100,
        created: 100,
        rejected: [],
        unknownValues: {},
      });
      const options = {
        mapping: EXPORT_CONTACT_MAPPING,
        valueMaps: EXPORT_VALUE_MAPS,
        defaultCountry: 'US',
      };
      const report = await admin.importContacts(CUSTOMERS_EXPORT, options);
      expect(report.rejected).toEqual([]);
      expect(report).toMatchObject({ total: 100, created: 100, unknownValues: {} });

      const rows = await fixtureRows();
      const contacts = (await admin.contacts.find({ limit: 1000 })).rows;
      expect(contacts).toHaveLength(100);
      const byId = new Map(contacts.map((contact) => [contact.externalId, contact]));
      for (const row of rows) {
        const contact = byId.get(row['Customer Id'] as string);
        const entered = [row['Phone 1'], row['Phone 2']].filter((cell) => cell);
        expect(contact?.phoneNumbers?.map((phone) => phone.entered)).toEqual(entered);
        for (const phone of contact?.phoneNumbers ?? []) {
          expect(phone.number).toMatch(/^\+[1-9]\d{6,14}$/);
          const extension = /(?:x|ext\.?|#)\s*(\d+)$/.exec(phone.entered)?.[1] ?? null;
          expect(phone.extension).toBe(extension);
        }
        expect(contact?.phones.every((key) => /^\+\d+(;ext=\d+)?$/.test(key))).toBe(true);
        expect(isCountryCode(contact?.country)).toBe(true);
        expect(contact?.address?.city).toBe(row.City);
        expect(contact?.birthday).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      const all = (await admin.companies.find({ limit: 1000 })).rows;
      expect(all.every((company) => isCountryCode(company.country))).toBe(true);
      expect(all.every((company) => company.addresses?.[0]?.country === company.country)).toBe(
        true,
      );
      const lozano = all.find((company) => company.name === 'Lozano, Hoffman and Baxter');
      expect(lozano?.domain).toBe('lozanohoffmanandbaxter.com'); // from https://shop.…com/
      expect(await admin.companies.count({ country: 'KR' })).toBe(15); // Korea, South Korea, Korea, Republic of
      expect(await admin.companies.count({ country: 'FK' })).toBe(5);
      expect(await admin.companies.count({ country: 'SK' })).toBe(5);
      expect(await admin.companies.count({ country: 'SZ' })).toBe(5);
      expect(await admin.contacts.count({ country: 'CN' })).toBe(10); // China and 中国

      const again = await admin.importContacts(CUSTOMERS_EXPORT, options);
      expect(again).toMatchObject({ total: 100, created: 0, updated: 0, unchanged: 100 });
      expect(again.rejected).toEqual([]);
    });
  });
}
