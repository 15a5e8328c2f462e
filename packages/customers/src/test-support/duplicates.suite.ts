import { defineModel, definePlugin, field, Money } from '@sellkit/core';
import { describe, expect, it } from 'vitest';
import type { CustomerMergedEvent } from '../events.js';
import { ADMIN, type AdapterFactory, expectError, setup } from './harness.js';

/** The duplicates suite, run per adapter. */
export function duplicatesSuite(name: string, factory: AdapterFactory): void {
  describe(`duplicates (${name})`, () => {
    it('finds candidates by normalised name, e-mail domain and phone, with a score and reasons', async () => {
      // National numbers ("(555) 010-9999") are read in the default country, then compared as E.164.
      const { admin } = await setup(factory, { defaultCountry: 'US' });
      const acme = await admin.companies.create({
        name: 'Acme Corporation',
        website: 'https://www.shop.acme.com', // the registrable domain acme.com is compared
      });
      const acmeInc = await admin.companies.create({
        name: 'ACME, Inc.',
        email: 'sales@acme.com',
        phone: '+1 555 010 9999',
      });
      const acmeSa = await admin.companies.create({ name: 'Acmé S.A.', phone: '(555) 010-9999' });
      await admin.companies.create({ name: 'Gmail user A', email: 'a@gmail.com' });
      await admin.companies.create({ name: 'Gmail user B', email: 'b@gmail.com' });
      await admin.companies.create({ name: 'Globex' });
      const candidates = await admin.findDuplicates();
      const summary = candidates.map((candidate) => ({
        pair: candidate.companies.map((company) => company.name),
        score: candidate.score,
        kinds: candidate.reasons.map((reason) => reason.kind).sort(),
      }));
      expect(summary).toEqual(
        [
          { pair: ['ACME, Inc.', 'Acmé S.A.'], score: 0.76, kinds: ['name', 'phone'] },
          { pair: ['Acme Corporation', 'ACME, Inc.'], score: 0.8, kinds: ['domain', 'name'] },
          { pair: ['Acme Corporation', 'Acmé S.A.'], score: 0.6, kinds: ['name'] },
        ].sort((a, b) => b.score - a.score),
      );
      expect(candidates[0]?.reasons.find((reason) => reason.kind === 'name')?.value).toBe('acme');
      expect(await admin.findDuplicates({ threshold: 0.7 })).toHaveLength(2);
      expect(await admin.findDuplicates({ limit: 1 })).toHaveLength(1);
      await expectError(admin.findDuplicates({ threshold: 2 }), 'VALIDATION_FAILED', 'threshold');
      expect([acme.id, acmeInc.id, acmeSa.id]).toHaveLength(3);
    });

    it('merges contacts, interactions, tags and fields in one audited transaction', async () => {
      const { crm, admin, as } = await setup(factory);
      const merged: CustomerMergedEvent[] = [];
      crm.events.on('customer.merged', (event) => {
        merged.push(event);
      });
      await admin.tags.create({ name: 'key account' });
      await admin.tags.create({ name: 'new customer' });
      const survivor = await admin.companies.create({
        name: 'Acme Corporation',
        tags: ['key account'],
        employees: 300,
      });
      const duplicate = await admin.companies.create({
        name: 'ACME Inc',
        tags: ['new customer', 'key account'],
        employees: 10,
        annualRevenue: Money.of('5000000.00', 'USD'),
        website: 'acme.com',
        externalId: 'crm-42',
      });
      const child = await admin.companies.create({ name: 'Acme Labs', parentId: duplicate.id });
      const person = await admin.contacts.create({ lastName: 'Moved', companyId: duplicate.id });
      await admin.interactions.log({ type: 'call', contactId: person.id });
      await admin.interactions.log({ type: 'visit', companyId: survivor.id });
      const result = await admin.merge(survivor.id, duplicate.id);
      expect(result).toMatchObject({
        name: 'Acme Corporation',
        employees: 300,
        sizeClass: 'large',
        tags: ['key account', 'new customer'],
        website: 'acme.com',
        domain: 'acme.com',
        externalId: 'crm-42',
        interactionCount: 2,
        callCount: 1,
        visitCount: 1,
      });
      expect(result.annualRevenue?.equals(Money.of('5000000', 'USD'))).toBe(true);
      await expectError(admin.companies.get(duplicate.id), 'NOT_FOUND');
      expect((await admin.contacts.get(person.id)).companyId).toBe(survivor.id);
      expect((await admin.companies.get(child.id)).parentId).toBe(survivor.id);
      expect((await admin.interactions.companyTimeline(survivor.id)).rows).toHaveLength(2);
      expect((await admin.contacts.employmentHistory(person.id))[0]?.companyId).toBe(survivor.id);
      const history = await as(ADMIN).audit.history('company', survivor.id);
      expect(history.map((entry) => entry.action)).toContain('merge');
      await crm.events.idle();
      expect(merged).toEqual([
        {
          model: 'company',
          survivorId: survivor.id,
          duplicateId: duplicate.id,
          moved: { contacts: 1, interactions: 1, employments: 1, subsidiaries: 1, references: {} },
          tags: ['key account', 'new customer'],
        },
      ]);
    });

    it('cannot be half-done: a failure late in the merge undoes everything', async () => {
      const refuseDelete = definePlugin({
        id: 'refuse-delete',
        hooks: {
          company: {
            beforeDelete(record) {
              if (record.name === 'Doomed') throw new Error('the archive is offline');
            },
          },
        },
      });
      const { crm, admin, as } = await setup(factory, {}, [refuseDelete]);
      const merged: unknown[] = [];
      crm.events.on('customer.merged', (event) => {
        merged.push(event);
      });
      await admin.tags.create({ name: 'vip' });
      const survivor = await admin.companies.create({ name: 'Keeper' });
      const duplicate = await admin.companies.create({
        name: 'Doomed',
        tags: ['vip'],
        phone: '+1 555 010 1234',
      });
      const person = await admin.contacts.create({ lastName: 'Stays', companyId: duplicate.id });
      await admin.interactions.log({ type: 'call', contactId: person.id });
      await expect(admin.merge(survivor.id, duplicate.id)).rejects.toThrow(
        'the archive is offline',
      );
      await crm.events.idle();
      expect(merged).toEqual([]);
      expect((await admin.contacts.get(person.id)).companyId).toBe(duplicate.id);
      expect((await admin.companies.get(duplicate.id)).tags).toEqual(['vip']);
      expect(await admin.companies.get(survivor.id)).toMatchObject({
        tags: [],
        phone: null,
        interactionCount: 0,
        version: 1,
      });
      expect((await admin.interactions.companyTimeline(duplicate.id)).rows).toHaveLength(1);
      const history = await as(ADMIN).audit.history('company', survivor.id);
      expect(history.map((entry) => entry.action)).toEqual(['create']);
    });

    it('re-points configured references of other modules inside the merge', async () => {
      const deal = defineModel({
        name: 'deal',
        idPrefix: 'dl',
        fields: { title: field.text({ required: true }), companyId: field.reference('company') },
      });
      const deals = definePlugin({ id: 'deals', models: { deal } });
      const { admin, as } = await setup(
        factory,
        { mergeReferences: [{ model: 'deal', field: 'companyId' }] },
        [deals],
      );
      const survivor = await admin.companies.create({ name: 'Keeper' });
      const duplicate = await admin.companies.create({ name: 'Copy' });
      const scoped = as(ADMIN);
      const record = await scoped.scope
        .records(deal)
        .create({ title: 'Big one', companyId: duplicate.id });
      await admin.merge(survivor.id, duplicate.id);
      expect((await scoped.scope.records(deal).get(record.id)).companyId).toBe(survivor.id);
    });

    it('refuses merging a company into itself, and reps may not merge', async () => {
      const { admin, rep1 } = await setup(factory);
      const a = await admin.companies.create({ name: 'A', ownerId: 'rep-1' });
      const b = await admin.companies.create({ name: 'B', ownerId: 'rep-1' });
      await expectError(admin.merge(a.id, a.id), 'VALIDATION_FAILED', 'duplicateId');
      await expectError(rep1.merge(a.id, b.id), 'FORBIDDEN');
      expect(await admin.companies.count()).toBe(2);
    });
  });
}
