import { z } from 'zod';
import { type AnyOperatorDefinition, defineOperator } from './define-operator.js';
import { type FastTest, type InlineInput, listHas, withFastTest, withInline } from './inline.js';

const scalar = z.union([z.number(), z.string().max(1000), z.boolean()]);
type Scalar = z.infer<typeof scalar>;
const list = z.array(scalar).min(1).max(1000);

// Short lists are written as a chain of `===`, which V8 runs faster than a Set lookup.
const CHAIN_LIMIT = 6;

function inlineMembership(input: InlineInput, prepared: unknown, negate: boolean): string {
  const values = prepared as ReadonlySet<Scalar>;
  const f = input.fact;
  const match =
    values.size <= CHAIN_LIMIT
      ? [...values].map((value) => `${f} === ${input.constant(value)}`).join(' || ')
      : `${input.constant(values)}.has(${f})`;
  const scalarFact = `typeof ${f} === "string" || typeof ${f} === "number" || typeof ${f} === "boolean"`;
  return `(${match} ? ${negate ? 'false' : 'true'} : ${scalarFact} ? ${negate ? 'true' : 'false'} : ${f} == null ? false : ${input.general})`;
}

function fastMembership(negate: boolean) {
  return (prepared: unknown): FastTest => {
    const values = prepared as ReadonlySet<Scalar>;
    return (fact) =>
      typeof fact === 'string' || typeof fact === 'number' || typeof fact === 'boolean'
        ? values.has(fact) !== negate
        : undefined;
  };
}

function membership(name: 'in' | 'notIn', negate: boolean): AnyOperatorDefinition {
  return withFastTest(
    withInline(
      defineOperator<Scalar[], ReadonlySet<Scalar>, 'string' | 'number' | 'boolean'>({
        name,
        accepts: ['string', 'number', 'boolean'],
        value: list,
        prepare: (values) => new Set(values),
        test: (fact, values) => values.has(fact) !== negate,
      }),
      (input, prepared) => inlineMembership(input, prepared, negate),
    ),
    fastMembership(negate),
  );
}

/** `in`: the fact (a string, number or boolean) is one of the listed values. */
export const isIn: AnyOperatorDefinition = membership('in', false);

/** `notIn`: the fact is present and none of the listed values. */
export const notIn: AnyOperatorDefinition = membership('notIn', true);

/** `contains`: a text fact holds the value as a substring, or a list fact holds it as an item. */
export const contains: AnyOperatorDefinition = withFastTest(
  withInline(
    defineOperator<Scalar, Scalar, 'string' | 'array'>({
      name: 'contains',
      accepts: (value) => (typeof value === 'string' ? ['string', 'array'] : ['array']),
      value: scalar,
      test: (fact, value) =>
        typeof fact === 'string'
          ? fact.includes(value as string)
          : Array.prototype.includes.call(fact, value),
    }),
    (input, prepared) => {
      const f = input.fact;
      const value = input.constant(prepared);
      const list = `${input.helpers.isArray}(${f}) ? ${input.helpers.listHas}(${f}, ${value})`;
      const text =
        typeof prepared === 'string' ? `typeof ${f} === "string" ? ${f}.includes(${value}) : ` : '';
      return `(${text}${list} : ${f} == null ? false : ${input.general})`;
    },
  ),
  (prepared): FastTest =>
    (fact) =>
      Array.isArray(fact)
        ? listHas(fact, prepared)
        : typeof fact === 'string' && typeof prepared === 'string'
          ? fact.includes(prepared)
          : undefined,
);
