import { isCurrencyCode, SellkitError } from '@sellkit/core';
import { fromZodError } from '@sellkit/core/module';
import { z } from 'zod';
import { compareDecimal, isDecimal } from './decimal-text.js';

/** The period units a commission plan can pay on (tenant calendar units). */
export const COMMISSION_PERIOD_UNITS = ['month', 'quarter', 'fiscalQuarter', 'fiscalYear'] as const;
/** A commission plan's period unit. */
export type CommissionPeriodUnit = (typeof COMMISSION_PERIOD_UNITS)[number];

const decimal = z
  .string()
  .max(40)
  .refine(isDecimal, 'must be a decimal written as text, e.g. "0.05"');
const rate = decimal.refine((value) => !value.startsWith('-'), {
  message: 'must not be below 0',
});

const tier = z.strictObject({
  /** Attainment (credited ÷ quota) where the tier starts, e.g. "0" or "1.0" (100 %). */
  from: rate,
  /** Attainment where the next tier starts; null for the last, open-ended tier. */
  to: rate.nullable(),
  rate,
  label: z.string().max(100).optional(),
});

const rates = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('flat'), rate }),
  z.strictObject({
    kind: z.literal('byProduct'),
    /** Rate for lines whose product and category have none of their own. */
    default: rate,
    products: z.record(z.string().min(1).max(64), rate).optional(),
    categories: z.record(z.string().min(1).max(100), rate).optional(),
  }),
  z.strictObject({
    kind: z.literal('tiered'),
    /** `marginal`: each slice at its own rate; `stepped`: the whole amount at the rate reached. */
    mode: z.enum(['marginal', 'stepped']),
    /** The quota measure attainment is measured against (kpi measure id). */
    measure: z.string().min(1).max(64).default('won-revenue'),
    tiers: z.array(tier).min(1).max(50),
  }),
]);

const condition: z.ZodType<unknown> = z.lazy(() => z.unknown());

const bonus = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,63}$/, 'must be a lower-case id (letters, digits, dashes)'),
  description: z.string().min(1).max(200),
  amount: rate,
  /** A scoring-engine condition over the rep's period facts (see `docs/team.md`). */
  condition,
});

const planShape = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, 'must be a lower-case key'),
  name: z.string().min(1).max(200),
  currency: z.string().refine(isCurrencyCode, 'must be an ISO 4217 currency code'),
  periodUnit: z.enum(COMMISSION_PERIOD_UNITS),
  /** First day (YYYY-MM-DD) of the first period this version pays; older periods keep theirs. */
  validFrom: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable()
    .default(null),
  appliesTo: z
    .strictObject({
      repIds: z.array(z.string().min(1).max(64)).max(10_000).default([]),
      seniority: z.array(z.string().min(1).max(64)).max(100).default([]),
    })
    .refine((value) => value.repIds.length + value.seniority.length > 0, {
      message: 'must name at least one rep or seniority level',
    }),
  /** Credit source ids; default the built-in `deal-won`. */
  sources: z.array(z.string().min(1).max(64)).min(1).max(20).default(['deal-won']),
  rates,
  /** Below this attainment (credited ÷ quota) nothing is paid for the period. */
  minimumAttainment: rate.nullable().default(null),
  /** The most commission (before bonuses and adjustments) one period pays, in plan currency. */
  cap: rate.nullable().default(null),
  /** A manager on this plan earns `rate` on the credit of the members of the teams they manage. */
  override: z.strictObject({ rate }).nullable().default(null),
  bonuses: z.array(bonus).max(50).default([]),
});

/** A commission plan as written by a tenant (before defaults). */
export type CommissionPlanInput = z.input<typeof planShape>;
/** A validated commission plan, defaults applied. */
export type CommissionPlan = z.output<typeof planShape>;
/** One attainment tier of a tiered plan. */
export type CommissionTier = z.output<typeof tier>;
/** How a plan sets rates. */
export type CommissionRates = z.output<typeof rates>;
/** A one-off bonus of a plan. */
export type CommissionBonus = z.output<typeof bonus>;

/** The zod schema of a commission plan's JSON (structure only; see {@link parseCommissionPlan}). */
export const commissionPlanSchema = planShape;

function tierIssues(
  tiers: readonly CommissionTier[],
): { path: string; message: string; reason: string }[] {
  const issues: { path: string; message: string; reason: string }[] = [];
  const first = tiers[0];
  if (first && compareDecimal(first.from, '0') !== 0)
    issues.push({
      path: 'rates.tiers.0.from',
      message: 'the first tier must start at 0',
      reason: 'tier_gap',
    });
  tiers.forEach((current, index) => {
    const path = `rates.tiers.${index}`;
    if (current.to !== null && compareDecimal(current.to, current.from) <= 0)
      issues.push({ path: `${path}.to`, message: 'must be above from', reason: 'empty_tier' });
    const next = tiers[index + 1];
    if (!next) {
      if (current.to !== null)
        issues.push({
          path: `${path}.to`,
          message: 'the last tier must be open-ended (to: null)',
          reason: 'tier_gap',
        });
      return;
    }
    if (current.to === null) {
      issues.push({
        path: `${path}.to`,
        message: 'only the last tier may be open-ended',
        reason: 'tier_overlap',
      });
      return;
    }
    const order = compareDecimal(next.from, current.to);
    if (order < 0)
      issues.push({
        path: `rates.tiers.${index + 1}.from`,
        message: `overlaps the tier before (which ends at ${current.to})`,
        reason: 'tier_overlap',
      });
    if (order > 0)
      issues.push({
        path: `rates.tiers.${index + 1}.from`,
        message: `leaves a gap after ${current.to}`,
        reason: 'tier_gap',
      });
  });
  return issues;
}

/**
 * Validates a commission plan's JSON: structure (zod), then meaning: tiers start at 0, follow
 * each other without gap or overlap and end open-ended; no rate, cap or amount below 0; bonus
 * conditions are checked when the plan is published (they need the scoring registry). Bad input
 * is `VALIDATION_FAILED` with one issue per problem.
 *
 * @example
 * ```ts
 * const plan = parseCommissionPlan({
 *   key: 'ae', name: 'Account executives', currency: 'EUR', periodUnit: 'quarter',
 *   appliesTo: { seniority: ['senior'] },
 *   rates: { kind: 'tiered', mode: 'marginal', tiers: [
 *     { from: '0', to: '1', rate: '0.05' }, { from: '1', to: null, rate: '0.08' },
 *   ] },
 * });
 * plan.rates.kind; // 'tiered'
 * ```
 */
export function parseCommissionPlan(input: unknown): CommissionPlan {
  const parsed = planShape.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error, { model: 'commissionPlan' });
  const plan = parsed.data;
  const issues = plan.rates.kind === 'tiered' ? tierIssues(plan.rates.tiers) : [];
  const ids = new Set<string>();
  plan.bonuses.forEach((item, index) => {
    if (ids.has(item.id))
      issues.push({
        path: `bonuses.${index}.id`,
        message: `${item.id} is used twice`,
        reason: 'duplicate',
      });
    ids.add(item.id);
  });
  if (issues.length > 0) {
    throw new SellkitError(
      'VALIDATION_FAILED',
      `commission plan: ${issues[0]?.path} ${issues[0]?.message}`,
      {
        model: 'commissionPlan',
        issues,
      },
    );
  }
  return plan;
}
