import type { TenantCalendar } from '../calendar/tenant-calendar.js';
import type { Clock } from '../context/clock.js';
import { isSellkitError, SellkitError, validationError } from '../errors/sellkit-error.js';
import { compileToClosures } from './compile-closures.js';
import { compileToFunction, type RunFunction } from './compile-function.js';
import { compileExplain, type Explanation } from './explain.js';
import type { Plan } from './plan.js';
import { createScoringRegistry, type ScoringRegistry } from './registry.js';
import type { ScoreResult } from './result.js';
import { type Facts, resolveAsyncFacts } from './runtime.js';
import type { RuleSet } from './schema.js';
import { planRuleSet } from './validate.js';
import { toTime } from './values.js';

/** How a rule set is turned into code. */
export type CompileMode = 'function' | 'closures';

/** Options of {@link compileRuleSet}. */
export interface CompileOptions {
  /** Operators and computed facts beyond the built-ins. */
  registry?: ScoringRegistry;
  /**
   * `function` generates one JavaScript function (fastest); `closures` composes functions and
   * never calls `new Function` (for CSP-restricted hosts and edge runtimes). Default: `function`,
   * falling back to `closures` where the runtime refuses code generation.
   */
  mode?: CompileMode;
  /** Where `now` comes from when an evaluation does not pass one (default: the system clock). */
  clock?: Clock;
}

/** Options of one evaluation. */
export interface EvaluateOptions {
  /** The instant relative dates (`withinLast`, `olderThan`) are measured from. */
  now?: Date | string;
  /**
   * The tenant calendar days, months and calendar dates are counted in (`scope.calendar()`):
   * `withinLast { n: 7, unit: 'day' }` means 7 local calendar days, a `YYYY-MM-DD` value is the
   * start of that local day, and computed facts read `today` in it. UTC when left out. Without
   * `now`, the calendar's clock gives it.
   */
  calendar?: TenantCalendar;
}

/**
 * A rule set compiled once, evaluated many times. Results carry the rule set's id and version.
 *
 * `score`, `scoreMany` and `explain` are synchronous; when the rule set names an asynchronous
 * computed fact (`isAsync`), they throw `UNSUPPORTED` and the `...Async` twins must be used.
 * The twins always work.
 */
export interface CompiledRuleSet {
  readonly id: string;
  readonly version: number;
  readonly ruleSet: RuleSet;
  /** The mode actually used (after any fallback). */
  readonly mode: CompileMode;
  /** True when scoring needs `scoreAsync` (an asynchronous computed fact is named). */
  readonly isAsync: boolean;
  score(facts: object, options?: EvaluateOptions): ScoreResult;
  /** Scores a batch; every item is evaluated at the same `now`. */
  scoreMany(list: readonly object[], options?: EvaluateOptions): ScoreResult[];
  explain(facts: object, options?: EvaluateOptions): Explanation;
  scoreAsync(facts: object, options?: EvaluateOptions): Promise<ScoreResult>;
  scoreManyAsync(list: readonly object[], options?: EvaluateOptions): Promise<ScoreResult[]>;
  explainAsync(facts: object, options?: EvaluateOptions): Promise<Explanation>;
}

const builtinsOnly = createScoringRegistry();

/** The registry used when none is given: the built-in operators and no computed facts. */
export function defaultRegistry(): ScoringRegistry {
  return builtinsOnly;
}

function build(plan: Plan, mode: CompileMode | undefined): { run: RunFunction; mode: CompileMode } {
  if (mode === 'closures') return { run: compileToClosures(plan), mode };
  try {
    return { run: compileToFunction(plan), mode: 'function' };
  } catch (error) {
    if (mode === undefined && isSellkitError(error, 'UNSUPPORTED')) {
      return { run: compileToClosures(plan), mode: 'closures' };
    }
    throw error;
  }
}

function checkFacts(facts: unknown, path: string): asserts facts is Facts {
  if (typeof facts !== 'object' || facts === null || Array.isArray(facts)) {
    throw validationError(path, 'facts must be an object', 'invalid_type');
  }
}

