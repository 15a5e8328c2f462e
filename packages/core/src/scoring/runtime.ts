import type { TenantCalendar } from '../calendar/tenant-calendar.js';
import { isSellkitError, SellkitError } from '../errors/sellkit-error.js';
import { factTypeError, factValueError, operatorFailure } from './errors.js';
import { localToday, UTC_CALENDAR } from './evaluation-time.js';
import type { AnyFactDefinition, FactContext } from './facts.js';
import type { OperatorContext } from './operators/define-operator.js';
import type { Plan, PlanBand, PlanLeaf } from './plan.js';
import { kindOf } from './values.js';

/** The facts a rule set is evaluated on. */
export type Facts = Readonly<Record<string, unknown>>;

/**
 * One evaluation: the facts, `now`, and the memo of computed facts. A plain object without
 * closures, because one is made per evaluation on the hot path.
 */
export interface Evaluation {
  readonly facts: Facts;
  /** Milliseconds since the epoch; NaN when the rule set never reads the time. */
  readonly now: number;
  /** The tenant calendar relative dates are counted in (UTC when none was given). */
  readonly calendar: TenantCalendar;
  /** Computed fact values by slot (`PENDING` until computed). */
  readonly memo: unknown[];
  readonly plan: Plan;
  readonly slots: ReadonlyMap<string, number>;
}

const PENDING = Symbol('pending');
const NO_VALUES: unknown[] = [];

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

function computeFailure(definition: AnyFactDefinition, cause: unknown): SellkitError {
  if (isSellkitError(cause)) return cause;
  return new SellkitError(
    'CONFIGURATION_INVALID',
    `computed fact ${definition.name} failed`,
    { fact: definition.name },
    { cause },
  );
}

/** Creates the per-evaluation memo of computed facts (one slot per needed fact). */
export function emptyFactValues(plan: Plan): unknown[] {
  // Without computed facts the memo is never written, so one empty array serves everyone.
  return plan.facts.length === 0 ? NO_VALUES : new Array(plan.facts.length).fill(PENDING);
}

/**
 * Builds evaluations for one plan. `values` (from {@link emptyFactValues}, maybe filled by
 * {@link resolveAsyncFacts}) is used as the memo itself, so nothing is computed twice.
 */
export function evaluationFactory(plan: Plan) {
  const slots: ReadonlyMap<string, number> = new Map(
    plan.facts.map((definition, slot) => [definition.name, slot]),
  );
  return (
    facts: Facts,
    now: number,
    values?: unknown[],
    calendar: TenantCalendar = UTC_CALENDAR,
  ): Evaluation => ({
    facts,
    now,
    calendar,
    memo: values ?? emptyFactValues(plan),
    plan,
    slots,
  });
}

function contextFor(definition: AnyFactDefinition, evaluation: Evaluation): FactContext {
  return {
    now: new Date(evaluation.now),
    calendar: evaluation.calendar,
    get today() {
      return localToday(evaluation.calendar, evaluation.now);
    },
    get(name: string): unknown {
      const slot = evaluation.slots.get(name);
      if (!definition.dependsOn.includes(name) || slot === undefined) {
        throw new SellkitError(
          'CONFIGURATION_INVALID',
          `computed fact ${definition.name} reads ${String(name).slice(0, 60)} without declaring it in dependsOn`,
          { fact: definition.name },
        );
      }
      return computedFact(evaluation, slot);
    },
  };
}

/** A computed fact of an evaluation by slot: computed on first use, then remembered. */
export function computedFact(evaluation: Evaluation, slot: number): unknown {
  const known = evaluation.memo[slot];
  if (known !== PENDING) return known;
  const definition = evaluation.plan.facts[slot] as AnyFactDefinition;
  if (definition.async) {
    throw new SellkitError(
      'UNSUPPORTED',
      `computed fact ${definition.name} is asynchronous: use scoreAsync`,
      { fact: definition.name },
    );
  }
  let value: unknown;
  try {
    value = definition.compute(evaluation.facts, contextFor(definition, evaluation));
  } catch (error) {
    throw computeFailure(definition, error);
  }
  if (isThenable(value)) {
    throw new SellkitError(
      'CONFIGURATION_INVALID',
      `computed fact ${definition.name} returned a Promise but is not declared async`,
      { fact: definition.name },
    );
  }
  evaluation.memo[slot] = value;
  return value;
}

/**
 * Resolves the asynchronous computed facts of a plan, dependencies first, into a memo for
 * {@link evaluationFactory}. Synchronous facts they read are computed once and kept.
 */
export async function resolveAsyncFacts(
  plan: Plan,
  facts: Facts,
  now: number,
  calendar: TenantCalendar = UTC_CALENDAR,
): Promise<unknown[]> {
  const values = emptyFactValues(plan);
  const evaluation = evaluationFactory(plan)(facts, now, values, calendar);
  for (const [slot, definition] of plan.facts.entries()) {
    if (!definition.async) continue;
    try {
      values[slot] = await definition.compute(facts, contextFor(definition, evaluation));
    } catch (error) {
      throw computeFailure(definition, error);
    }
  }
  return values;
}

/** A condition's test the general way: missing facts, kind checks, then the operator. */
export type LeafTest = (value: unknown, evaluation: Evaluation | null) => boolean;

/** Builds the general test of one leaf (used by closures, explain, and slow paths of code). */
export function generalTest(ruleSetId: string, leaf: PlanLeaf): LeafTest {
  const { operator, prepared, accepts } = leaf;
  const missing = operator.onMissing ? operator.onMissing(prepared) === true : false;
  // One context per leaf, pointed at the running evaluation: allocating one per call would
  // dominate the cost of a condition.
  let current: Evaluation | null = null;
  const context: OperatorContext = {
    now: () => current?.now ?? Number.NaN,
    calendar: () => current?.calendar ?? UTC_CALENDAR,
    invalid: (reason) => {
      throw factValueError(ruleSetId, leaf, reason);
    },
  };
  return (value, evaluation) => {
    if (value === undefined || value === null) return missing;
    if (accepts !== 'any') {
      const kind = kindOf(value);
      if (kind === undefined || !accepts.has(kind)) throw factTypeError(ruleSetId, leaf, value);
    }
    const previous = current;
    current = evaluation;
    try {
      return operator.test(value as never, prepared, context) === true;
    } catch (error) {
      throw isSellkitError(error) ? error : operatorFailure(ruleSetId, leaf, error);
    } finally {
      current = previous;
    }
  };
}

/** The band a total falls into: the highest `min` not above it. */
export function bandFor(bands: readonly PlanBand[], total: number): PlanBand | undefined {
  for (const band of bands) if (total >= band.min) return band;
  return undefined;
}
