import { createSellkit, isSellkitError, memory } from '@sellkit/core';
import { describe, expect, it } from 'vitest';
import { customers } from '../module.js';

async function tenantIn(country: string | undefined, moduleCountry?: string) {
  const crm = await createSellkit({
    storage: memory(),
    modules: [customers(moduleCountry ? { defaultCountry: moduleCountry } : {})],
    tenantSettings: () => (country ? { country } : {}),
  });
  return crm.as({ tenantId: 'acme', actor: { id: 'u-1', roles: ['admin'] } }).customers;
}

describe("national phone numbers and the tenant's country", () => {
  it("reads them in the tenant's country from the kernel's tenant settings", async () => {
    const admin = await tenantIn('CN');
    const wei = await admin.contacts.create({
      lastName: '张',
      firstName: '伟',
      phones: ['13800138000'],
    });
    expect(wei.phones).toEqual(['+8613800138000']);
  });

  it("prefers the tenant's country over the module option", async () => {
    const admin = await tenantIn('CN', 'US');
    const landline = await admin.contacts.create({ lastName: 'Li', phones: ['010-12345678'] });
    expect(landline.phones).toEqual(['+861012345678']);
  });

  it('falls back to the module option when the tenant has no country', async () => {
    const admin = await tenantIn(undefined, 'US');
    const lin = await admin.contacts.create({ lastName: 'Lin', phones: ['(534)997-7624x626'] });
    expect(lin.phones).toEqual(['+15349977624;ext=626']);
  });

  it('refuses a national number when no country is known', async () => {
    const admin = await tenantIn(undefined);
    const error = await admin.contacts
      .create({ lastName: 'Lin', phones: ['(534)997-7624'] })
      .catch((caught: unknown) => caught);
    expect(isSellkitError(error, 'VALIDATION_FAILED')).toBe(true);
  });
});
