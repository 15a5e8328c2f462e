import { describe, expect, it } from 'vitest';
import { contactDisplayName } from '../contacts/contact-name.js';
import { type AdapterFactory, expectError, setup } from './harness.js';

/** Real-world contact data (phones, countries, addresses, names, e-mails), run per adapter. */
export function contactDataSuite(name: string, factory: AdapterFactory): void {
  describe(`contact data (${name})`, () => {
    it('reads Chinese mobile and landline numbers in the default country, stored as E.164', async () => {
      const { admin } = await setup(factory, { defaultCountry: 'CN' });
      const wei = await admin.contacts.create({
        firstName: '伟',
        lastName: '张',
        alternateName: 'Zhang Wei',
        phones: ['+86 138 0013 8000', '13800138000', '010-12345678'],
      });
      // The same mobile written twice is one number.
      expect(wei.phones).toEqual(['+8613800138000', '+861012345678']);
      expect(wei.phoneNumbers).toEqual([
        {
          number: '+8613800138000',
          extension: null,
          type: 'mobile',
          country: 'CN',
          entered: '+86 138 0013 8000',
        },
        {
          number: '+861012345678',
          extension: null,
          type: 'fixed_line',
          country: 'CN',
          entered: '010-12345678',
        },
      ]);
      expect(contactDisplayName(wei)).toBe('张伟');
      expect(wei.alternateName).toBe('Zhang Wei');
      const found = await admin.contacts.find({
        where: { phones: { contains: '+8613800138000' } },
      });
      expect(found.rows.map((row) => row.id)).toEqual([wei.id]);
    });

    it('keeps extensions in every usual spelling, and international 00 prefixes', async () => {
      const { admin } = await setup(factory, { defaultCountry: 'US' });
      const contact = await admin.contacts.create({
        lastName: 'Extensions',
        phones: [
          '+1-940-986-3836x4639',
          '(534)997-7624 ext. 626',
          '001-367-429-8545#54065',
          '+44 20 7946 0958',
        ],
      });
      expect(contact.phones).toEqual([
        '+19409863836;ext=4639',
        '+15349977624;ext=626',
        '+13674298545;ext=54065',
        '+442079460958',
      ]);
      expect(contact.phoneNumbers?.map((phone) => phone.extension)).toEqual([
        '4639',
        '626',
        '54065',
        null,
      ]);
      // Writing the stored keys back keeps the details as they were entered.
      const again = await admin.contacts.update(contact.id, { phones: contact.phones });
      expect(again.phoneNumbers).toEqual(contact.phoneNumbers);
    });

    it("refuses what cannot be a phone number with the parser's reason and the item's path", async () => {
      const { admin } = await setup(factory, { defaultCountry: 'US' });
      const error = await expectError(
        admin.contacts.create({ lastName: 'Bad', phones: ['+1 940 986 3836', '12'] }),
        'VALIDATION_FAILED',
        'phones.1',
      );
      expect(JSON.stringify(error.details)).toContain('too short');
      const { admin: nowhere } = await setup(factory);
      const national = await expectError(
        nowhere.contacts.create({ lastName: 'Local', phones: ['13800138000'] }),
        'VALIDATION_FAILED',
        'phones.0',
      );
      expect(JSON.stringify(national.details)).toContain('defaultCountry');
      expect(await nowhere.contacts.count()).toBe(0);
    });

    it('stores countries as ISO codes from codes, English or Chinese names; Korea is ambiguous', async () => {
      const { admin } = await setup(factory);
      const china = await admin.companies.create({
        name: 'Beijing Trading',
        country: '中国',
        addresses: [
          {
            kind: 'headquarters',
            region: '北京市',
            city: '北京',
            district: '海淀区',
            street: '中关村大街1号',
            country: 'China',
          },
        ],
      });
      expect(china.country).toBe('CN');
      expect(china.addresses?.[0]?.country).toBe('CN');
      await admin.companies.create({ name: 'Acme', country: 'us' });
      await admin.companies.create({ name: 'Stanley', country: 'Falkland Islands (Malvinas)' });
      const korea = await expectError(
        admin.companies.create({ name: 'Hottechi', country: 'Korea' }),
        'VALIDATION_FAILED',
        'country',
      );
      expect(korea.details.issues?.[0]?.reason).toBe('ambiguous_country');
      await expectError(
        admin.companies.create({ name: 'Narnia Ltd', country: 'Narnia' }),
        'VALIDATION_FAILED',
        'country',
      );
      const segment = await admin.segments.save({
        name: 'China',
        target: 'company',
        filter: { country: 'CN' },
      });
      expect(await admin.segments.count(segment.id)).toBe(1);

      const li = await admin.contacts.create({
        lastName: '李',
        firstName: '娜',
        address: { region: '广东省', city: '深圳市', district: '南山区', country: '中国' },
      });
      expect(li.address).toEqual({
        region: '广东省',
        city: '深圳市',
        district: '南山区',
        country: 'CN',
      });
      expect(li.country).toBe('CN');
      expect(await admin.contacts.count({ country: 'CN' })).toBe(1);
      await expectError(
        admin.contacts.create({ lastName: 'Kim', address: { country: 'Korea' } }),
        'VALIDATION_FAILED',
        'address.country',
      );
      await expectError(
        admin.contacts.create({ lastName: 'X', country: 'CN' }),
        'VALIDATION_FAILED',
        'country',
      );
    });

    it('checks e-mails with an RFC 5322 parser, internationalised domains included', async () => {
      const { admin } = await setup(factory);
      const contact = await admin.contacts.create({
        lastName: 'Wang',
        emails: ['Wang@Example.COM', '用户@例子.广告', 'a@xn--bcher-kva.de'],
      });
      expect(contact.emails).toEqual(['wang@example.com', '用户@例子.广告', 'a@bücher.de']);
      for (const bad of ['Wang <wang@example.com>', 'a@b', 'a..b@example.com']) {
        await expectError(
          admin.contacts.create({ lastName: 'Bad', emails: [bad] }),
          'VALIDATION_FAILED',
          'emails.0',
        );
      }
    });
  });
}
