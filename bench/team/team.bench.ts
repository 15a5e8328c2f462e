/**
 * Team benchmark on SQLite (a file in a temporary folder): 500 reps in 50 teams, 1,000,000
 * opportunities over 2025 (won, lost and open, owned by the reps). Measures
 * - `kpi_eval_ms`: `team.kpis.evaluate('won-revenue', '2025')`, the year's won revenue,
 *   quota and attainment for the 500 reps (and teams), and, beside it, 12 monthly evaluations;
 * - `statements_ms`: `team.commissions.statements('2025-Q2')`, the commission statements of the
 *   500 reps on a marginal-tier plan for one quarter,
 * each beside the same figures computed by a hand-written SQL query on better-sqlite3 over the
 * same file (`*_raw_ms`), and checks both give the same numbers. Prints one JSON line.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalog } from '@sellkit/catalog';
import { createSellkit, createTestClock, type InferCreate, Money } from '@sellkit/core';
import { customers } from '@sellkit/customers';
import { opportunity, pipeline } from '@sellkit/pipeline';
import { sqlite } from '@sellkit/storage-kysely';
import { type QuotaInput, team } from '@sellkit/team';
import { random } from '../shared/random.js';
import { rawCommissions, rawWonByOwner } from './raw-team.js';

const REPS = 500;
const TEAMS = 50;
const OPPORTUNITIES = Number(process.env.TEAM_BENCH_OPPORTUNITIES ?? 1_000_000);
const CHUNK = 5_000;
const QUARTER = '2025-Q2';
const TIERS = [
  { from: '0', to: '0.5', rate: '0.02' },
  { from: '0.5', to: '1', rate: '0.05' },
  { from: '1', to: null, rate: '0.08' },
] as const;

// TEAM_BENCH_KEEP=1 keeps the SQLite file (its path is printed on stderr) for EXPLAIN and profiling.
const keep = process.env.TEAM_BENCH_KEEP === '1';
const directory = mkdtempSync(join(tmpdir(), 'sellkit-team-bench-'));
const file = join(directory, 'bench.db');
const clock = createTestClock('2026-01-15T09:00:00Z');
const crm = await createSellkit({
  storage: sqlite({ file }, { synchronous: 'normal' }),
  modules: [
    customers(),
    catalog({ currency: 'USD' }),
    pipeline(),
    team({ performance: { currency: 'USD' } }),
  ],
  clock,
});
const admin = crm.as({ tenantId: 'bench', actor: { id: 'admin', roles: ['admin'] } });
const next = random(15);
const loadStarted = performance.now();

// The organisation: 500 reps in 50 teams, everyone in place before the year.
const reps: { id: string; userId: string }[] = [];
for (let index = 0; index < REPS; index++) {
  const rep = await admin.team.reps.create({
    userId: `u-${index}`,
    name: `Rep ${String(index).padStart(3, '0')}`,
    hireDate: '2023-01-01',
    seniority: 'senior',
  });
  reps.push({ id: rep.id, userId: rep.userId });
}
for (let index = 0; index < TEAMS; index++) {
  const created = await admin.team.teams.create({ name: `Team ${index}` });
  for (const rep of reps.slice(index * (REPS / TEAMS), (index + 1) * (REPS / TEAMS))) {
    await admin.team.teams.addMember(created.id, rep.id, { from: '2024-01-01' });
  }
}

// 1,000,000 deals over 2025, straight into storage in chunks (like bench/pipeline).
const defaultPipeline = await admin.pipeline.pipelines.getDefault();
const stageOf = (kind: 'open' | 'won' | 'lost') =>
  defaultPipeline.stages.find((stage) => stage.kind === kind)!;
const start = Date.UTC(2025, 0, 1);
for (let first = 0; first < OPPORTUNITIES; first += CHUNK) {
  const rows: InferCreate<typeof opportunity>[] = [];
  for (let index = first; index < Math.min(OPPORTUNITIES, first + CHUNK); index++) {
    const roll = next();
    const status = roll < 0.4 ? 'won' : roll < 0.7 ? 'lost' : 'open';
    const stage = stageOf(status);
    const closeDate = new Date(start + Math.floor(next() * 365) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    rows.push({
      title: `Deal ${index}`,
      pipelineId: defaultPipeline.id,
      stage: stage.key,
      status,
      probability: stage.probability,
      amount: Money.of(
        `${100 + Math.floor(next() * 99_900)}.${String(Math.floor(next() * 100)).padStart(2, '0')}`,
        'USD',
      ),
      ownerId: reps[Math.floor(next() * REPS)]!.userId,
      expectedCloseDate: closeDate,
      ...(status === 'open' ? {} : { closeDate }),
    });
  }
  await admin.scope.storage.transaction((tx) => tx.insert(opportunity, rows));
}

// Quotas: a yearly and a quarterly won-revenue quota per rep; the plan pays on the quarter.
const quotas: QuotaInput[] = [];
for (const rep of reps) {
  const yearly = 8_000_000 + Math.floor(next() * 40) * 100_000;
  quotas.push({
    subjectType: 'rep',
    subjectId: rep.id,
    measure: 'won-revenue',
    periodKey: '2025',
    target: String(yearly),
    effectiveFrom: '2025-01-01',
  });
  quotas.push({
    subjectType: 'rep',
    subjectId: rep.id,
    measure: 'won-revenue',
    periodKey: QUARTER,
    target: String(yearly / 4),
    effectiveFrom: '2025-01-01',
  });
}
await admin.team.quotas.setMany(quotas);
await admin.team.commissions.plans.publish({
  key: 'bench',
  name: 'Bench plan',
  currency: 'USD',
  periodUnit: 'quarter',
  appliesTo: { seniority: ['senior'] },
  rates: { kind: 'tiered', mode: 'marginal', measure: 'won-revenue', tiers: [...TIERS] },
});
const loadMs = performance.now() - loadStarted;

// TEAM_BENCH_PROFILE=dir writes a CPU profile of each measured SDK call there.
const profileDir = process.env.TEAM_BENCH_PROFILE;
const session = profileDir ? new Session() : null;
session?.connect();
await session?.post('Profiler.enable');
const time = async <T>(
  run: () => Promise<T> | T,
  name?: string,
): Promise<{ value: T; ms: number }> => {
  if (session && name) await session.post('Profiler.start');
  const began = performance.now();
  const value = await run();
  const ms = performance.now() - began;
  if (session && name && profileDir) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(join(profileDir, `${name}.cpuprofile`), JSON.stringify(profile));
  }
  return { value, ms };
};

// KPI evaluation: the year (12 months), then each month.
await admin.team.kpis.evaluate('won-revenue', '2025-01'); // warm up the statement cache
const kpi = await time(() => admin.team.kpis.evaluate('won-revenue', '2025'), 'kpi');
const monthly = await time(async () => {
  for (let month = 1; month <= 12; month++)
    await admin.team.kpis.evaluate('won-revenue', `2025-${String(month).padStart(2, '0')}`);
});
const statements = await time(() => admin.team.commissions.statements(QUARTER), 'statements');
await crm.close();

const rawKpi = await time(() => rawWonByOwner(file, 'bench', '2025-01-01', '2026-01-01'));
const quarterQuotas = new Map(
  quotas.filter((q) => q.periodKey === QUARTER).map((q) => [q.subjectId, String(q.target)]),
);
const userOf = new Map(reps.map((rep) => [rep.id, rep.userId]));
const rawStatements = await time(() =>
  rawCommissions(
    file,
    'bench',
    '2025-04-01',
    '2025-07-01',
    new Map([...quarterQuotas].map(([repId, target]) => [userOf.get(repId)!, target])),
    TIERS,
  ),
);
if (keep) console.error(`kept ${file}`);
else rmSync(directory, { recursive: true, force: true });

// Same numbers: each rep's won revenue, and each rep's commission total.
const kpiMismatch = kpi.value.reps.filter(
  (row) => (row.actual ?? '0.00') !== (rawKpi.value.get(row.userId) ?? '0.00'),
).length;
const statementMismatch = statements.value.filter(
  (statement) =>
    (statement.total?.toString() ?? '0.00') !==
    (rawStatements.value.get(userOf.get(statement.repId)!) ?? '0.00'),
).length;
const agree =
  kpi.value.reps.length === REPS &&
  statements.value.length === REPS &&
  kpiMismatch === 0 &&
  statementMismatch === 0;

console.log(
  JSON.stringify({
    bench: 'team',
    adapter: 'sqlite',
    reps: REPS,
    opportunities: OPPORTUNITIES,
    load_ms: Math.round(loadMs),
    kpi_eval_ms: Math.round(kpi.ms),
    kpi_eval_raw_ms: Math.round(rawKpi.ms),
    kpi_eval_12_months_ms: Math.round(monthly.ms),
    statements_ms: Math.round(statements.ms),
    statements_raw_ms: Math.round(rawStatements.ms),
    credited_deals: statements.value.reduce((sum, s) => sum + s.credits.length, 0),
    kpi_mismatches: kpiMismatch,
    statement_mismatches: statementMismatch,
    agree,
  }),
);
if (!agree) process.exitCode = 1;
