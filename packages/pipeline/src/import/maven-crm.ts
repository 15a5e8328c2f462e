import { join } from 'node:path';
import { catalogHandle, type Product, type ProductImportReport } from '@sellkit/catalog';
import { readCsv } from '@sellkit/core';
import { importRowsReport } from '@sellkit/core/module';
import { customersHandle, type ImportReport, MAVEN_ACCOUNTS_MAPPING } from '@sellkit/customers';
import type { SalesPipeline } from '../pipelines/pipeline-model.js';
import { findPipeline, internalPipelines } from '../pipelines/pipeline-store.js';
import { type CountTable, replaceWinStats, tally } from '../predictive/win-stats.js';
import { rescoreAll } from '../scoring/rescore.js';
import { loadScorer } from '../scoring/scorer.js';
import { type PipelineContext, type PipelineScope, pipelineModels } from '../shared/context.js';
import {
  type AgentPlacement,
  type AgentResolver,
  readAgents,
  slugAgentResolver,
  teamAgentResolver,
  teamServices,
} from './maven-agents.js';
import { type MavenDealReport, rejectRow, writeMavenBatch } from './maven-batch.js';
import { MAVEN_PIPELINE, MAVEN_PRODUCT_ALIASES } from './maven-pipeline.js';
import { convertMavenRow, type MavenDeal, type MavenLookups } from './maven-rows.js';

/** Options of `importMavenCrm`. */
export interface MavenImportOptions {
  /**
   * Maps sales agents to owners and territories. Default: the team module's reps and
   * territories when it is installed (its `importSalesTeams` runs first), else name slugs.
   */
  resolveAgent?: AgentResolver;
  /** Set false to skip the team module even when installed. */
  teams?: boolean;
  /** When team memberships and territories start (default `2016-01-01`, before every deal). */
  effectiveFrom?: string;
  /** Rows per transaction (default 500). */
  batchSize?: number;
  onProgress?: (progress: MavenImportProgress) => void;
}

/** Progress of an import: which part, and how many rows of it are done. */
export interface MavenImportProgress {
  readonly phase: 'products' | 'teams' | 'accounts' | 'opportunities' | 'learning';
  readonly rows: number;
}

/** What an import of the Maven CRM data set did. */
export interface MavenImportReport {
  readonly pipelineId: string;
  readonly products: ProductImportReport;
  /** Aliases added to the catalog (`GTXPro`). */
  readonly aliasesAdded: readonly string[];
  /** The team module's import report, when it ran. */
  readonly teams: unknown;
  readonly accounts: ImportReport;
  readonly opportunities: MavenDealReport;
  /** Closed deals the win model learned from. */
  readonly learned: { readonly won: number; readonly lost: number };
}

async function ensureMavenPipeline(ctx: PipelineContext): Promise<SalesPipeline> {
  const found = await findPipeline(ctx, MAVEN_PIPELINE.key);
  if (found) return found;
  const [created] = await internalPipelines(ctx).insert([
    {
      key: MAVEN_PIPELINE.key,
      name: MAVEN_PIPELINE.name,
      stages: [...MAVEN_PIPELINE.stages],
      isDefault: false,
    },
  ]);
  return created as SalesPipeline;
}

async function companiesByAccount(scope: PipelineScope): Promise<MavenLookups['companies']> {
  // internal: the import links deals to every imported account of the tenant
  const accounts = scope.internal(scope.model('company'));
  const companies = new Map<string, { id: string; industry: string | null }>();
  let after: string | undefined;
  do {
    const page = await accounts.find({
      where: { externalId: { isNull: false } },
      limit: 10_000,
      ...(after === undefined ? {} : { after }),
    });
    for (const row of page.rows) {
      companies.set(String(row.externalId), {
        id: row.id,
        industry: typeof row.industry === 'string' ? row.industry : null,
      });
    }
    after = page.nextCursor ?? undefined;
  } while (after !== undefined);
  return companies;
}

async function learn(
  ctx: PipelineContext,
  pipelineId: string,
): Promise<{ won: number; lost: number }> {
  const { opportunity } = pipelineModels(ctx.scope);
  const table: CountTable = new Map();
  let won = 0;
  let lost = 0;
  // internal: the win model learns from every closed deal of the tenant
  const deals = ctx.scope.internal(opportunity);
  let after: string | undefined;
  do {
    const page = await deals.find({
      where: { status: { in: ['won', 'lost'] } },
      orderBy: [{ field: 'id', direction: 'asc' }],
      limit: 5000,
      ...(after === undefined ? {} : { after }),
    });
    for (const row of page.rows) {
      tally(table, row, row.status === 'won' ? 'won' : 'lost', ctx.options.scoring.features);
      if (row.status === 'won') won += 1;
      else lost += 1;
    }
    after = page.nextCursor ?? undefined;
  } while (after !== undefined);
  await ctx.scope.transaction((tx) => replaceWinStats(tx, table));
  await rescoreAll(ctx, { where: { pipelineId, status: 'open' } });
  return { won, lost };
}

