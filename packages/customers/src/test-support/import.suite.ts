import { Readable } from 'node:stream';
import { Money } from '@sellkit/core';
import { describe, expect, it } from 'vitest';
import type { Company } from '../companies/company-model.js';
import { MAVEN_ACCOUNTS_MAPPING } from '../import/import-companies.js';
import type { ImportProgress } from '../import/import-report.js';
import { type AdapterFactory, collect, expectError, setup } from './harness.js';

/** The Maven CRM sample accounts, resolved from this file (`examples/data/maven-crm` in the repository). */
export const ACCOUNTS = new URL(
  '../../../../examples/data/maven-crm/accounts.csv',
  import.meta.url,
);

const stream = (text: string) => Readable.from([text]);

async function everything(admin: Awaited<ReturnType<typeof setup>>['admin']): Promise<Company[]> {
  return (await admin.companies.find({ orderBy: [{ field: 'name' }], limit: 1000 })).rows;
}

/** The import suite, run per adapter. */
export function importSuite(name: string, factory: AdapterFactory): void {
  describe(`import (${name})`, () => {
    it('imports the Maven accounts: every row accounted for, parents linked, money exact', async () => {
      const { admin } = await setup(factory);
      const progress: ImportProgress[] = [];
      const report = await admin.importCompanies(ACCOUNTS, {
        mapping: MAVEN_ACCOUNTS_MAPPING,
        batchSize: 20,
        onProgress: (value) => progress.push(value),
      });
      expect(report).toMatchObject({
        dryRun: false,
        total: 85,
        created: 85,
        updated: 0,
        unchanged: 0,
        rejected: [],
      });
      expect(report.total).toBe(
        report.created + report.updated + report.unchanged + report.rejected.length,
      );
      // Countries are stored as codes; Korea is ambiguous and Philipines misspelt: both counted.
      expect(report.unknownValues).toEqual({
        industry: { technolgy: 12 },
        country: { Korea: 1, Philipines: 1 },
      });
      expect(report.ambiguousValues).toEqual({ country: { Korea: ['KR', 'KP'] } });
      expect(progress.length).toBeGreaterThanOrEqual(4);
      expect(progress.at(-1)).toMatchObject({ rows: 85, created: 85 });
      const companies = await everything(admin);
      expect(companies).toHaveLength(85);
      const byName = new Map(companies.map((company) => [company.name, company]));
      const acme = byName.get('Acme Corporation') as Company;
      expect(acme).toMatchObject({
        industry: 'technolgy',
        employees: 2822,
        sizeClass: 'large',
        foundedYear: 1996,
        country: 'US',
        externalId: 'Acme Corporation',
      });
      expect(acme.annualRevenue?.equals(Money.of('1100040000.00', 'USD'))).toBe(true);
      expect(acme.annualRevenue?.toJSON()).toEqual({ amount: '1100040000.00', currency: 'USD' });
      const children = companies.filter((company) => company.parentId !== null);
      expect(children).toHaveLength(15);
      expect(children.filter((company) => company.parentId === acme.id)).toHaveLength(4);
      expect((await admin.companies.subsidiaries(acme.id)).length).toBe(4);
    });

    it('re-imports idempotently, and maps the technolgy spelling when told', async () => {
      const { admin } = await setup(factory);
      await admin.importCompanies(ACCOUNTS, { mapping: MAVEN_ACCOUNTS_MAPPING });
      const again = await admin.importCompanies(ACCOUNTS, { mapping: MAVEN_ACCOUNTS_MAPPING });
      expect(again).toMatchObject({
        total: 85,
        created: 0,
        updated: 0,
        unchanged: 85,
        rejected: [],
      });
      const fixed = await admin.importCompanies(ACCOUNTS, {
        mapping: MAVEN_ACCOUNTS_MAPPING,
        valueMaps: {
          industry: { technolgy: 'technology' },
          country: { Korea: 'KR', Philipines: 'PH' },
        },
      });
      // 12 technolgy rows (Hottechi, in Korea, among them) and Bioholding (Philipines).
      expect(fixed).toMatchObject({ total: 85, created: 0, updated: 13, unchanged: 72 });
      expect(fixed.unknownValues).toEqual({});
      expect(await admin.companies.count({ country: 'KR' })).toBe(1);
      expect(await admin.companies.count({ country: 'US' })).toBe(71);
      expect(await admin.companies.count({ industry: 'technology' })).toBe(12);
      expect(await admin.companies.count({ industry: 'technolgy' })).toBe(0);
    });

    it('a dry run reports the same and writes nothing', async () => {
      const { crm, admin } = await setup(factory);
      const created: unknown[] = [];
      crm.events.on('customer.created', (event) => {
        created.push(event);
      });
      const dry = await admin.importCompanies(ACCOUNTS, {
        mapping: MAVEN_ACCOUNTS_MAPPING,
        dryRun: true,
      });
      expect(dry).toMatchObject({ dryRun: true, total: 85, created: 85, rejected: [] });
      await crm.events.idle();
      expect(created).toEqual([]);
      expect(await admin.companies.count()).toBe(0);
    });

    it('rejects bad rows with line numbers, and resolves parents that come later', async () => {
      const { admin } = await setup(factory, { strictIndustries: false });
      await admin.tags.create({ name: 'vip' });
      const csv = [
        'key,name,employees,email,tags,parent,industry',
        'c1,Child One,10,one@child.com,vip,p1,retail', // line 2: parent later in the file
        'c2,Bad Employees,lots,,,,retail', // line 3
        'c3,Bad Email,5,not-an-email,,,retail', // line 4
        'c4,Unknown Tag,5,,gold,,retail', // line 5
        'p1,Parent,100,,,,retail', // line 6
        'x1,Loop A,1,,,x2,retail', // line 7
        'x2,Loop B,1,,,x1,retail', // line 8
        'o1,Orphan,1,,,nobody,retail', // line 9
        ',,3,,,,retail', // line 10: no name
        'c5,"Quoted, Name",7,,vip;VIP,,Retail', // line 11
      ].join('\n');
      const report = await admin.importCompanies(stream(csv), {
        mapping: {
          externalId: 'key',
          name: 'name',
          employees: 'employees',
          email: 'email',
          tags: 'tags',
          parent: 'parent',
          industry: 'industry',
        },
      });
      expect(report.total).toBe(10);
      expect(report.created).toBe(3);
      expect(report.rejected.map((row) => [row.line, row.field])).toEqual([
        [3, 'employees'],
        [4, 'email'],
        [5, 'tags'],
        [10, 'name'],
        [7, 'parent'],
        [8, 'parent'],
        [9, 'parent'],
      ]);
      expect(report.rejected.find((row) => row.line === 3)?.column).toBe('employees');
      expect(report.rejected.find((row) => row.line === 9)?.reason).toContain('does not exist');
      expect(report.rejected.find((row) => row.line === 7)?.reason).toContain('cycle');
      const companies = await everything(admin);
      const parent = companies.find((company) => company.name === 'Parent');
      expect(companies.find((company) => company.name === 'Child One')?.parentId).toBe(parent?.id);
      expect(companies.find((company) => company.name === 'Quoted, Name')?.tags).toEqual(['vip']);
    });

    it('refuses a file without the mapped columns, or a bad mapping, before reading rows', async () => {
      const { admin } = await setup(factory);
      await expectError(
        admin.importCompanies(stream('name\nAcme\n'), { mapping: { name: 'account' } }),
        'VALIDATION_FAILED',
        'header.account',
      );
      await expectError(
        admin.importCompanies(stream('name\nAcme\n'), { mapping: { nam: 'name' } }),
        'VALIDATION_FAILED',
        'mapping.nam',
      );
      await expectError(
        admin.importCompanies(stream('name\nAcme\n'), {
          mapping: { name: 'name', nameKey: 'name' },
        }),
        'VALIDATION_FAILED',
        'mapping.nameKey',
      );
      await expectError(
        admin.importCompanies(stream('r\n1\n'), { mapping: { name: 'r', annualRevenue: 'r' } }),
        'VALIDATION_FAILED',
        'mapping.annualRevenue',
      );
      await expectError(
        admin.importCompanies('/no/such/file.csv', { mapping: { name: 'name' } }),
        'NOT_FOUND',
      );
      await expectError(
        admin.importCompanies(stream('name\nAcme\n'), {} as never),
        'VALIDATION_FAILED',
        'mapping',
      );
      expect(await admin.companies.count()).toBe(0);
    });

    it('imports contacts onto imported companies, idempotently', async () => {
      const { admin } = await setup(factory);
      await admin.importCompanies(ACCOUNTS, { mapping: MAVEN_ACCOUNTS_MAPPING });
      const csv = [
        'id,first,last,account,mail,phone,born',
        'k1,Ada,Lovelace,Acme Corporation,ada@acme.com;ADA@acme.com,+1 555 010 1000,1985-12-10',
        'k2,Bob,Builder,Nowhere Inc,bob@nowhere.com,,',
        'k3,Cy,Cyber,Betatech,cy@betatech.com,,2023-02-30',
        'k4,Di,Dee,Betatech,,12,',
      ].join('\n');
      const mapping = {
        externalId: 'id',
        firstName: 'first',
        lastName: 'last',
        company: 'account',
        emails: 'mail',
        phones: 'phone',
        birthday: 'born',
      };
      const report = await admin.importContacts(stream(csv), { mapping });
      expect(report).toMatchObject({ total: 4, created: 1, updated: 0, unchanged: 0 });
      expect(report.rejected.map((row) => [row.line, row.field]).sort()).toEqual([
        [3, 'company'],
        [4, 'birthday'],
        [5, 'phones'],
      ]);
      const ada = (await admin.contacts.find({ where: { externalId: 'k1' } })).rows[0];
      expect(ada).toMatchObject({ emails: ['ada@acme.com'], birthday: '1985-12-10' });
      const again = await admin.importContacts(stream(csv), { mapping });
      expect(again).toMatchObject({ total: 4, created: 0, unchanged: 1 });
    });

    it('refuses bad mappings before writing, and rejects bad dates and phones as counted rows', async () => {
      const { admin } = await setup(factory, { defaultCountry: 'US' });
      const csv = [
        'id,Full Name,Phone 1,Phone 2,Birthday,City,Country',
        'a1,张伟,13800138000,+86 10 1234 5678,12/10/1985,北京,中国', // line 2
        'a2,Ada Lovelace,(534)997-7624x626,,02/30/1985,London,United Kingdom', // line 3
        'a3,Bob Builder,12,,01/01/1990,Leeds,GB', // line 4
        'a4,Kim Lee,+82 2 312 3456,,01/02/1990,Seoul,Korea', // line 5
      ].join('\n');
      const mapping = {
        externalId: 'id',
        name: { split: 'Full Name' },
        phones: ['Phone 1', 'Phone 2'],
        birthday: { column: 'Birthday', format: 'MM/dd/yyyy' },
        address: { city: 'City', country: 'Country' },
      };
      await expectError(
        admin.importContacts(stream(csv), { mapping: { ...mapping, title: ['City', 'Country'] } }),
        'VALIDATION_FAILED',
        'mapping.title',
      );
      await expectError(
        admin.importContacts(stream(csv), { mapping: { ...mapping, emails: 'E-mail' } }),
        'VALIDATION_FAILED',
        'header.E-mail',
      );
      await expectError(
        admin.importContacts(stream(csv), { mapping, defaultCountry: 'Atlantis' }),
        'VALIDATION_FAILED',
        'defaultCountry',
      );
      expect(await admin.contacts.count()).toBe(0);
      const report = await admin.importContacts(stream(csv), { mapping, defaultCountry: 'CN' });
      expect(report).toMatchObject({ total: 4, created: 2 });
      expect(report.rejected.map((row) => [row.line, row.field, row.column])).toEqual([
        [3, 'birthday', 'Birthday'],
        [4, 'phones', 'Phone 1, Phone 2'],
      ]);
      expect(report.rejected[1]?.reason).toMatch(/^phones\.0: "12" is too short/);
      expect(report.unknownValues).toEqual({ country: { Korea: 1 } });
      const [wei] = (await admin.contacts.find({ where: { externalId: 'a1' } })).rows;
      expect(wei).toMatchObject({
        firstName: '伟',
        lastName: '张',
        phones: ['+8613800138000', '+861012345678'],
        birthday: '1985-12-10',
        address: { city: '北京', country: 'CN' },
        country: 'CN',
      });
      const [kim] = (await admin.contacts.find({ where: { externalId: 'a4' } })).rows;
      expect(kim).toMatchObject({ address: { city: 'Seoul' }, country: null });
    });

    it('exports what it imported', async () => {
      const { admin } = await setup(factory);
      await admin.importCompanies(ACCOUNTS, { mapping: MAVEN_ACCOUNTS_MAPPING });
      const csv = await collect(
        admin.exportCsv('company', {
          where: { sizeClass: 'large' },
          columns: ['name', 'annualRevenue', 'employees'],
        }),
      );
      const lines = csv.trimEnd().split('\r\n');
      expect(lines[0]).toBe('name,annualRevenue,annualRevenueCurrency,employees');
      expect(lines).toContain('Acme Corporation,1100040000.00,USD,2822');
      expect(lines.length - 1).toBe(await admin.companies.count({ sizeClass: 'large' }));
    });
  });
}
