import { z } from 'zod';
import { isPlainObject } from '../../kit/is-plain-object.js';
import { FACT_KINDS } from '../values.js';
import { type AnyOperatorDefinition, defineOperator } from './define-operator.js';
import { withInline } from './inline.js';

const flag = z.boolean().optional();

/** `exists` (value true, the default): the fact is neither undefined nor null. `false` inverts. */
export const exists: AnyOperatorDefinition = withInline(
  defineOperator<boolean | undefined, boolean>({
    name: 'exists',
    accepts: FACT_KINDS,
    value: flag,
    prepare: (value) => value ?? true,
    test: (_fact, expected) => expected,
    onMissing: (expected) => !expected,
  }),
  (input, prepared) => `(${input.fact} != null) === ${prepared === true ? 'true' : 'false'}`,
);

function empty(fact: unknown): boolean {
  if (typeof fact === 'string' || Array.isArray(fact)) return fact.length === 0;
  if (typeof fact === 'object' && fact !== null && isPlainObject(fact)) {
    return Object.keys(fact).length === 0;
  }
  return false;
}

/**
 * `isEmpty` (value true, the default): the fact is missing, `''`, `[]` or `{}`; numbers, dates
 * and money are never empty. `false` inverts.
 */
export const isEmpty: AnyOperatorDefinition = defineOperator<boolean | undefined, boolean>({
  name: 'isEmpty',
  accepts: FACT_KINDS,
  value: flag,
  prepare: (value) => value ?? true,
  test: (fact, expected) => empty(fact) === expected,
  onMissing: (expected) => expected,
});
