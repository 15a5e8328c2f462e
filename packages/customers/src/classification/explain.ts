import { type RuleExplanation, reachWhere } from '@sellkit/core';
import type { PurchasePotential, SizeClass } from '../companies/company-model.js';
import { updateCompany } from '../companies/company-service.js';
import { type CustomersContext, models, within } from '../shared/context.js';
import { deriveSizeClass, type SizeThresholds, sizeClassReason } from './size-class.js';

/** Why a company has its size class and purchase potential. */
export interface ClassificationExplanation {
  readonly companyId: string;
  readonly sizeClass: {
    readonly value: SizeClass | null;
    /** `derived` from employees, `manual` when someone set it. */
    readonly source: 'derived' | 'manual';
    /** E.g. `2822 employees >= 250`, or `set by hand`. */
    readonly reason: string;
    readonly thresholds: SizeThresholds;
  };
  readonly purchasePotential: {
    readonly value: PurchasePotential | null;
    /** `rules` from the rule set, `manual` when set, `none` without a rule set. */
    readonly source: 'rules' | 'manual' | 'none';
    /**
     * What the rule set gives now. It differs from `value` only when a time-relative rule
     * (`withinLast`, `olderThan`) changed its mind since the last write: `reclassify` fixes it.
     */
    readonly current: PurchasePotential | null;
    readonly reason: string;
    readonly ruleSet: { readonly id: string; readonly version: number } | null;
    /** The rule set's total and the rules that fired (with their points). */
    readonly total: number | null;
    readonly fired: readonly { id: string; description: string; points: number }[];
    /** Every rule, fired or not, with the facts it read. */
    readonly rules: readonly RuleExplanation[];
  };
}

/** Explains a company's classes (the actor must be able to read it). */
export async function explainClassification(
  ctx: CustomersContext,
  companyId: string,
): Promise<ClassificationExplanation> {
  const company = await ctx.scope.records(models(ctx.scope).company).get(companyId);
  const thresholds = ctx.options.sizeThresholds;
  const derived = deriveSizeClass(company.employees, thresholds);
  const sizeReason =
    company.sizeClassSource === 'manual'
      ? 'set by hand'
      : company.employees === null || derived === null
        ? 'unknown: no employee count'
        : sizeClassReason(company.employees, derived, thresholds);
  const base = {
    companyId,
    sizeClass: {
      value: company.sizeClass,
      source: company.sizeClassSource,
      reason: sizeReason,
      thresholds,
    },
  };
  if (company.purchasePotentialSource === 'manual') {
    return {
      ...base,
      purchasePotential: {
        value: company.purchasePotential,
        source: 'manual',
        current: company.purchasePotential,
        reason: 'set by hand',
        ruleSet: null,
        total: null,
        fired: [],
        rules: [],
      },
    };
  }
  if (!ctx.classifier) {
    return {
      ...base,
      purchasePotential: {
        value: company.purchasePotential,
        source: 'none',
        current: company.purchasePotential,
        reason: 'no classification rule set is configured',
        ruleSet: null,
        total: null,
        fired: [],
        rules: [],
      },
    };
  }
  const explanation = ctx.classifier.explain(
    company,
    ctx.scope.clock.now(),
    await ctx.scope.calendar(),
  );
  const fired = explanation.rules
    .filter((rule) => rule.fired)
    .map((rule) => ({ id: rule.id, description: rule.description, points: rule.points }));
  const band = explanation.band as PurchasePotential | null;
  const stale =
    band !== company.purchasePotential
      ? ` (stored ${company.purchasePotential ?? 'none'}: reclassify to refresh)`
      : '';
  return {
    ...base,
    purchasePotential: {
      value: company.purchasePotential,
      source: 'rules',
      current: band,
      reason:
        band === null
          ? `total ${explanation.total} falls in no band`
          : `total ${explanation.total} falls in band ${band}${fired.length > 0 ? ` (${fired.map((rule) => `${rule.id} ${rule.points > 0 ? '+' : ''}${rule.points}`).join(', ')})` : ''}${stale}`,
      ruleSet: { id: explanation.ruleSetId, version: explanation.ruleSetVersion },
      total: explanation.total,
      fired,
      rules: explanation.rules,
    },
  };
}

/** What `reclassifyCompanies` (the `reclassify()` service) did. */
export interface ReclassifyReport {
  readonly checked: number;
  readonly changed: number;
}

/**
 * Re-derives size classes and purchase potentials of every company the actor may update, in
 * batches of 500 per transaction: run it after changing thresholds or the rule set.
 */
export async function reclassifyCompanies(
  ctx: CustomersContext,
  options: { onProgress?: (report: ReclassifyReport) => void } = {},
): Promise<ReclassifyReport> {
  let checked = 0;
  let changed = 0;
  const { company } = models(ctx.scope);
  const reach = await ctx.scope.reach('update', company);
  if (reach.kind === 'none') return { checked, changed };
  const where = reachWhere(reach, company);
  // internal: the pages are scoped by hand to what the actor may update (not what they may read)
  const companies = ctx.scope.internal(company);
  let after: string | undefined;
  do {
    const page = await companies.find({
      ...(where ? { where } : {}),
      orderBy: [{ field: 'id' }],
      limit: 500,
      ...(after ? { after } : {}),
    });
    await ctx.scope.transaction(async (tx) => {
      for (const row of page.rows) {
        const updated = await updateCompany(within(ctx, tx), row.id, {});
        checked += 1;
        if (updated.version !== row.version) changed += 1;
      }
    });
    options.onProgress?.({ checked, changed });
    after = page.nextCursor ?? undefined;
  } while (after);
  return { checked, changed };
}