/**
 * Imports the Maven CRM data set from `dir` (products.csv, sales_teams.csv, accounts.csv,
 * sales_pipeline.csv): products (and the `GTXPro` alias), the sales organisation (through the
 * team module when installed), accounts (through the customers module), then every deal into
 * the `maven` pipeline. Each deal row is imported or rejected with its line and reason; open
 * deals without an account become leads. Finally the win model learns from the closed deals
 * and the open ones are re-scored. Re-running it is harmless: known rows are left unchanged.
 */
export async function runMavenImport(
  ctx: PipelineContext,
  dir: string,
  options: MavenImportOptions = {},
): Promise<MavenImportReport> {
  const { scope } = ctx;
  const progress = options.onProgress ?? (() => undefined);
  const catalog = scope.use(catalogHandle);
  const products = await catalog.importProducts(join(dir, 'products.csv'), { currency: 'USD' });
  progress({ phase: 'products', rows: products.total });
  const aliasesAdded: string[] = [];
  for (const [alias, name] of Object.entries(MAVEN_PRODUCT_ALIASES)) {
    if (await catalog.products.resolve(alias)) continue;
    const target = await catalog.products.resolve(name);
    if (!target) continue;
    await catalog.aliases.add(target.id, alias);
    aliasesAdded.push(alias);
  }
  const team = options.teams === false ? null : teamServices(scope);
  let teams: unknown = null;
  let resolver = options.resolveAgent ?? slugAgentResolver;
  if (team) {
    teams = await team.importSalesTeams(join(dir, 'sales_teams.csv'), {
      effectiveFrom: options.effectiveFrom ?? '2016-01-01',
    });
    resolver = options.resolveAgent ?? (await teamAgentResolver(team));
  }
  const agents = await readAgents(join(dir, 'sales_teams.csv'));
  progress({ phase: 'teams', rows: agents.size });
  const placements = new Map<string, AgentPlacement | null>();
  for (const agent of agents.values()) placements.set(agent.name, await resolver(agent));
  const customers = scope.use(customersHandle);
  const accounts = await customers.importCompanies(join(dir, 'accounts.csv'), {
    mapping: MAVEN_ACCOUNTS_MAPPING,
    valueMaps: { industry: { technolgy: 'technology' } },
  });
  progress({ phase: 'accounts', rows: accounts.total });

  const pipeline = await ensureMavenPipeline(ctx);
  const lookups = {
    pipeline,
    products: new Map<string, Product | null>(),
    companies: await companiesByAccount(scope),
    placements,
    currency: 'USD',
    calendar: await scope.calendar(),
  };
  const report: MavenDealReport = {
    ...importRowsReport(),
    leads: 0,
    aliased: {},
  };
  const scorer = await loadScorer(scope, ctx.options.scoring);
  const size = Math.min(Math.max(options.batchSize ?? 500, 1), 5000);
  let batch: MavenDeal[] = [];
  const flush = async () => {
    await writeMavenBatch(scope, batch, scorer, report);
    batch = [];
    progress({ phase: 'opportunities', rows: report.total });
  };
  for await (const row of readCsv(join(dir, 'sales_pipeline.csv'), {
    requiredColumns: [
      'opportunity_id',
      'sales_agent',
      'product',
      'account',
      'deal_stage',
      'engage_date',
      'close_date',
      'close_value',
    ],
  })) {
    report.total += 1;
    const productCell = (row.values.product ?? '').trim();
    if (!lookups.products.has(productCell)) {
      lookups.products.set(productCell, await catalog.products.resolve(productCell));
    }
    try {
      batch.push(convertMavenRow(row.values, row.line, lookups));
      if (productCell in MAVEN_PRODUCT_ALIASES) {
        report.aliased[productCell] = (report.aliased[productCell] ?? 0) + 1;
      }
    } catch (error) {
      rejectRow(report, row.line, error);
    }
    if (batch.length >= size) await flush();
  }
  await flush();
  const learned = await learn(ctx, pipeline.id);
  progress({ phase: 'learning', rows: learned.won + learned.lost });
  return {
    pipelineId: pipeline.id,
    products,
    aliasesAdded,
    teams,
    accounts,
    opportunities: report,
    learned,
  };
}
