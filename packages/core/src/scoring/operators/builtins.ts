import { between, eq, gt, gte, lt, lte, ne } from './comparison.js';
import { after, before, olderThan, withinLast } from './dates.js';
import type { AnyOperatorDefinition } from './define-operator.js';
import { contains, isIn, notIn } from './membership.js';
import { exists, isEmpty } from './presence.js';
import { matches, startsWith } from './text.js';

/** The operators every registry starts with. Their names cannot be taken by plugins. */
export const BUILTIN_OPERATORS: readonly AnyOperatorDefinition[] = Object.freeze([
  eq,
  ne,
  lt,
  lte,
  gt,
  gte,
  between,
  isIn,
  notIn,
  contains,
  startsWith,
  matches,
  exists,
  isEmpty,
  before,
  after,
  withinLast,
  olderThan,
]);

/** Operators whose result depends on the evaluation's `now`. */
export const TIME_RELATIVE_OPERATORS: ReadonlySet<string> = new Set(['withinLast', 'olderThan']);
