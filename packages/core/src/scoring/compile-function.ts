import type { TenantCalendar } from '../calendar/tenant-calendar.js';
import { SellkitError } from '../errors/sellkit-error.js';
import { isUtcCalendar } from './evaluation-time.js';
import { readOwn } from './fact-path.js';
import { inlineEmitterOf, listHas } from './operators/inline.js';
import type { Plan, PlanLeaf, PlanNode } from './plan.js';
import { resultBuilder, type ScoreResult } from './result.js';
import {
  computedFact,
  evaluationFactory,
  type Facts,
  generalTest,
  type LeafTest,
} from './runtime.js';

/**
 * The compiled body of a rule set: facts, `now` (ms), the computed-fact memo and the tenant
 * calendar (undefined: UTC) in.
 */
export type RunFunction = (
  facts: Facts,
  now: number,
  values: unknown[] | undefined,
  calendar: TenantCalendar | undefined,
) => ScoreResult;

// The only string literals generated code may hold; everything else is identifiers we made,
// numbers we counted, and JavaScript punctuation. Checked before the source is compiled.
const ALLOWED_LITERALS = /"(use strict|number|string|boolean)"/g;
const SAFE_SOURCE = /^[A-Za-z0-9_$\s(){}[\].,;:=!<>&|?+\-*]*$/;

/** Throws unless `source` holds nothing but what the generator itself writes. */
export function assertSafeSource(source: string): void {
  if (!SAFE_SOURCE.test(source.replace(ALLOWED_LITERALS, ''))) {
    throw new SellkitError(
      'CONFIGURATION_INVALID',
      'generated scoring code failed its safety check',
    );
  }
}

interface Generator {
  readonly plan: Plan;
  readonly constants: unknown[];
  readonly constantIds: Map<unknown, string>;
  readonly generals: LeafTest[];
  readonly reads: string[];
  readonly inputLocals: Map<string, string>;
  /** Locals already read from, with their `_plain` flag declared. */
  readonly parents: Set<string>;
  readonly computedRoots: Map<number, string>;
  temps: number;
  /** True once an inline expression reads `utc`. */
  readsUtc: boolean;
}

function isPlainObject(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype
  );
}

const EVALUATION = '(e || (e = mk(facts, now, values, calendar)))';

function constant(generator: Generator, value: unknown): string {
  const known = generator.constantIds.get(value);
  if (known !== undefined) return known;
  const id = `k${generator.constants.length}`;
  generator.constants.push(value);
  // Objects are keyed by identity, primitives by value: both are safe to share.
  generator.constantIds.set(value, id);
  return id;
}

function temp(generator: Generator): string {
  const id = `t${generator.temps}`;
  generator.temps += 1;
  return id;
}

// Keys that a plain object could inherit: those are always read through `own`.
const INHERITED: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

function inputLocal(generator: Generator, segments: readonly string[]): string {
  let parent = 'facts';
  let key = '';
  for (const segment of segments) {
    key += `\u0000${segment}`;
    let local = generator.inputLocals.get(key);
    if (local === undefined) {
      local = `f${generator.inputLocals.size}`;
      generator.inputLocals.set(key, local);
      if (!generator.parents.has(parent)) {
        generator.parents.add(parent);
        generator.reads.push(`const ${parent}_plain = plain(${parent});`);
      }
      const name = constant(generator, segment);
      // A plain object (prototype Object.prototype) holds a non-inherited key only as an own
      // property, so one prototype check per parent replaces a hasOwn call per read.
      const read = INHERITED.has(segment)
        ? `own(${parent}, ${name})`
        : `(${parent}_plain ? ${parent}[${name}] : own(${parent}, ${name}))`;
      generator.reads.push(`const ${local} = ${read};`);
    }
    parent = local;
  }
  return parent;
}

