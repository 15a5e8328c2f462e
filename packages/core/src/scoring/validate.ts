import {
  type FieldIssue,
  fromZodError,
  isSellkitError,
  SellkitError,
} from '../errors/sellkit-error.js';
import { parseFactPath } from './fact-path.js';
import { type AnyFactDefinition, factsInOrder } from './facts.js';
import { BUILTIN_OPERATORS, TIME_RELATIVE_OPERATORS } from './operators/builtins.js';
import type { Plan, PlanBand, PlanLeaf, PlanNode, PlanRule } from './plan.js';
import type { ScoringRegistry } from './registry.js';
import { type Condition, type FactCondition, type RuleSet, ruleSetSchema } from './schema.js';
import { FACT_KINDS, type FactKind } from './values.js';

const MAX_JSON_DEPTH = 64;
const MAX_JSON_NODES = 200_000;
/** The deepest condition nesting accepted (all/any/not levels). */
export const MAX_CONDITION_DEPTH = 12;
const BUILTINS: ReadonlySet<object> = new Set(BUILTIN_OPERATORS);

// Refuses absurd nesting before zod recurses into it (a stack overflow is not a SellkitError).
function checkSize(input: unknown): string | undefined {
  const stack: [unknown, number][] = [[input, 0]];
  let nodes = 0;
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (typeof value !== 'object' || value === null) continue;
    nodes += 1;
    if (depth > MAX_JSON_DEPTH) return `nested deeper than ${MAX_JSON_DEPTH} levels`;
    if (nodes > MAX_JSON_NODES) return `larger than ${MAX_JSON_NODES} objects and arrays`;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return undefined;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function fail(issues: FieldIssue[], ruleSet: { id?: unknown }, ruleIds: string[]): never {
  const first = issues[0] as FieldIssue;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  const ruleId = ruleIds[0];
  throw new SellkitError(
    'VALIDATION_FAILED',
    `${first.path || '(rule set)'}: ${first.message}${more}`,
    {
      ...(typeof ruleSet.id === 'string' ? { ruleSetId: ruleSet.id } : {}),
      ...(ruleId === undefined ? {} : { ruleId, ruleIds: [...new Set(ruleIds)] }),
      path: first.path,
      issues,
    },
  );
}

interface Walk {
  readonly registry: ScoringRegistry;
  readonly issues: FieldIssue[];
  readonly ruleIds: string[];
  readonly leaves: PlanLeaf[];
  readonly computed: Map<string, PlanLeaf>;
}

function issue(walk: Walk, ruleId: string, path: string, message: string, reason: string): void {
  walk.issues.push({ path, message, reason });
  walk.ruleIds.push(ruleId);
}

function prefixIssues(error: unknown, prefix: string): FieldIssue[] {
  if (isSellkitError(error) && error.details.issues && error.details.issues.length > 0) {
    return error.details.issues.map((item) => ({
      ...item,
      path: [prefix, item.path].filter(Boolean).join('.'),
    }));
  }
  const message = error instanceof Error ? error.message : String(error);
  return [{ path: prefix, message: message.slice(0, 200), reason: 'invalid_value' }];
}

function leafOf(
  walk: Walk,
  condition: FactCondition,
  rule: number,
  ruleId: string,
  path: string,
): PlanLeaf | undefined {
  const fact = parseFactPath(condition.fact);
  if (typeof fact === 'string') {
    issue(walk, ruleId, `${path}.fact`, fact, 'invalid_fact');
    return undefined;
  }
  if (fact.computed !== undefined && !walk.registry.hasFact(fact.computed)) {
    issue(walk, ruleId, `${path}.fact`, `unknown computed fact $${fact.computed}`, 'unknown_fact');
    return undefined;
  }
  const operator = walk.registry.getOperator(condition.operator);
  if (!operator) {
    const known = walk.registry.operatorNames().join(', ');
    issue(
      walk,
      ruleId,
      `${path}.operator`,
      `unknown operator "${condition.operator}" (known: ${known})`,
      'unknown_operator',
    );
    return undefined;
  }
  const parsed = operator.value.safeParse(condition.value);
  if (!parsed.success) {
    for (const item of fromZodError(parsed.error, {}, `${path}.value`).details.issues ?? []) {
      issue(walk, ruleId, item.path, `${operator.name}: ${item.message}`, item.reason);
    }
    return undefined;
  }
  let prepared: unknown = parsed.data;
  let accepts: ReadonlySet<FactKind> | 'any';
  try {
    if (operator.prepare) prepared = operator.prepare(parsed.data);
    const kinds =
      typeof operator.accepts === 'function' ? operator.accepts(prepared) : operator.accepts;
    accepts = FACT_KINDS.every((kind) => kinds.includes(kind)) ? 'any' : new Set(kinds);
  } catch (error) {
    for (const item of prefixIssues(error, `${path}.value`)) {
      issue(walk, ruleId, item.path, `${operator.name}: ${item.message}`, item.reason);
    }
    return undefined;
  }
  const leaf: PlanLeaf = {
    kind: 'fact',
    index: walk.leaves.length,
    rule,
    ruleId,
    path,
    fact,
    operator,
    value: condition.value,
    prepared,
    accepts,
  };
  walk.leaves.push(leaf);
  if (fact.computed !== undefined && !walk.computed.has(fact.computed))
    walk.computed.set(fact.computed, leaf);
  return leaf;
}

function nodeOf(
  walk: Walk,
  condition: Condition,
  rule: number,
  ruleId: string,
  path: string,
  depth: number,
): PlanNode | undefined {
  if (depth > MAX_CONDITION_DEPTH) {
    issue(
      walk,
      ruleId,
      path,
      `conditions nest at most ${MAX_CONDITION_DEPTH} levels deep`,
      'too_deep',
    );
    return undefined;
  }
  if ('all' in condition || 'any' in condition) {
    const kind = 'all' in condition ? 'all' : 'any';
    const list =
      'all' in condition ? condition.all : (condition as { any: readonly Condition[] }).any;
    const children = list.map((child, index) =>
      nodeOf(walk, child, rule, ruleId, `${path}.${kind}.${index}`, depth + 1),
    );
    return children.every((child) => child !== undefined) ? { kind, path, children } : undefined;
  }
  if ('not' in condition) {
    const child = nodeOf(walk, condition.not, rule, ruleId, `${path}.not`, depth + 1);
    return child && { kind: 'not', path, child };
  }
  return leafOf(walk, condition, rule, ruleId, path);
}

function checkBands(walk: Walk, ruleSet: RuleSet): PlanBand[] {
  const labels = new Set<string>();
  const mins = new Set<number>();
  let catchAll = false;
  ruleSet.bands.forEach((band, index) => {
    if (labels.has(band.label))
      issue(walk, '', `bands.${index}.label`, 'duplicate band label', 'duplicate');
    labels.add(band.label);
    if (band.min === undefined) {
      if (catchAll)
        issue(walk, '', `bands.${index}.min`, 'only one band may leave out min', 'duplicate');
      catchAll = true;
    } else {
      if (mins.has(band.min))
        issue(walk, '', `bands.${index}.min`, 'duplicate band min', 'duplicate');
      mins.add(band.min);
    }
  });
  return ruleSet.bands
    .map((band) => ({
      label: band.label,
      min: band.min ?? Number.NEGATIVE_INFINITY,
      priority: band.priority,
    }))
    .sort((a, b) => b.min - a.min);
}

function neededFacts(walk: Walk): AnyFactDefinition[] {
  try {
    return factsInOrder(walk.computed.keys(), (name) => walk.registry.getFact(name));
  } catch (error) {
    // Name the first condition that reaches the broken fact, so the author knows which rule.
    const fact = isSellkitError(error) ? String(error.details.fact ?? '') : '';
    const cycle = isSellkitError(error) ? error.details.cycle : undefined;
    for (const [name, leaf] of walk.computed) {
      try {
        factsInOrder([name], (other) => walk.registry.getFact(other));
      } catch {
        const reason = cycle ? 'fact_cycle' : 'unknown_fact';
        const message =
          error instanceof Error ? error.message : `computed fact ${fact} is unusable`;
        issue(walk, leaf.ruleId, `${leaf.path}.fact`, message, reason);
        break;
      }
    }
    return [];
  }
}

// Reads the id for error details without trusting the input (a getter may throw).
function safeId(input: unknown): unknown {
  try {
    return typeof input === 'object' && input !== null ? (input as { id?: unknown }).id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Validates a rule set's structure (zod) and meaning (operators, their values, computed facts,
 * unique ids and bands) against a registry, and returns the plan the compilers use. Every
 * problem is collected into one `VALIDATION_FAILED` with a path per issue.
 */
export function planRuleSet(input: unknown, registry: ScoringRegistry): Plan {
  const idOf = { id: safeId(input) };
  let tooBig: string | undefined;
  try {
    tooBig = checkSize(input);
  } catch {
    tooBig = 'not plain JSON data';
  }
  if (tooBig)
    fail([{ path: '', message: `the rule set is ${tooBig}`, reason: 'too_big' }], idOf, []);
  let copy: unknown;
  try {
    // A private copy: freezing it must not freeze the caller's objects, and it drops nothing
    // silently (functions and symbols make structuredClone throw).
    copy = structuredClone(input);
  } catch {
    fail(
      [{ path: '', message: 'a rule set must be plain JSON data', reason: 'invalid_type' }],
      idOf,
      [],
    );
  }
  const parsed = ruleSetSchema.safeParse(copy);
  if (!parsed.success) {
    const error = fromZodError(parsed.error);
    const issues = error.details.issues ?? [];
    const ruleIds = issues.flatMap((item) => {
      const match = /^rules\.(\d+)/.exec(item.path);
      const rules = (copy as { rules?: unknown } | null)?.rules;
      const id =
        match && Array.isArray(rules)
          ? (rules[Number(match[1])] as { id?: unknown } | undefined)?.id
          : undefined;
      return typeof id === 'string' ? [id] : [];
    });
    fail(issues, idOf, ruleIds);
  }
  const ruleSet = deepFreeze(parsed.data);
  const walk: Walk = { registry, issues: [], ruleIds: [], leaves: [], computed: new Map() };
  const seen = new Set<string>();
  const rules: PlanRule[] = [];
  ruleSet.rules.forEach((rule, index) => {
    if (seen.has(rule.id))
      issue(walk, rule.id, `rules.${index}.id`, 'duplicate rule id', 'duplicate');
    seen.add(rule.id);
    const condition = nodeOf(walk, rule.condition, index, rule.id, `rules.${index}.condition`, 1);
    if (condition) {
      rules.push({
        index,
        id: rule.id,
        description: rule.description ?? '',
        points: rule.outcome.points ?? 0,
        tag: rule.outcome.tag,
        condition,
      });
    }
  });
  const bands = checkBands(walk, ruleSet);
  const facts = walk.issues.length === 0 ? neededFacts(walk) : [];
  if (walk.issues.length > 0) fail(walk.issues, ruleSet, walk.ruleIds.filter(Boolean));
  return {
    ruleSet,
    rules,
    leaves: walk.leaves,
    bands,
    facts,
    usesNow:
      facts.length > 0 ||
      walk.leaves.some(
        (leaf) => !BUILTINS.has(leaf.operator) || TIME_RELATIVE_OPERATORS.has(leaf.operator.name),
      ),
    isAsync: facts.some((fact) => fact.async),
  };
}
