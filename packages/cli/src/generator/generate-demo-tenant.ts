import {
  createTestClock,
  type ModuleScope,
  type SellkitContext,
  SellkitError,
  type TestClock,
  validationError,
} from '@sellkit/core';
import { ordersHandle } from '@sellkit/orders';
import { defaultPriorityRuleSet, pipelineHandle } from '@sellkit/pipeline';
import type { DemoProfile } from './demo-profile.js';
import { demoProfileFor } from './demo-profiles.js';
import { planCompany } from './plan-company.js';
import { type OrganisationPlan, planOrganisation } from './plan-organisation.js';
import { createRandom } from './random.js';
import { type DemoPerformance, writeTeamPerformance } from './team-performance.js';
import { type DemoCounts, emptyCounts, writeCompany } from './write-company.js';
import { type DemoOrderCounts, emptyOrderCounts, writeOrders } from './write-orders.js';
import { writeOrganisation } from './write-organisation.js';

/** Named sizes (number of companies); any positive integer works too. */
export const DEMO_SIZES = { tiny: 12, small: 60, demo: 300, large: 5_000 } as const;

/** A size: a name from {@link DEMO_SIZES} or a number of companies. */
export type DemoSize = keyof typeof DEMO_SIZES | number;

/** Records written per company on average (company, contacts, interactions, deals, lines, stage history, tasks, win counts, audit entries). */
export const ROWS_PER_COMPANY = 48;

/**
 * The number of companies that makes about `rows` rows (e.g. `sizeForRows(1_000_000)`).
 *
 * @example
 * ```ts
 * sizeForRows(1_000_000); // 20833 companies, about a million rows
 * await generateDemoTenant(crm, { size: sizeForRows(100_000) });
 * ```
 */
export function sizeForRows(rows: number): number {
  return Math.max(1, Math.round(rows / ROWS_PER_COMPANY));
}

/** Progress of {@link generateDemoTenant}. */
export interface DemoProgress {
  readonly phase: 'organisation' | 'companies' | 'orders' | 'scoring';
  readonly done: number;
  readonly total: number;
}

/** Options of {@link generateDemoTenant}. */
export interface GenerateDemoOptions {
  /** The tenant to fill (default `default`); it must be empty. */
  readonly tenantId?: string;
  /** Same seed, same size and same `now`: the same tenant, record for record (ids aside). */
  readonly seed?: string | number;
  readonly size?: DemoSize;
  /** The present of the demo world: a year of history ends here (default: the current time). */
  readonly now?: Date;
  /**
   * The locale the tenant is made for: `zh-CN` (any `zh` tag) makes a Chinese tenant (CNY,
   * Chinese companies, people and cities, time zone Asia/Shanghai); anything else, or none,
   * the English one. The same seed gives the same tenant for a locale.
   */
  readonly locale?: string;
  /** Companies written per transaction (default 20). */
  readonly batchSize?: number;
  /**
   * Write everything in one transaction (batches become savepoints): a failure leaves the
   * tenant empty. Default false: a transaction per batch, so memory and locks stay small for
   * very large sizes.
   */
  readonly atomic?: boolean;
  readonly onProgress?: (progress: DemoProgress) => void;
}

/** What {@link generateDemoTenant} made. */
export interface DemoTenantReport {
  readonly tenantId: string;
  readonly seed: string;
  readonly size: number;
  /** The locale the tenant was made for (`en-US`, `zh-CN`), and its currency. */
  readonly locale: string;
  readonly currency: string;
  /** The tenant's time zone as the demo means it (`Asia/Shanghai`): see `DemoProfile.timeZone`. */
  readonly timeZone: string;
  readonly now: Date;
  readonly reps: number;
  readonly territories: number;
  readonly teams: number;
  readonly products: number;
  readonly counts: DemoCounts;
  /** Quotes and orders made from the closed deals (zeros when the orders module is not installed). */
  readonly orders: DemoOrderCounts;
  /** Quotas, the commission plan, the closed quarter and its clawback, courses and completions. */
  readonly performance: DemoPerformance;
  /** Records per model after the run, as counted by storage. */
  readonly records: Readonly<Record<string, number>>;
  /** Sum of `records`. */
  readonly rows: number;
}

