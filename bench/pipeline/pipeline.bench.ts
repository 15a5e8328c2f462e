/**
 * Pipeline benchmark on SQLite (a file in a temporary folder): re-score and persist 100,000
 * open opportunities with the default rule set, and the stage report (count and amount per
 * stage) over them. Prints one JSON line.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalog } from '@sellkit/catalog';
import {
  compileRuleSet,
  createScoringRegistry,
  createSellkit,
  createTestClock,
  Money,
} from '@sellkit/core';
import { customers } from '@sellkit/customers';
import {
  defaultPriorityRuleSet,
  type Opportunity,
  opportunity,
  opportunityFacts,
  PIPELINE_FACTS,
  pipeline,
} from '@sellkit/pipeline';
import { sqlite } from '@sellkit/storage-kysely';
import { random } from '../shared/random.js';
import { rawRescore, scoreChecksum } from './raw-rescore.js';

const OPEN = 100_000;
const CLOSED = 5_000;
const CHUNK = 5_000;
const DAY = 86_400_000;

const directory = mkdtempSync(join(tmpdir(), 'sellkit-pipeline-bench-'));
const file = join(directory, 'bench.db');
const rawFile = join(directory, 'raw.db');
const clock = createTestClock('2026-03-02T09:00:00Z');
const open = () =>
  createSellkit({
    storage: sqlite({ file }, { synchronous: 'normal' }),
    modules: [customers(), catalog({ currency: 'USD' }), pipeline()],
    clock,
  });
let crm = await open();
let admin = crm.as({ tenantId: 'bench', actor: { id: 'admin', roles: ['admin'] } });
const defaultPipeline = await admin.pipeline.pipelines.getDefault();
const openStages = defaultPipeline.stages.filter((stage) => stage.kind === 'open');
const next = random(42);
const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
const owners = Array.from({ length: 20 }, (_, index) => `rep-${index}`);
const sources = ['web', 'referral', 'trade show', 'partner', 'outbound'];
const territories = ['north', 'south', 'east', 'west'];
const now = clock.now().getTime();
const day = (offset: number) => new Date(now + offset * DAY).toISOString().slice(0, 10);

function deal(index: number, status: 'open' | 'won' | 'lost') {
  const stage =
    status === 'open'
      ? pick(openStages)
      : defaultPipeline.stages.find((item) => item.kind === status)!;
  return {
    title: `Deal ${index}`,
    pipelineId: defaultPipeline.id,
    stage: stage.key,
    status,
    probability: stage.probability,
    amount: Money.of(String(100 + Math.floor(next() * 99_900)), 'USD'),
    ownerId: pick(owners),
    territoryId: pick(territories),
    source: pick(sources),
    budgetConfirmed: next() < 0.3,
    competitors: Array.from({ length: Math.floor(next() * 4) }, (_, n) => `competitor-${n}`),
    expectedCloseDate: day(Math.floor(next() * 150) - 30),
    lastActivityAt: new Date(now - Math.floor(next() * 90) * DAY),
    ...(status === 'open' ? {} : { closeDate: day(-Math.floor(next() * 300)) }),
  };
}

for (let start = 0; start < OPEN + CLOSED; start += CHUNK) {
  const rows = Array.from({ length: CHUNK }, (_, offset) => {
    const index = start + offset;
    return deal(index, index < OPEN ? 'open' : next() < 0.6 ? 'won' : 'lost');
  });
  await admin.scope.storage.transaction((tx) => tx.insert(opportunity, rows as never));
}
await admin.pipeline.scoring.rebuildWinModel();

// The same unscored deals for the hand-written baseline: closing checkpoints the WAL.
await crm.close();
copyFileSync(file, rawFile);
const registry = createScoringRegistry();
for (const fact of PIPELINE_FACTS) registry.fact(fact);
const compiled = compileRuleSet(defaultPriorityRuleSet(), { registry });
const raw = rawRescore(rawFile, compiled, clock.now());
crm = await open();
admin = crm.as({ tenantId: 'bench', actor: { id: 'admin', roles: ['admin'] } });
const storage = admin.scope.storage;

const cpu = process.cpuUsage();
const started = performance.now();
const rescored = await admin.pipeline.scoring.rescoreAll();
const rescoreMs = performance.now() - started;
const rescoreCpu = process.cpuUsage(cpu);

// Where the time goes: paging through the deals alone, and scoring them alone.
const readStarted = performance.now();
const loaded: Opportunity[] = [];
let cursor: string | undefined;
do {
  const page = await storage.find(opportunity, {
    where: { status: 'open' },
    orderBy: [{ field: 'id', direction: 'asc' }],
    limit: 2000,
    ...(cursor === undefined ? {} : { after: cursor }),
  });
  loaded.push(...page.rows);
  cursor = page.nextCursor ?? undefined;
} while (cursor !== undefined);
const readMs = performance.now() - readStarted;
const scoreStarted = performance.now();
compiled.scoreMany(
  loaded.map((row) => opportunityFacts(row, null)),
  { now: clock.now() },
);
const scoreMs = performance.now() - scoreStarted;

const timings: number[] = [];
let stages = await admin.pipeline.reports.stages();
for (let run = 0; run < 12; run += 1) {
  const begin = performance.now();
  stages = await admin.pipeline.reports.stages();
  timings.push(performance.now() - begin);
}
timings.sort((a, b) => a - b);
const counted = stages.reduce((total, row) => total + row.count, 0);
await crm.close();
const agree = scoreChecksum(file) === scoreChecksum(rawFile);
rmSync(directory, { recursive: true, force: true });

console.log(
  JSON.stringify({
    bench: 'pipeline',
    adapter: 'sqlite',
    opportunities: OPEN,
    rescored: rescored.scored,
    rescore_written: rescored.changed,
    rescore_100k_ms: Math.round(rescoreMs),
    rescore_cpu_ms: Math.round((rescoreCpu.user + rescoreCpu.system) / 1000),
    raw_rescore_100k_ms: Math.round(raw.ms),
    raw_written: raw.written,
    rescore_vs_raw: Number((rescoreMs / raw.ms).toFixed(2)),
    results_agree: agree,
    read_100k_ms: Math.round(readMs),
    score_100k_ms: Math.round(scoreMs),
    stage_report_ms: Number((timings[Math.floor(timings.length / 2)] ?? 0).toFixed(2)),
    stage_report_rows: counted,
    targets: { rescore_100k_ms: 2000, stage_report_ms: 50 },
  }),
);
