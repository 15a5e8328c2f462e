import { memory, type StorageAdapter } from '@sellkit/core';
import { sqlite } from '@sellkit/storage-kysely';
import { describe, expect, it } from 'vitest';
import { composeSellkit } from '../db/compose.js';
import { type DemoProgress, generateDemoTenant, sizeForRows } from './generate-demo-tenant.js';

const now = new Date('2026-03-15T09:30:00.000Z');

/** What a tenant holds, without ids or write times: equal digests mean equal tenants. */
async function digest(crm: Awaited<ReturnType<typeof composeSellkit>>, tenantId: string) {
  const scope = crm.as({ tenantId, actor: { id: 'probe', roles: ['admin'] } }).scope;
  const all = async (model: string, fields: readonly string[]) => {
    const rows: string[] = [];
    let after: string | undefined;
    do {
      const page = await scope.storage.find(scope.model(model), {
        limit: 10_000,
        ...(after ? { after } : {}),
      });
      for (const row of page.rows as Record<string, unknown>[]) {
        rows.push(JSON.stringify(fields.map((field) => row[field] ?? null)));
      }
      after = page.nextCursor ?? undefined;
    } while (after);
    return rows.sort();
  };
  return {
    reps: await all('rep', ['userId', 'name', 'seniority', 'hireDate']),
    companies: await all('company', [
      'name',
      'industry',
      'employees',
      'annualRevenue',
      'lifecycleStage',
      'ownerId',
      'tags',
    ]),
    contacts: await all('contact', ['firstName', 'lastName', 'birthday', 'emails']),
    interactions: await all('interaction', ['type', 'occurredAt', 'subject']),
    opportunities: await all('opportunity', [
      'title',
      'stage',
      'status',
      'amount',
      'closeDate',
      'lostReason',
      'score',
    ]),
    tasks: await all('task', ['title', 'status', 'dueAt']),
    stageChanges: await all('stageChange', ['fromStage', 'toStage', 'changedAt']),
  };
}

describe.each([
  ['memory', () => memory()],
  ['sqlite', () => sqlite({ memory: true })],
] as const)('generateDemoTenant on %s', (_name, storage: () => StorageAdapter) => {
  it('makes the same tenant from the same seed, size and now', async () => {
    const first = await composeSellkit(storage());
    const second = await composeSellkit(storage());
    const progress: DemoProgress[] = [];
    const report = await generateDemoTenant(first, {
      seed: 'test',
      size: 'tiny',
      now,
      batchSize: 5,
      onProgress: (step) => progress.push(step),
    });
    await generateDemoTenant(second, { seed: 'test', size: 'tiny', now });
    const a = await digest(first, 'default');
    const b = await digest(second, 'default');
    expect(a).toEqual(b);
    expect(report.counts.companies).toBe(12);
    expect(report.records.company).toBe(12);
    expect(report.records.opportunity).toBe(report.counts.opportunities);
    expect(report.counts.won + report.counts.lost).toBeLessThan(report.counts.opportunities);
    expect(report.rows).toBe(Object.values(report.records).reduce((sum, count) => sum + count, 0));
    expect(progress.filter((step) => step.phase === 'companies').map((step) => step.done)).toEqual([
      0, 5, 10, 12,
    ]);
    expect(a.stageChanges.length).toBeGreaterThan(report.counts.opportunities);
    await first.close();
    await second.close();
  });

  it('makes another tenant from another seed, and refuses a tenant that has data', async () => {
    const crm = await composeSellkit(storage());
    await generateDemoTenant(crm, { seed: 'one', size: 3, now, tenantId: 'a' });
    await generateDemoTenant(crm, { seed: 'two', size: 3, now, tenantId: 'b' });
    expect((await digest(crm, 'a')).companies).not.toEqual((await digest(crm, 'b')).companies);
    await expect(generateDemoTenant(crm, { size: 3, now, tenantId: 'a' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'tenant a already has data; the demo generator fills empty tenants only',
    });
    await crm.close();
  });
});

describe('generateDemoTenant options', () => {
  it('refuses nonsense with VALIDATION_FAILED, before writing', async () => {
    const crm = await composeSellkit(memory());
    for (const size of [0, -1, 1.5, 'huge' as never]) {
      await expect(generateDemoTenant(crm, { size })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
    }
    await expect(generateDemoTenant(crm, { now: new Date('nope') })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(generateDemoTenant(crm, { batchSize: 0 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await crm.close();
  });

  it('writes nothing when atomic and a write fails', async () => {
    const crm = await composeSellkit(memory());
    // An interruption half-way (here: the progress callback throws) rolls everything back.
    let calls = 0;
    await expect(
      generateDemoTenant(crm, {
        size: 2,
        now,
        atomic: true,
        onProgress: (step) => {
          calls += 1;
          if (step.phase === 'companies' && step.done > 0) throw new Error('interrupted');
        },
      }),
    ).rejects.toThrow('interrupted');
    expect(calls).toBeGreaterThan(0);
    const scope = crm.as({ tenantId: 'default', actor: { id: 'probe', roles: ['admin'] } }).scope;
    for (const model of ['rep', 'company', 'opportunity', 'auditEntry']) {
      expect(await scope.storage.count(scope.model(model))).toBe(0);
    }
    await crm.close();
  });

  it('scores a Chinese tenant in CNY and explains the scores in Chinese', async () => {
    const crm = await composeSellkit(memory(), {
      tenantSettings: () => ({ timeZone: 'Asia/Shanghai', locale: 'zh-CN' }),
    });
    await generateDemoTenant(crm, { size: 3, now, locale: 'zh-CN' });
    const admin = crm.as({ tenantId: 'default', actor: { id: 'probe', roles: ['admin'] } });
    const rules = await admin.pipeline.scoring.activeRuleSet();
    const large = rules.rules.find((rule) => rule.id === 'large-deal');
    expect(large?.description).toBe('大额商机（1000000 CNY 及以上）');
    expect(JSON.stringify(large?.condition)).toContain('"currency":"CNY"');
    await crm.close();
  });

  it('sizes for a number of rows', () => {
    expect(sizeForRows(1_000_000)).toBeGreaterThan(10_000);
    expect(sizeForRows(1)).toBe(1);
  });
});