function leafCode(generator: Generator, leaf: PlanLeaf): string {
  generator.generals[leaf.index] = generalTest(generator.plan.ruleSet.id, leaf);
  let fact: string;
  let prefix = '';
  if (leaf.fact.blocked) {
    fact = 'nil';
  } else if (leaf.fact.computed === undefined) {
    fact = inputLocal(generator, leaf.fact.segments);
  } else {
    const slot = generator.plan.facts.findIndex(
      (definition) => definition.name === leaf.fact.computed,
    );
    let root = generator.computedRoots.get(slot);
    if (root === undefined) {
      root = `c${slot}`;
      generator.computedRoots.set(slot, root);
    }
    let chain = `(${root} !== U ? ${root} : (${root} = fact(${EVALUATION}, ${slot})))`;
    for (const segment of leaf.fact.segments)
      chain = `own(${chain}, ${constant(generator, segment)})`;
    fact = temp(generator);
    prefix = `${fact} = ${chain}, `;
  }
  const general = `g${leaf.index}(${fact}, ${EVALUATION})`;
  const emitter = inlineEmitterOf(leaf.operator);
  const inline = emitter?.(
    {
      fact,
      constant: (value) => constant(generator, value),
      general,
      now: 'now',
      get utc() {
        generator.readsUtc = true;
        return 'utc';
      },
      temp: () => temp(generator),
      helpers: { isArray: 'isArray', listHas: 'listHas' },
    },
    leaf.prepared,
  );
  return prefix ? `(${prefix}${inline ?? general})` : (inline ?? general);
}

function nodeCode(generator: Generator, node: PlanNode): string {
  switch (node.kind) {
    case 'fact':
      return `(${leafCode(generator, node)})`;
    case 'not':
      return `!${nodeCode(generator, node.child)}`;
    default: {
      const joiner = node.kind === 'all' ? ' && ' : ' || ';
      return `(${node.children.map((child) => nodeCode(generator, child)).join(joiner)})`;
    }
  }
}

/**
 * Compiles a plan into one straight-line function with `new Function`: facts are read into
 * locals once, every rule-set value is a constant referred to by index, and built-in operators
 * are inlined. Throws `UNSUPPORTED` where the host forbids code generation.
 */
export function compileToFunction(plan: Plan): RunFunction {
  const generator: Generator = {
    plan,
    constants: [],
    constantIds: new Map(),
    generals: [],
    reads: [],
    inputLocals: new Map(),
    parents: new Set(),
    computedRoots: new Map(),
    temps: 0,
    readsUtc: false,
  };
  const body: string[] = [];
  for (const rule of plan.rules) {
    const effects: string[] = [];
    if (rule.points !== 0) effects.push(`total += ${constant(generator, rule.points)};`);
    effects.push(`fired.push(${constant(generator, rule.id)});`);
    if (rule.tag !== undefined) {
      effects.push(`(tags === null ? (tags = []) : tags).push(${constant(generator, rule.tag)});`);
    }
    body.push(`if (${nodeCode(generator, rule.condition)}) { ${effects.join(' ')} }`);
  }
  const locals = ['e = null', 'tags = null', 'total = 0'];
  for (let index = 0; index < generator.temps; index += 1) locals.push(`t${index}`);
  for (const root of generator.computedRoots.values()) locals.push(`${root} = U`);
  const source = [
    '"use strict";',
    'const own = H.own, mk = H.mk, result = H.result, U = H.unset, nil = undefined;',
    'const isArray = H.isArray, listHas = H.listHas, fact = H.fact, plain = H.plain;',
    'const isUtc = H.isUtc;',
    ...generator.constants.map((_, index) => `const k${index} = K[${index}];`),
    ...plan.leaves.map((leaf) => `const g${leaf.index} = G[${leaf.index}];`),
    'return function run(facts, now, values, calendar) {',
    `let ${locals.join(', ')};`,
    ...(generator.readsUtc ? ['const utc = isUtc(calendar);'] : []),
    'const fired = [];',
    ...generator.reads,
    ...body,
    'return result(total, fired, tags);',
    '};',
  ].join('\n');
  assertSafeSource(source);
  let factory: (...args: unknown[]) => unknown;
  try {
    factory = new Function('K', 'G', 'H', source) as (...args: unknown[]) => unknown;
  } catch (error) {
    throw new SellkitError(
      'UNSUPPORTED',
      'this runtime forbids new Function: compile with { mode: "closures" }',
      {},
      { cause: error },
    );
  }
  const helpers = {
    own: readOwn,
    mk: evaluationFactory(plan),
    result: resultBuilder(plan),
    unset: {},
    isArray: Array.isArray,
    listHas,
    fact: computedFact,
    plain: isPlainObject,
    isUtc: isUtcCalendar,
  };
  return factory(generator.constants, generator.generals, helpers) as RunFunction;
}
