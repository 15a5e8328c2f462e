import { z } from 'zod';

/** The most conditions a single `all` or `any` may list. */
export const MAX_CHILDREN = 100;
/** The most rules in one rule set. */
export const MAX_RULES = 1000;
/** The most bands in one rule set. */
export const MAX_BANDS = 20;
/** Points per rule stay within ±1,000,000 so any total is an exact integer. */
export const MAX_POINTS = 1_000_000;

/** Every condition of these facts must hold. */
export interface AllCondition {
  readonly all: readonly Condition[];
}
/** At least one condition must hold. */
export interface AnyCondition {
  readonly any: readonly Condition[];
}
/** The condition must not hold. */
export interface NotCondition {
  readonly not: Condition;
}
/**
 * One test of one fact. `fact` is a dotted path into the facts (`company.industry`), or
 * `$name` for a computed fact registered by a module or plugin (`$daysSinceLastInteraction`,
 * `$engagement.score`).
 */
export interface FactCondition {
  readonly fact: string;
  readonly operator: string;
  readonly value?: unknown;
}
/** A condition tree: `all`, `any` and `not` nested freely around fact conditions. */
export type Condition = AllCondition | AnyCondition | NotCondition | FactCondition;

/** What a rule gives when its condition holds: points (maybe negative), a tag, or both. */
export interface RuleOutcome {
  readonly points?: number;
  readonly tag?: string;
}

/** One rule of a rule set. */
export interface Rule {
  readonly id: string;
  readonly description?: string;
  readonly condition: Condition;
  readonly outcome: RuleOutcome;
}

/**
 * A band turns a total into a label and a priority: the band with the highest `min` not above
 * the total wins; a band without `min` catches every total below the others.
 */
export interface Band {
  readonly label: string;
  readonly min?: number;
  readonly priority: number;
}

/** A rule set: plain JSON, validated by {@link ruleSetSchema} and by the registry. */
export interface RuleSet {
  readonly id: string;
  readonly version: number;
  readonly description?: string;
  readonly rules: readonly Rule[];
  readonly bands: readonly Band[];
}

const text = (max: number) => z.string().min(1).max(max);
const points = z.number().int('points must be an integer').min(-MAX_POINTS).max(MAX_POINTS);

// One object shape for every condition form, refined to exactly one form: unlike a union, this
// keeps zod's issue paths precise (`rules.2.condition.all.0.operater: unknown field`).
const conditionShape = z
  .strictObject({
    all: z
      .array(z.lazy(() => conditionSchema))
      .min(1)
      .max(MAX_CHILDREN)
      .optional(),
    any: z
      .array(z.lazy(() => conditionSchema))
      .min(1)
      .max(MAX_CHILDREN)
      .optional(),
    not: z.lazy(() => conditionSchema).optional(),
    fact: text(200).optional(),
    operator: text(48).optional(),
    value: z.unknown().optional(),
  })
  .superRefine((condition, context) => {
    const forms = ['all', 'any', 'not', 'fact'].filter(
      (key) => condition[key as keyof typeof condition] !== undefined,
    );
    const leaf = condition.fact !== undefined || condition.operator !== undefined;
    if (leaf && (condition.fact === undefined || condition.operator === undefined)) {
      context.addIssue({
        code: 'custom',
        path: [condition.fact === undefined ? 'fact' : 'operator'],
        message: 'a fact condition needs both fact and operator',
      });
    } else if (forms.length !== 1 || (!leaf && condition.value !== undefined)) {
      context.addIssue({
        code: 'custom',
        message: 'a condition needs exactly one of all, any, not, or fact with operator',
      });
    }
  });

/** The zod schema of one {@link Condition} (recursive). */
export const conditionSchema: z.ZodType<Condition> =
  conditionShape as unknown as z.ZodType<Condition>;

/** The zod schema of one {@link Rule}. */
export const ruleSchema = z.strictObject({
  id: text(128),
  description: z.string().max(2000).optional(),
  condition: conditionSchema,
  outcome: z
    .strictObject({ points: points.optional(), tag: text(64).optional() })
    .refine((outcome) => outcome.points !== undefined || outcome.tag !== undefined, {
      message: 'an outcome needs points, a tag, or both',
    }),
});

/** The zod schema of one {@link Band}. */
export const bandSchema = z.strictObject({
  label: text(64),
  min: z.number().int().min(-1e9).max(1e9).optional(),
  priority: z.number().int().min(0).max(1000),
});

/**
 * The zod schema of a {@link RuleSet}: structure only. Operators, their values and computed
 * facts are checked against a registry by `defineRuleSet` and `compileRuleSet`.
 *
 * @example
 * ```ts
 * const body = '{"id": "lead-priority", "version": 1, "rules": [], "bands": []}';
 * const parsed = ruleSetSchema.safeParse(JSON.parse(body));
 * if (!parsed.success) console.log(parsed.error.issues.map((issue) => issue.path.join('.')));
 * ```
 */
export const ruleSetSchema: z.ZodType<RuleSet> = z.strictObject({
  id: text(128),
  version: z.number().int().min(1).max(1e9),
  description: z.string().max(2000).optional(),
  rules: z.array(ruleSchema).max(MAX_RULES),
  bands: z.array(bandSchema).max(MAX_BANDS),
});
