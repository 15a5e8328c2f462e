import { createSellkit, memory } from '@sellkit/core';
import { describe, expect, it } from 'vitest';
import { cliSettings } from './tenant-settings.js';

const as = (tenantId: string) => ({ tenantId, actor: { id: 'u-1', roles: ['admin'] } });

describe('cliSettings (the CLI remembered tenant settings)', () => {
  it('reads nothing at first, then the remembered zone, per tenant, in one row', async () => {
    const crm = await createSellkit({ storage: memory(), modules: [cliSettings()] });
    const acme = crm.as(as('acme'));
    expect(await acme.cli.tenantSettings.read()).toBeUndefined();
    await acme.cli.tenantSettings.rememberTimeZone('Asia/Shanghai');
    await acme.cli.tenantSettings.rememberTimeZone('Asia/Shanghai');
    expect(await acme.cli.tenantSettings.read()).toEqual({ timeZone: 'Asia/Shanghai' });
    await acme.cli.tenantSettings.rememberTimeZone('Europe/Berlin');
    expect(await acme.cli.tenantSettings.read()).toEqual({ timeZone: 'Europe/Berlin' });
    expect(await acme.scope.records(acme.scope.model('cliTenantSettings')).count()).toBe(1);
    expect(await crm.as(as('other')).cli.tenantSettings.read()).toBeUndefined();
    await crm.close();
  });
});
