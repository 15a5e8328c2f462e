/**
 * The re-score written by hand on better-sqlite3 against the same database file, the way an
 * application would: prepared statements, only the columns scoring needs, one transaction per
 * page, no validation. It uses the same compiled rule set, facts and win model as the SDK, so
 * its time is the floor the SDK's `rescoreAll` is compared with.
 */
import { type CompiledRuleSet, Money } from '@sellkit/core';
import {
  buildWinModel,
  DEFAULT_WIN_FEATURES,
  featureValues,
  type Opportunity,
  opportunityFacts,
  winProbability,
} from '@sellkit/pipeline';
import Database from 'better-sqlite3';

const TENANT = 'bench';
const PAGE = 2000;
// Money is stored as fixed-width text: units (amount × 10^4) plus 10^24.
const OFFSET = 10n ** 24n;

function money(text: string | null, currency: string | null): Money | null {
  if (text === null || currency === null) return null;
  const units = BigInt(text) - OFFSET;
  const sign = units < 0n ? '-' : '';
  const digits = (units < 0n ? -units : units).toString().padStart(5, '0');
  return Money.of(`${sign}${digits.slice(0, -4)}.${digits.slice(-4)}`, currency);
}

type RawRow = Record<string, string | number | null>;

function deal(row: RawRow): Opportunity {
  const list = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : []);
  return {
    kind: row.kind,
    title: row.title,
    stage: row.stage,
    status: row.status,
    probability: row.probability,
    source: row.source,
    budgetConfirmed: row.budget_confirmed === 1,
    competitors: list(row.competitors),
    expectedCloseDate: row.expected_close_date,
    engageDate: row.engage_date,
    lastActivityAt: row.last_activity_at === null ? null : new Date(Number(row.last_activity_at)),
    ownerId: row.owner_id,
    territoryId: row.territory_id,
    industry: row.industry,
    primaryProductId: row.primary_product_id,
    productIds: list(row.product_ids),
    companyId: row.company_id,
    pipelineId: row.pipeline_id,
    amount: money(row.amount as string | null, row.amount_currency as string | null),
  } as unknown as Opportunity;
}

/** Re-scores every open deal of the file's `bench` tenant; returns deals written and time. */
export function rawRescore(
  file: string,
  compiled: CompiledRuleSet,
  now: Date,
): { written: number; ms: number } {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const started = performance.now();
  const stats = db
    .prepare('SELECT feature, value, won, lost FROM sk_win_stat WHERE tenant_id = ?')
    .all(TENANT) as { feature: string; value: string; won: number; lost: number }[];
  const model = buildWinModel(stats, DEFAULT_WIN_FEATURES, 1);
  const texts = new Map(
    compiled.ruleSet.rules.map((rule) => [
      rule.id,
      { points: rule.outcome.points ?? 0, text: rule.description ?? rule.id },
    ]),
  );
  const page = db.prepare(`SELECT id, version, kind, title, stage, status, probability, source,
      budget_confirmed, competitors, expected_close_date, engage_date, last_activity_at, owner_id,
      territory_id, industry, primary_product_id, product_ids, company_id, pipeline_id,
      CAST(amount AS TEXT) AS amount, amount_currency
    FROM sk_opportunity WHERE tenant_id = ? AND status = 'open' AND id > ? ORDER BY id LIMIT ?`);
  const update = db.prepare(`UPDATE sk_opportunity SET score = ?, band = ?, priority = ?,
      score_explanation = ?, scored_at = ?, version = ?, updated_at = ?
    WHERE tenant_id = ? AND id = ? AND version = ?`);
  let written = 0;
  let after = '';
  const at = now.getTime();
  const writePage = db.transaction((rows: RawRow[]) => {
    const deals = rows.map(deal);
    const results = compiled.scoreMany(
      deals.map((item) => opportunityFacts(item, model)),
      { now },
    );
    results.forEach((result, index) => {
      const row = rows[index] as RawRow;
      const probability = winProbability(
        model,
        featureValues(deals[index] as Opportunity, model.features),
      );
      const explanation = JSON.stringify({
        ruleSetId: result.ruleSetId,
        ruleSetVersion: result.ruleSetVersion,
        source: 'default',
        total: result.total,
        band: result.band,
        reasons: result.fired.map((id) => ({ rule: id, ...texts.get(id) })),
        winProbability: probability === null ? null : Math.round(probability * 10_000) / 10_000,
      });
      const version = Number(row.version);
      const changes = update.run(
        result.total,
        result.band,
        result.priority,
        explanation,
        at,
        version + 1,
        at,
        TENANT,
        row.id,
        version,
      );
      written += changes.changes;
    });
  });
  for (;;) {
    const rows = page.all(TENANT, after, PAGE) as RawRow[];
    if (rows.length === 0) break;
    writePage(rows);
    after = String(rows[rows.length - 1]?.id);
  }
  const ms = performance.now() - started;
  db.close();
  return { written, ms };
}

/** Sums that tell whether two re-scores wrote the same scores. */
export function scoreChecksum(file: string): string {
  const db = new Database(file, { readonly: true });
  const row = db
    .prepare(`SELECT COUNT(score) AS scored, SUM(score) AS total, SUM(priority) AS priority,
        SUM(length(band)) AS bands, SUM(length(score_explanation)) AS explained
      FROM sk_opportunity WHERE tenant_id = ? AND status = 'open'`)
    .get(TENANT);
  db.close();
  return JSON.stringify(row);
}
