import { NAME_PATTERN } from './operators/define-operator.js';

/** Where a condition reads its fact. */
export interface FactReference {
  /** As written in the rule set: `company.industry` or `$engagement.score`. */
  readonly source: string;
  /** The computed fact's name for `$name...`; undefined for a path into the facts. */
  readonly computed: string | undefined;
  /** The path segments read from the facts (or from the computed fact's value). */
  readonly segments: readonly string[];
  /** A segment names a prototype member: the reference always reads undefined. */
  readonly blocked: boolean;
}

const SEGMENT = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_SEGMENTS = 12;
// Never walked into, even when a parsed JSON object has them as own keys.
const BLOCKED: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Parses a fact reference, or returns why it is refused. */
export function parseFactPath(source: string): FactReference | string {
  const computed = source.startsWith('$');
  const parts = (computed ? source.slice(1) : source).split('.');
  if (parts.length > MAX_SEGMENTS) return `a fact path has at most ${MAX_SEGMENTS} segments`;
  if (!parts.every((part) => SEGMENT.test(part))) {
    return 'a fact path is dot-separated names of letters, digits, _ and - (a computed fact starts with $)';
  }
  const [head = '', ...rest] = parts;
  if (computed && !NAME_PATTERN.test(head)) return `"$${head.slice(0, 60)}" is not a fact name`;
  const segments = computed ? rest : parts;
  return {
    source,
    computed: computed ? head : undefined,
    segments,
    blocked: segments.some((segment) => BLOCKED.has(segment)),
  };
}

/** An own property of an object or array; undefined for anything inherited or any non-object. */
export function readOwn(target: unknown, key: string): unknown {
  return typeof target === 'object' && target !== null && Object.hasOwn(target, key)
    ? (target as Record<string, unknown>)[key]
    : undefined;
}

/** Follows `segments` through own properties only. */
export function readPath(root: unknown, reference: FactReference): unknown {
  if (reference.blocked) return undefined;
  let value = root;
  for (const segment of reference.segments) {
    value = readOwn(value, segment);
    if (value === undefined) return undefined;
  }
  return value;
}
