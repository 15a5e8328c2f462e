import { definePlugin, field, Money } from '@sellkit/core';
import { describe, expect, it } from 'vitest';
import type { CompanyInput } from '../companies/company-model.js';
import { type AdapterFactory, expectError, setup } from './harness.js';

/** The company service suite, run per adapter. */
export function companiesSuite(name: string, factory: AdapterFactory): void {
  describe(`companies (${name})`, () => {
    it('creates companies with derived size class and duplicate keys, and announces them', async () => {
      const { crm, admin } = await setup(factory);
      const created: string[] = [];
      crm.events.on('customer.created', (event) => {
        if (event.model === 'company') created.push(event.company.name);
      });
      const acme = await admin.companies.create({
        name: '  Acme Corporation ',
        industry: 'Manufacturing',
        employees: 2822,
        annualRevenue: Money.of('1100040000.00', 'USD'),
        website: 'https://www.acme.com/about',
        phone: '+1 (555) 010-9999',
        email: 'Sales@Acme.com',
      });
      expect(acme).toMatchObject({
        name: 'Acme Corporation',
        industry: 'manufacturing',
        sizeClass: 'large',
        sizeClassSource: 'derived',
        email: 'sales@acme.com',
        nameKey: 'acme',
        domain: 'acme.com',
        phoneKey: '+15550109999',
        ownerId: 'admin-1',
        lifecycleStage: 'lead',
        tags: [],
        interactionCount: 0,
      });
      expect(acme.annualRevenue?.equals(Money.of('1100040000', 'USD'))).toBe(true);
      const sizes = await Promise.all(
        [10, 49, 50, 249, 250, null].map(
          async (employees) =>
            (await admin.companies.create({ name: `Size ${employees}`, employees })).sizeClass,
        ),
      );
      expect(sizes).toEqual(['small', 'small', 'medium', 'medium', 'large', null]);
      await crm.events.idle();
      expect(created).toContain('Acme Corporation');
      expect(created).toHaveLength(7);
    });

    it('uses configured size thresholds', async () => {
      const { admin } = await setup(factory, { sizeClasses: { mediumFrom: 10, largeFrom: 100 } });
      const company = await admin.companies.create({ name: 'Tiny', employees: 120 });
      expect(company.sizeClass).toBe('large');
    });

    it('pins a size class set by hand, and derives it again when cleared', async () => {
      const { admin } = await setup(factory);
      const company = await admin.companies.create({
        name: 'Pinned',
        employees: 10,
        sizeClass: 'large',
      });
      expect(company).toMatchObject({ sizeClass: 'large', sizeClassSource: 'manual' });
      const grown = await admin.companies.update(company.id, { employees: 100 });
      expect(grown).toMatchObject({ sizeClass: 'large', sizeClassSource: 'manual' });
      const cleared = await admin.companies.update(company.id, { sizeClass: null });
      expect(cleared).toMatchObject({ sizeClass: 'medium', sizeClassSource: 'derived' });
      const shrunk = await admin.companies.update(company.id, { employees: 5 });
      expect(shrunk.sizeClass).toBe('small');
    });

    it('announces updates with the changed fields and audits them', async () => {
      const { crm, admin, as } = await setup(factory);
      const changes: (readonly string[])[] = [];
      crm.events.on('customer.updated', (event) => {
        changes.push(event.changed);
      });
      const company = await admin.companies.create({ name: 'Globex', employees: 10 });
      await admin.companies.update(company.id, { employees: 300, lifecycleStage: 'customer' });
      await admin.companies.update(company.id, { lifecycleStage: 'customer' });
      await crm.events.idle();
      expect(changes).toHaveLength(1);
      expect([...(changes[0] ?? [])].sort()).toEqual([
        'customerSince',
        'employees',
        'lifecycleStage',
        'sizeClass',
      ]);
      const history = await as({ id: 'admin-1', roles: ['admin'] }).audit.history(
        'company',
        company.id,
      );
      expect(history.map((entry) => entry.action)).toEqual(['create', 'update']);
      await expectError(
        admin.companies.update(company.id, { name: 'Stale' }, { expectedVersion: 1 }),
        'CONFLICT',
      );
    });

    it('records when a company first became a customer, and keeps it when it churns and returns', async () => {
      const { admin } = await setup(factory);
      const lead = await admin.companies.create({ name: 'Initech' });
      expect(lead.customerSince).toBeNull();
      const won = await admin.companies.update(lead.id, { lifecycleStage: 'customer' });
      expect(won.customerSince).toBeInstanceOf(Date);
      await admin.companies.update(lead.id, { lifecycleStage: 'churned' });
      const back = await admin.companies.update(lead.id, { lifecycleStage: 'customer' });
      expect(back.customerSince).toEqual(won.customerSince);
      const direct = await admin.companies.create({ name: 'Hooli', lifecycleStage: 'customer' });
      expect(direct.customerSince).toBeInstanceOf(Date);
      await expectError(
        admin.companies.update(lead.id, { customerSince: new Date() } as never),
        'VALIDATION_FAILED',
        'customerSince',
      );
    });

    it('links parents and refuses self-parenting and cycles, writing nothing', async () => {
      const { admin } = await setup(factory);
      const group = await admin.companies.create({ name: 'Group' });
      const division = await admin.companies.create({ name: 'Division', parentId: group.id });
      const unit = await admin.companies.create({ name: 'Unit', parentId: division.id });
      expect((await admin.companies.subsidiaries(group.id)).map((row) => row.name)).toEqual([
        'Division',
      ]);
      await expectError(
        admin.companies.update(group.id, { parentId: group.id }),
        'VALIDATION_FAILED',
        'parentId',
      );
      const cycle = await expectError(
        admin.companies.update(group.id, { parentId: unit.id }),
        'VALIDATION_FAILED',
        'parentId',
      );
      expect(cycle.details.issues?.[0]?.reason).toBe('parent_cycle');
      await expectError(
        admin.companies.update(division.id, { parentId: unit.id }),
        'VALIDATION_FAILED',
        'parentId',
      );
      await expectError(
        admin.companies.create({ name: 'Orphan', parentId: 'com_00000000000000000000000000' }),
        'VALIDATION_FAILED',
        'parentId',
      );
      expect((await admin.companies.get(group.id)).version).toBe(1);
      expect((await admin.companies.get(group.id)).parentId).toBeNull();
      expect(await admin.companies.count()).toBe(3);
    });

    it('refuses bad e-mails, phones, web sites, unknown owners and territories, naming the field', async () => {
      const { admin } = await setup(factory);
      const refused = (input: CompanyInput, path: string) =>
        expectError(admin.companies.create(input), 'VALIDATION_FAILED', path);
      await refused({ name: 'x', email: 'not-an-email' }, 'email');
      await refused({ name: 'x', email: 'a@b' }, 'email');
      await refused({ name: 'x', phone: '12345' }, 'phone');
      await refused({ name: 'x', phone: '+1 555 CALL NOW' }, 'phone');
      await refused({ name: 'x', phone: '1234567890123456' }, 'phone');
      await refused({ name: 'x', website: 'not a site' }, 'website');
      await refused({ name: 'x', ownerId: 'ghost' }, 'ownerId');
      await refused({ name: 'x', territoryId: 'mars' }, 'territoryId');
      await refused({ name: 'x', tags: ['nope'] }, 'tags.0');
      await refused({ name: '   ' }, 'name');
      await refused({ name: 'x', nameKey: 'y' } as never, 'nameKey');
      await refused({ name: 'x', employees: -1 }, 'employees');
      await refused({ name: 'x', addresses: [{ city: 3 }] } as never, 'addresses.0.city');
      await expectError(admin.companies.create(null as never), 'VALIDATION_FAILED');
      await expectError(admin.companies.create('acme' as never), 'VALIDATION_FAILED');
      const several = await expectError(
        admin.companies.create({ name: 'x', email: 'bad', phone: 'bad' }),
        'VALIDATION_FAILED',
      );
      expect(several.details.issues?.map((issue) => issue.path).sort()).toEqual(['email', 'phone']);
      expect(await admin.companies.count()).toBe(0);
      const ok = await admin.companies.create({
        name: 'Fine',
        ownerId: 'rep-2',
        territoryId: 'north',
        phone: '+44 (20) 7946-0958',
        addresses: [{ kind: 'headquarters', city: 'London', country: 'GB' }],
      });
      expect(ok.ownerId).toBe('rep-2');
    });

    it('moves contacts into the new territory with their company', async () => {
      const { admin } = await setup(factory);
      const company = await admin.companies.create({ name: 'Moving', territoryId: 'north' });
      const person = await admin.contacts.create({ lastName: 'Doe', companyId: company.id });
      expect(person.territoryId).toBe('north');
      await admin.companies.update(company.id, { territoryId: 'south' });
      expect((await admin.contacts.get(person.id)).territoryId).toBe('south');
      await admin.companies.update(company.id, { territoryId: null });
      expect((await admin.contacts.get(person.id)).territoryId).toBeNull();
    });

    it('carries plugin fields', async () => {
      const loyalty = definePlugin({
        id: 'loyalty',
        extend: { company: { loyaltyTier: field.enum(['gold', 'silver'] as const) } },
      });
      const { admin } = await setup(factory, {}, [loyalty]);
      const gold = await admin.companies.create({ name: 'Gold Co', loyaltyTier: 'gold' });
      expect((gold as Record<string, unknown>).loyaltyTier).toBe('gold');
      await expectError(
        admin.companies.create({ name: 'x', loyaltyTier: 'bronze' }),
        'VALIDATION_FAILED',
        'loyaltyTier',
      );
      const updated = await admin.companies.update(gold.id, { loyaltyTier: 'silver' });
      expect((updated as Record<string, unknown>).loyaltyTier).toBe('silver');
    });

    it('refuses deleting a company others still refer to', async () => {
      const { admin } = await setup(factory);
      const company = await admin.companies.create({ name: 'Referenced' });
      await admin.contacts.create({ lastName: 'Doe', companyId: company.id });
      await expectError(admin.companies.delete(company.id), 'CONFLICT');
      const lonely = await admin.companies.create({ name: 'Lonely' });
      await admin.companies.delete(lonely.id);
      await expectError(admin.companies.get(lonely.id), 'NOT_FOUND');
    });
  });
}
