/**
 * Customers benchmark on SQLite (a file in a temporary folder): a saved segment (tag +
 * industry + size) over 100,000 companies, and a timeline page of 50 for a company with
 * 10,000 interactions (among 60,000). Prints one JSON line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSellkit, createTestClock, Money } from '@sellkit/core';
import {
  type Company,
  company,
  customers,
  deriveSizeClass,
  interaction,
  normalizeCompanyName,
} from '@sellkit/customers';
import { sqlite } from '@sellkit/storage-kysely';
import { random } from '../shared/random.js';

const COMPANIES = 100_000;
const BUSY_INTERACTIONS = 10_000;
const OTHER_INTERACTIONS = 50_000;
const CHUNK = 5_000;
const WARMUP = 20;
const RUNS = 200;
const DAY = 86_400_000;

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[index] as number) * 1000) / 1000;
}

async function measure(work: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let run = 0; run < WARMUP; run += 1) await work();
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

const directory = mkdtempSync(join(tmpdir(), 'sellkit-customers-bench-'));
try {
  const clock = createTestClock('2026-03-02T09:00:00Z');
  const crm = await createSellkit({
    storage: sqlite({ file: join(directory, 'bench.db') }, { synchronous: 'normal' }),
    modules: [customers()],
    clock,
  });
  const admin = crm.as({ tenantId: 'bench', actor: { id: 'admin', roles: ['admin'] } });
  const storage = admin.scope.storage;
  const next = random(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const industries = [
    'manufacturing',
    'retail',
    'medical',
    'software',
    'technology',
    'finance',
    'services',
    'energy',
    'logistics',
    'media',
  ];
  const tagSets = [
    [],
    [],
    ['key account'],
    ['new customer'],
    ['key account', 'new customer'],
    ['partner'],
  ];
  for (const name of ['key account', 'new customer', 'partner'])
    await admin.customers.tags.create({ name });

  const seedStart = performance.now();
  // Bulk rows straight into storage (derived fields computed as the service would), so the
  // benchmark spends its time on the queries it measures.
  for (let start = 0; start < COMPANIES; start += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, COMPANIES - start) }, (_, offset) => {
      const index = start + offset;
      const employees = Math.floor(next() ** 3 * 5000);
      const name = `Company ${index.toString(36)} ${pick(['Ltd', 'Inc', 'GmbH', 'SA'])}`;
      return {
        name,
        nameKey: normalizeCompanyName(name),
        industry: pick(industries),
        employees,
        sizeClass: deriveSizeClass(employees),
        annualRevenue: Money.of(String(Math.floor(next() * 1e9)), 'USD'),
        tags: pick(tagSets),
        ownerId: `rep-${Math.floor(next() * 50)}`,
        territoryId: pick(['north', 'south', 'east', 'west']),
        lifecycleStage: pick(['lead', 'prospect', 'customer', 'churned'] as const),
      };
    });
    await storage.transaction((tx) => tx.insert(company, rows));
  }
  const busy = await admin.customers.companies.create({
    name: 'Busy Corp',
    industry: 'manufacturing',
    employees: 900,
  });
  const companies: Company[] = (await storage.find(company, { limit: 1000 })).rows;
  const base = clock.now().getTime();
  const types = ['call', 'email', 'meeting', 'visit', 'note'] as const;
  const makeInteraction = (companyId: string) => ({
    type: pick(types),
    occurredAt: new Date(base - Math.floor(next() * 1000 * DAY)),
    subject: 'Follow-up',
    companyId,
    ownerId: 'admin',
  });
  for (let start = 0; start < BUSY_INTERACTIONS + OTHER_INTERACTIONS; start += CHUNK) {
    const rows = Array.from({ length: CHUNK }, (_, offset) =>
      makeInteraction(
        start + offset < BUSY_INTERACTIONS ? busy.id : (pick(companies) as Company).id,
      ),
    );
    await storage.transaction((tx) => tx.insert(interaction, rows));
  }
  const seedMs = Math.round(performance.now() - seedStart);

  const launch = await admin.customers.segments.save({
    name: 'Large manufacturing key accounts',
    target: 'company',
    filter: { tags: { contains: 'key account' }, industry: 'manufacturing', sizeClass: 'large' },
  });
  const members = await admin.customers.segments.count(launch.id);
  const firstPage = await admin.customers.segments.run(launch.id, { limit: 50 });
  const segment = await measure(() => admin.customers.segments.run(launch.id, { limit: 50 }));
  const segmentCount = await measure(() => admin.customers.segments.count(launch.id));
  const timelinePage = await admin.customers.interactions.companyTimeline(busy.id, { limit: 50 });
  const timeline = await measure(() =>
    admin.customers.interactions.companyTimeline(busy.id, { limit: 50 }),
  );
  // A deep page: the cursor keeps later pages as fast as the first.
  let cursor = timelinePage.nextCursor ?? undefined;
  for (let page = 0; page < 100 && cursor; page += 1) {
    cursor =
      (await admin.customers.interactions.companyTimeline(busy.id, { limit: 50, after: cursor }))
        .nextCursor ?? undefined;
  }
  const deep = await measure(() =>
    admin.customers.interactions.companyTimeline(busy.id, {
      limit: 50,
      ...(cursor ? { after: cursor } : {}),
    }),
  );
  await crm.close();
  console.log(
    JSON.stringify({
      bench: 'customers',
      dialect: 'sqlite',
      companies: COMPANIES,
      segment_members: members,
      segment_page_rows: firstPage.rows.length,
      segment_p50_ms: segment.p50,
      segment_p95_ms: segment.p95,
      segment_count_p50_ms: segmentCount.p50,
      segment_count_p95_ms: segmentCount.p95,
      timeline_interactions: BUSY_INTERACTIONS,
      timeline_page_rows: timelinePage.rows.length,
      timeline_p50_ms: timeline.p50,
      timeline_p95_ms: timeline.p95,
      timeline_page_100_p95_ms: deep.p95,
      runs: RUNS,
      seed_ms: seedMs,
    }),
  );
} finally {
  rmSync(directory, { recursive: true, force: true });
}