/** A composed Sellkit with the catalog, team, customers and pipeline modules. */
export interface DemoHost {
  as(context: SellkitContext): { readonly scope: ModuleScope };
}

const MODELS = [
  'territory',
  'rep',
  'salesTeam',
  'teamMember',
  'territoryAssignment',
  'product',
  'tag',
  'company',
  'contact',
  'contactCompanyHistory',
  'interaction',
  'opportunity',
  'opportunityLine',
  'stageChange',
  'task',
  'winStat',
  'quote',
  'salesOrder',
  'salesOrderLine',
  'auditEntry',
];

function resolveSize(size: DemoSize | undefined): number {
  const value =
    size === undefined ? DEMO_SIZES.demo : typeof size === 'number' ? size : DEMO_SIZES[size];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 10_000_000) {
    throw validationError(
      'size',
      `must be ${Object.keys(DEMO_SIZES).join(', ')} or a number of companies from 1 to 10,000,000`,
      'invalid_size',
    );
  }
  return value;
}

/**
 * Fills an empty tenant with a realistic, reproducible sales organisation and a year of
 * history: territories (regions and areas), reps with managers and teams, a product catalog,
 * companies with contacts, interactions, and opportunities moving through the stages with
 * playbook tasks, won and lost deals, then re-scores the open deals as of `now`.
 *
 * Everything is written through the modules' services (validation, audit, events, playbooks,
 * scoring all run), a batch of companies per transaction, with the clock set to the moment of
 * each event. Each company is planned from its own random stream, so memory stays bounded
 * and a bigger size only adds companies. Deterministic: no `Math.random`.
 *
 * @example
 * ```ts
 * import { sqlite } from '@sellkit/storage-kysely';
 * const crm = await composeSellkit(sqlite({ file: 'demo.db' }));
 * const report = await generateDemoTenant(crm, { seed: 42, size: 'small', onProgress: console.log });
 * console.log(report.counts.opportunities, report.rows);
 * ```
 */
export async function generateDemoTenant(
  host: DemoHost,
  options: GenerateDemoOptions = {},
): Promise<DemoTenantReport> {
  const size = resolveSize(options.size);
  const seed = String(options.seed ?? 'sellkit-demo');
  const tenantId = options.tenantId ?? 'default';
  const now = options.now ?? new Date();
  if (Number.isNaN(now.getTime()))
    throw validationError('now', 'must be a valid date', 'invalid_date');
  const batchSize = options.batchSize ?? 20;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
    throw validationError('batchSize', 'must be an integer from 1 to 10000', 'invalid_batch_size');
  }
  const clock = createTestClock(now);
  const root = host.as({
    tenantId,
    actor: { id: 'sellkit-demo', roles: ['admin'], name: 'demo generator' },
    clock,
  }).scope;
  const run = (scope: ModuleScope) =>
    generate(scope, clock, {
      size,
      seed,
      tenantId,
      now,
      batchSize,
      profile: demoProfileFor(options.locale),
      onProgress: options.onProgress,
    });
  return options.atomic ? root.transaction(run) : run(root);
}

