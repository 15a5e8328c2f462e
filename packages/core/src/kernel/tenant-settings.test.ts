import { describe, expect, it } from 'vitest';
import { createTestClock } from '../context/clock.js';
import { isSellkitError } from '../errors/sellkit-error.js';
import { memory } from '../storage/memory/index.js';
import { createSellkit } from './create-sellkit.js';
import { deals } from './test-support/deals-module.js';

const admin = (tenantId: string) => ({ tenantId, actor: { id: 'u-1', roles: ['admin'] } });

describe('tenantSettings', () => {
  it('gives every scope the calendar of its tenant, resolving each tenant once', async () => {
    const asked: string[] = [];
    const crm = await createSellkit({
      storage: memory(),
      clock: createTestClock('2026-03-31T20:00:00Z'),
      tenantSettings: async (tenantId) => {
        asked.push(tenantId);
        return tenantId === 'cn'
          ? { timeZone: 'Asia/Shanghai', locale: 'zh-CN', country: 'CN' }
          : undefined;
      },
    });
    expect((await crm.as(admin('cn')).calendar()).today()).toBe('2026-04-01');
    expect((await crm.as(admin('cn')).scope.calendar()).settings.locale).toBe('zh-CN');
    expect((await crm.as(admin('us')).calendar()).today()).toBe('2026-03-31');
    expect(asked).toEqual(['cn', 'us']);
    crm.forgetTenantSettings('cn');
    await crm.tenantSettings('cn');
    expect(asked).toEqual(['cn', 'us', 'cn']);
    // A context's own clock wins, inside transactions too.
    const late = crm.as({ ...admin('cn'), clock: createTestClock('2026-12-31T16:30:00Z') });
    await late.transaction(async (tx) => {
      expect((await tx.calendar()).today()).toBe('2027-01-01');
    });
  });

  it('refuses invalid settings with CONFIGURATION_INVALID and writes nothing', async () => {
    const crm = await createSellkit({
      storage: memory(),
      modules: [deals()],
      tenantSettings: () => ({ timeZone: 'Mars/Olympus', weekStartsOn: 9 }),
    });
    const scoped = crm.as(admin('acme'));
    let caught: unknown;
    try {
      await scoped.transaction(async (tx) => {
        await tx.calendar();
      });
    } catch (error) {
      caught = error;
    }
    expect(isSellkitError(caught, 'CONFIGURATION_INVALID')).toBe(true);
    expect(isSellkitError(caught) && caught.details.issues?.map((issue) => issue.path)).toEqual([
      'timeZone',
      'weekStartsOn',
    ]);
    expect((await scoped.audit.find()).rows).toHaveLength(0);
  });

  it('reports a failing resolver as CONFIGURATION_INVALID and asks again next time', async () => {
    let calls = 0;
    const crm = await createSellkit({
      storage: memory(),
      tenantSettings: () => {
        calls += 1;
        if (calls === 1) throw new Error('settings service down');
        return { timeZone: 'Europe/Berlin' };
      },
    });
    await expect(crm.tenantSettings('acme')).rejects.toMatchObject({
      code: 'CONFIGURATION_INVALID',
    });
    expect((await crm.tenantSettings('acme')).timeZone).toBe('Europe/Berlin');
  });
});
