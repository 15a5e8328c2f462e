import { describe, expect, it } from 'vitest';
import { type AdapterFactory, expectError, setup } from './harness.js';

/** The tag suite, run per adapter. */
export function tagsSuite(name: string, factory: AdapterFactory): void {
  describe(`tags (${name})`, () => {
    it('keeps tags per tenant, unique regardless of case, and canonicalises names', async () => {
      const { admin } = await setup(factory);
      await admin.tags.create({ name: 'Key Account', color: '#d4af37' });
      await admin.tags.create({ name: 'new customer' });
      await expectError(admin.tags.create({ name: 'key  ACCOUNT' }), 'CONFLICT');
      await expectError(admin.tags.create({ name: '   ' }), 'VALIDATION_FAILED', 'name');
      expect((await admin.tags.list()).map((tag) => tag.name)).toEqual([
        'Key Account',
        'new customer',
      ]);
      const company = await admin.companies.create({
        name: 'Tagged',
        tags: ['key account', 'KEY ACCOUNT', 'New Customer'],
      });
      expect(company.tags).toEqual(['Key Account', 'new customer']);
    });

    it('only admins manage tags by default; everyone may use them', async () => {
      const { admin, rep1 } = await setup(factory);
      await expectError(rep1.tags.create({ name: 'rep tag' }), 'FORBIDDEN');
      await admin.tags.create({ name: 'vip' });
      expect((await rep1.tags.list()).map((tag) => tag.name)).toEqual(['vip']);
      const mine = await rep1.companies.create({ name: 'Mine', tags: ['vip'] });
      expect(mine.tags).toEqual(['vip']);
    });

    it('adds and removes tags in bulk, all or nothing', async () => {
      const { admin, rep1 } = await setup(factory);
      await admin.tags.create({ name: 'key account' });
      await admin.tags.create({ name: 'new customer' });
      const a = await admin.companies.create({ name: 'A', ownerId: 'rep-1' });
      const b = await admin.companies.create({
        name: 'B',
        ownerId: 'rep-1',
        tags: ['key account'],
      });
      const c = await admin.companies.create({ name: 'C', ownerId: 'rep-2' });
      const person = await admin.contacts.create({ lastName: 'P', companyId: a.id });
      const report = await admin.tags.add(['key account', 'new customer'], {
        companies: [a.id, b.id],
        contacts: [person.id],
      });
      expect(report).toEqual({ changed: 3, unchanged: 0 });
      expect((await admin.companies.get(b.id)).tags).toEqual(['key account', 'new customer']);
      expect((await admin.contacts.get(person.id)).tags).toEqual(['key account', 'new customer']);
      expect(await admin.tags.add(['key account'], { companies: [a.id] })).toEqual({
        changed: 0,
        unchanged: 1,
      });

      await expectError(
        admin.tags.add(['vip'], { companies: [c.id] }),
        'VALIDATION_FAILED',
        'tags.0',
      );
      await expectError(
        admin.tags.add(['new customer'], { companies: [c.id, 'com_00000000000000000000000000'] }),
        'VALIDATION_FAILED',
        'companies.1',
      );
      expect((await admin.companies.get(c.id)).tags).toEqual([]);
      // A rep reaching one company but not the other changes neither.
      await expectError(
        rep1.tags.remove(['key account'], { companies: [a.id, c.id] }),
        'FORBIDDEN',
      );
      expect((await admin.companies.get(a.id)).tags).toContain('key account');

      expect(await rep1.tags.remove(['key account'], { companies: [a.id, b.id] })).toEqual({
        changed: 2,
        unchanged: 0,
      });
      expect((await admin.companies.get(a.id)).tags).toEqual(['new customer']);
    });

    it('renames and deletes tags everywhere they are used', async () => {
      const { admin } = await setup(factory);
      await admin.tags.create({ name: 'old name' });
      await admin.tags.create({ name: 'other' });
      const company = await admin.companies.create({ name: 'X', tags: ['old name', 'other'] });
      const person = await admin.contacts.create({ lastName: 'Y', tags: ['old name'] });
      await admin.tags.rename('old name', 'new name');
      expect((await admin.companies.get(company.id)).tags).toEqual(['new name', 'other']);
      expect((await admin.contacts.get(person.id)).tags).toEqual(['new name']);
      await expectError(admin.tags.rename('new name', 'Other'), 'CONFLICT');
      expect(await admin.tags.delete('NEW NAME')).toEqual({ removedFrom: 2 });
      expect((await admin.companies.get(company.id)).tags).toEqual(['other']);
      expect((await admin.tags.list()).map((tag) => tag.name)).toEqual(['other']);
      await expectError(admin.tags.delete('missing'), 'NOT_FOUND');
    });
  });
}