async function generate(
  scope: ModuleScope,
  clock: TestClock,
  options: {
    size: number;
    seed: string;
    tenantId: string;
    now: Date;
    batchSize: number;
    profile: DemoProfile;
    onProgress: ((progress: DemoProgress) => void) | undefined;
  },
): Promise<DemoTenantReport> {
  const { size, seed, tenantId, now, batchSize, profile } = options;
  if ((await scope.records(scope.model('rep')).count()) > 0) {
    throw new SellkitError(
      'CONFLICT',
      `tenant ${tenantId} already has data; the demo generator fills empty tenants only`,
      { tenantId },
    );
  }

  // Planned calendar dates (hire dates, birthdays, expected close dates) are the tenant's.
  const calendar = await scope.calendar();
  const dateOf = (time: number) => calendar.dateOf(new Date(time));
  const random = createRandom(seed);
  const organisation: OrganisationPlan = planOrganisation(
    random.fork('organisation'),
    size,
    now,
    profile,
    dateOf,
  );
  const repsByKey = new Map(organisation.reps.map((rep) => [rep.key, rep]));
  const yearAgo = now.getTime() - 365 * 86_400_000;
  const total = size;
  options.onProgress?.({ phase: 'organisation', done: 0, total: 1 });
  // A tenant in another currency scores deal sizes in it, and explains scores in its language.
  if (profile.dealSizes) {
    const scoring = scope.use(pipelineHandle).scoring;
    await scoring.saveDraft(
      defaultPriorityRuleSet({
        currency: profile.currency,
        largeDeal: profile.dealSizes.large,
        mediumDeal: profile.dealSizes.medium,
        locale: profile.locale,
      }),
    );
    await scoring.publish();
  }
  const ids = await scope.transaction((tx) =>
    writeOrganisation(tx, clock, organisation, yearAgo - 90 * 86_400_000, profile),
  );
  options.onProgress?.({ phase: 'organisation', done: 1, total: 1 });

  const counts = emptyCounts();
  const companies = random.fork('companies');
  options.onProgress?.({ phase: 'companies', done: 0, total });
  for (let start = 0; start < size; start += batchSize) {
    const end = Math.min(size, start + batchSize);
    await scope.transaction(async (tx) => {
      for (let index = start; index < end; index++) {
        const plan = planCompany(
          companies.fork(index),
          index,
          organisation,
          repsByKey,
          now,
          profile,
          dateOf,
        );
        await writeCompany(tx, clock, plan, ids, counts);
      }
    });
    options.onProgress?.({ phase: 'companies', done: end, total });
  }

  // Quotes and orders of the closed deals, when the host installed the orders module.
  let orderCounts = emptyOrderCounts();
  if (scope.has(ordersHandle)) {
    options.onProgress?.({ phase: 'orders', done: 0, total: 1 });
    orderCounts = await writeOrders(scope, clock, random.fork('orders'), now, profile);
    options.onProgress?.({ phase: 'orders', done: 1, total: 1 });
  }
  // Quotas, a commission plan, a closed quarter with a clawback, courses and completions.
  const performance = await scope.transaction((tx) =>
    writeTeamPerformance(tx, clock, { now, since: yearAgo, profile, random: random.fork('team') }),
  );

  clock.set(now);
  const pipeline = scope.use(pipelineHandle);
  const open = await scope.records(scope.model('opportunity')).count({ status: 'open' });
  options.onProgress?.({ phase: 'scoring', done: 0, total: open });
  await pipeline.scoring.rescoreAll({
    onProgress: (progress) =>
      options.onProgress?.({ phase: 'scoring', done: progress.scored, total: open }),
  });
  options.onProgress?.({ phase: 'scoring', done: open, total: open });

  const records: Record<string, number> = {};
  for (const name of MODELS) {
    if (!scope.has(ordersHandle) && ['quote', 'salesOrder', 'salesOrderLine'].includes(name))
      continue;
    records[name] = await scope.records(scope.model(name)).count();
  }
  return {
    tenantId,
    seed,
    size,
    locale: profile.locale,
    currency: profile.currency,
    timeZone: profile.timeZone,
    now,
    reps: organisation.reps.length,
    territories: organisation.territories.length,
    teams: organisation.teams.length,
    products: ids.productIds.size,
    counts,
    orders: orderCounts,
    performance,
    records,
    rows: Object.values(records).reduce((sum, count) => sum + count, 0),
  };
}