/**
 * Validates a rule set against a registry and compiles it. Invalid rule sets are
 * `VALIDATION_FAILED` with a path per issue and are never compiled.
 *
 * @example
 * ```ts
 * const compiled = compileRuleSet(ruleSet, { registry });
 * const facts = { opportunity: { amount: 120_000, stage: 'proposal' } };
 * const result = compiled.score(facts);
 * // { ruleSetId: 'lead-priority', ruleSetVersion: 3, total: 40, band: 'hot', priority: 1, ... }
 * const why = compiled.explain(facts); // every rule, fired or not, with the facts it read
 * ```
 */
export function compileRuleSet(ruleSet: RuleSet, options: CompileOptions = {}): CompiledRuleSet {
  const plan = planRuleSet(ruleSet, options.registry ?? builtinsOnly);
  const { run, mode } = build(plan, options.mode);
  const explainRun = compileExplain(plan);
  const clock = options.clock;

  const nowOf = (evaluate: EvaluateOptions | undefined): number => {
    if (!plan.usesNow) return Number.NaN;
    const given = evaluate?.now;
    if (given === undefined) {
      if (evaluate?.calendar) return evaluate.calendar.now().getTime();
      return clock ? clock.now().getTime() : Date.now();
    }
    const time = toTime(given);
    if (Number.isNaN(time))
      throw validationError('now', 'must be a valid Date or ISO date-time', 'invalid_date');
    return time;
  };
  const refuseAsync = (): void => {
    if (plan.isAsync) {
      throw new SellkitError(
        'UNSUPPORTED',
        `rule set ${plan.ruleSet.id} uses asynchronous computed facts: use scoreAsync or explainAsync`,
        { ruleSetId: plan.ruleSet.id },
      );
    }
  };

  // The values of asynchronous computed facts, resolved before a run (none when all are sync).
  const asyncValues = async (facts: Facts, now: number, calendar: TenantCalendar | undefined) =>
    plan.isAsync ? resolveAsyncFacts(plan, facts, now, calendar) : undefined;

  const compiled: CompiledRuleSet = {
    id: plan.ruleSet.id,
    version: plan.ruleSet.version,
    ruleSet: plan.ruleSet,
    mode,
    isAsync: plan.isAsync,
    score(facts, evaluate) {
      refuseAsync();
      checkFacts(facts, 'facts');
      return run(facts, nowOf(evaluate), undefined, evaluate?.calendar);
    },
    scoreMany(list, evaluate) {
      refuseAsync();
      if (!Array.isArray(list)) throw validationError('facts', 'must be an array', 'invalid_type');
      const now = nowOf(evaluate);
      const calendar = evaluate?.calendar;
      const results: ScoreResult[] = new Array(list.length);
      for (let index = 0; index < list.length; index += 1) {
        const facts: unknown = list[index];
        checkFacts(facts, `facts.${index}`);
        results[index] = run(facts, now, undefined, calendar);
      }
      return results;
    },
    explain(facts, evaluate) {
      refuseAsync();
      checkFacts(facts, 'facts');
      return explainRun(facts, nowOf(evaluate), undefined, evaluate?.calendar);
    },
    async scoreAsync(facts, evaluate) {
      checkFacts(facts, 'facts');
      const now = nowOf(evaluate);
      const values = await asyncValues(facts, now, evaluate?.calendar);
      return run(facts, now, values, evaluate?.calendar);
    },
    async scoreManyAsync(list, evaluate) {
      if (!Array.isArray(list)) throw validationError('facts', 'must be an array', 'invalid_type');
      const now = nowOf(evaluate);
      const results: ScoreResult[] = [];
      for (const [index, facts] of list.entries()) {
        checkFacts(facts, `facts.${index}`);
        const values = await asyncValues(facts, now, evaluate?.calendar);
        results.push(run(facts, now, values, evaluate?.calendar));
      }
      return results;
    },
    async explainAsync(facts, evaluate) {
      checkFacts(facts, 'facts');
      const now = nowOf(evaluate);
      const values = await asyncValues(facts, now, evaluate?.calendar);
      return explainRun(facts, now, values, evaluate?.calendar);
    },
  };
  return Object.freeze(compiled);
}
