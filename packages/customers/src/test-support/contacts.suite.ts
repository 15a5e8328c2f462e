import { describe, expect, it } from 'vitest';
import type { ContactInput } from '../contacts/contact-model.js';
import { type AdapterFactory, expectError, setup } from './harness.js';

/** The contact service suite, run per adapter. */
export function contactsSuite(name: string, factory: AdapterFactory): void {
  describe(`contacts (${name})`, () => {
    it('creates contacts with clean e-mails and phones, owned like their company', async () => {
      const { admin } = await setup(factory);
      const company = await admin.companies.create({
        name: 'Acme',
        ownerId: 'rep-1',
        territoryId: 'north',
      });
      const ada = await admin.contacts.create({
        firstName: ' Ada ',
        lastName: 'Lovelace',
        title: 'CTO',
        companyId: company.id,
        emails: ['Ada@Acme.com', 'ada@acme.com', 'ada.l@example.org'],
        phones: ['+44 20 7946 0958'],
        birthday: '1985-12-10',
        workAnniversary: '2019-03-04',
        preferredChannel: 'email',
      });
      expect(ada).toMatchObject({
        firstName: 'Ada',
        emails: ['ada@acme.com', 'ada.l@example.org'],
        ownerId: 'rep-1',
        territoryId: 'north',
        birthdayKey: '12-10',
        anniversaryKey: '03-04',
      });
      const history = await admin.contacts.employmentHistory(ada.id);
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({ companyId: company.id, title: 'CTO', endedAt: null });
      const loner = await admin.contacts.create({ lastName: 'Solo' });
      expect(loner.ownerId).toBe('admin-1');
      expect(await admin.contacts.employmentHistory(loner.id)).toEqual([]);
    });

    it('refuses bad e-mails, phones and dates that do not exist, writing nothing', async () => {
      const { admin } = await setup(factory);
      const refused = (input: ContactInput, path: string) =>
        expectError(admin.contacts.create(input), 'VALIDATION_FAILED', path);
      await refused({ lastName: 'X', emails: ['ok@x.com', 'nope'] }, 'emails.1');
      await refused({ lastName: 'X', phones: ['12'] }, 'phones.0');
      await refused({ lastName: 'X', birthday: '2023-02-30' }, 'birthday');
      await refused({ lastName: 'X', birthday: '2023-02-29' }, 'birthday');
      await refused({ lastName: 'X', birthday: '1990-13-01' }, 'birthday');
      await refused({ lastName: 'X', birthday: '2099-01-01' }, 'birthday');
      await refused({ lastName: 'X', workAnniversary: '31/12/2020' }, 'workAnniversary');
      await refused({ lastName: 'X', emails: 'a@b.com' } as never, 'emails');
      await refused({ lastName: 'X', ownerId: 'ghost' }, 'ownerId');
      await refused({ lastName: 'X', companyId: 'com_00000000000000000000000000' }, 'companyId');
      await refused({ lastName: 'X', birthdayKey: '01-01' } as never, 'birthdayKey');
      expect(await admin.contacts.count()).toBe(0);
      expect(
        (await admin.contacts.create({ lastName: 'Leap', birthday: '2024-02-29' })).birthdayKey,
      ).toBe('02-29');
    });

    it('changes company without losing history: interactions stay with the company of their time', async () => {
      const { admin, clock } = await setup(factory);
      const first = await admin.companies.create({ name: 'First' });
      const second = await admin.companies.create({ name: 'Second' });
      const person = await admin.contacts.create({
        lastName: 'Mover',
        title: 'Buyer',
        companyId: first.id,
      });
      await admin.interactions.log({ type: 'call', contactId: person.id });
      clock.advance(86_400_000);
      const moved = await admin.contacts.moveToCompany(person.id, second.id, {
        title: 'Head of purchasing',
      });
      expect(moved.companyId).toBe(second.id);
      clock.advance(86_400_000);
      await admin.interactions.log({ type: 'meeting', contactId: person.id });
      const history = await admin.contacts.employmentHistory(person.id);
      expect(history.map((row) => [row.companyId, row.title, row.endedAt === null])).toEqual([
        [second.id, 'Head of purchasing', true],
        [first.id, 'Buyer', false],
      ]);
      expect(
        (await admin.interactions.companyTimeline(first.id)).rows.map((row) => row.type),
      ).toEqual(['call']);
      expect(
        (await admin.interactions.companyTimeline(second.id)).rows.map((row) => row.type),
      ).toEqual(['meeting']);
      expect(
        (await admin.interactions.contactTimeline(person.id)).rows.map((row) => row.type),
      ).toEqual(['meeting', 'call']);
      const left = await admin.contacts.moveToCompany(person.id, null);
      expect(left.companyId).toBeNull();
      expect(
        (await admin.contacts.employmentHistory(person.id)).every((row) => row.endedAt !== null),
      ).toBe(true);
    });

    it('keeps the open employment title in step with the contact', async () => {
      const { admin } = await setup(factory);
      const company = await admin.companies.create({ name: 'Titles' });
      const person = await admin.contacts.create({
        lastName: 'Promoted',
        title: 'Analyst',
        companyId: company.id,
      });
      await admin.contacts.update(person.id, { title: 'Director' });
      expect((await admin.contacts.employmentHistory(person.id))[0]?.title).toBe('Director');
    });

    it('will not attach a contact to a company the actor cannot see', async () => {
      const { admin, rep1 } = await setup(factory);
      const theirs = await admin.companies.create({ name: 'Not yours', ownerId: 'rep-2' });
      await expectError(
        rep1.contacts.create({ lastName: 'Sneaky', companyId: theirs.id }),
        'FORBIDDEN',
      );
      expect(await admin.contacts.count()).toBe(0);
    });

    it('deletes a contact with its employment records', async () => {
      const { admin } = await setup(factory);
      const company = await admin.companies.create({ name: 'Temp' });
      const person = await admin.contacts.create({ lastName: 'Gone', companyId: company.id });
      await admin.contacts.delete(person.id);
      await expectError(admin.contacts.get(person.id), 'NOT_FOUND');
      await admin.companies.delete(company.id);
    });
  });
}
