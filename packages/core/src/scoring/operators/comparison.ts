import { z } from 'zod';
import { validationError } from '../../errors/sellkit-error.js';
import { Money } from '../../money/money.js';
import { UTC_CALENDAR } from '../evaluation-time.js';
import { type FactKind, toMoney } from '../values.js';
import {
  type AnyOperatorDefinition,
  defineOperator,
  type OperatorContext,
} from './define-operator.js';
import { type FastTest, type InlineInput, typed, withFastTest, withInline } from './inline.js';

/** A rule-side value ready for comparison: its type decides the fact kind accepted. */
export type Comparable =
  | { readonly type: 'number'; readonly value: number }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'boolean'; readonly value: boolean }
  | { readonly type: 'money'; readonly value: Money };

/** Money as rule sets write it: `{ "amount": "1000.00", "currency": "EUR" }`. */
export const moneyValueSchema = z.strictObject({
  amount: z.string().min(1).max(64),
  currency: z.string().length(3),
});

const ordered = z.union([z.number(), z.string().max(1000), moneyValueSchema]);
const equatable = z.union([z.number(), z.string().max(1000), z.boolean(), moneyValueSchema]);
type Ordered = z.infer<typeof ordered>;
type Equatable = z.infer<typeof equatable>;

/** Turns a validated rule-side value into a {@link Comparable}. */
export function toComparable(value: Equatable): Comparable {
  switch (typeof value) {
    case 'number':
      return { type: 'number', value };
    case 'string':
      return { type: 'string', value };
    case 'boolean':
      return { type: 'boolean', value };
    default:
      return { type: 'money', value: Money.of(value.amount, value.currency) };
  }
}

/** The fact kinds a comparable value can be compared with. */
export function acceptsFor(value: Comparable): readonly FactKind[] {
  return value.type === 'money' ? ['money', 'object'] : [value.type];
}

/** -1, 0 or 1; NaN when the two cannot be ordered (NaN facts, different currencies). */
export function compareFact(fact: unknown, value: Comparable, context: OperatorContext): number {
  if (value.type === 'money') {
    const money = toMoney(fact);
    if (!money) return context.invalid('is not money ({ amount, currency })');
    return money.currency === value.value.currency ? money.compare(value.value) : Number.NaN;
  }
  const a = fact as number | string | boolean;
  const b = value.value;
  return a < b ? -1 : a > b ? 1 : a === b ? 0 : Number.NaN;
}

/** Explains a false money comparison caused by a currency difference. */
export function currencyWhy(fact: unknown, value: Comparable): string | undefined {
  if (value.type !== 'money') return undefined;
  const money = toMoney(fact);
  return money && money.currency !== value.value.currency
    ? `currency ${money.currency} differs from ${value.value.currency}: money in another currency never matches`
    : undefined;
}

function inlineCompare(symbol: string) {
  return (input: InlineInput, prepared: unknown): string | undefined => {
    const value = prepared as Comparable;
    if (value.type === 'money') return undefined;
    return typed(input, value.type, `${input.fact} ${symbol} ${input.constant(value.value)}`);
  };
}

function fastCompare(symbol: string) {
  return (prepared: unknown): FastTest | undefined => {
    const value = prepared as Comparable;
    if (value.type === 'money') return undefined;
    const { type } = value;
    // Every branch compares two values of the same primitive type, checked just before.
    const k = value.value as number;
    switch (symbol) {
      case '===':
        return (fact) => (typeof fact === type ? fact === k : undefined);
      case '!==':
        return (fact) => (typeof fact === type ? fact !== k : undefined);
      case '<':
        return (fact) => (typeof fact === type ? (fact as number) < k : undefined);
      case '<=':
        return (fact) => (typeof fact === type ? (fact as number) <= k : undefined);
      case '>':
        return (fact) => (typeof fact === type ? (fact as number) > k : undefined);
      default:
        return (fact) => (typeof fact === type ? (fact as number) >= k : undefined);
    }
  };
}

function accelerated<T extends AnyOperatorDefinition>(definition: T, symbol: string): T {
  return withFastTest(withInline(definition, inlineCompare(symbol)), fastCompare(symbol));
}

function ordering(name: string, symbol: string, holds: (order: number) => boolean) {
  return accelerated(
    defineOperator<Ordered, Comparable>({
      name,
      description: `fact ${symbol} value (numbers, strings by code point, or money in one currency)`,
      accepts: acceptsFor,
      value: ordered,
      prepare: toComparable,
      test: (fact, value, context) => holds(compareFact(fact, value, context)),
      why: currencyWhy,
    }),
    symbol,
  );
}

/** `eq`: the fact equals the value (same type; money exactly, in the same currency). */
export const eq: AnyOperatorDefinition = accelerated(
  defineOperator<Equatable, Comparable>({
    name: 'eq',
    accepts: acceptsFor,
    value: equatable,
    prepare: toComparable,
    test: (fact, value, context) =>
      value.type === 'money' ? compareFact(fact, value, context) === 0 : fact === value.value,
    why: currencyWhy,
  }),
  '===',
);

/** `ne`: the fact differs from the value (money in another currency is false, not "different"). */
export const ne: AnyOperatorDefinition = accelerated(
  defineOperator<Equatable, Comparable>({
    name: 'ne',
    accepts: acceptsFor,
    value: equatable,
    prepare: toComparable,
    test: (fact, value, context) => {
      if (value.type !== 'money') return fact !== value.value;
      const order = compareFact(fact, value, context);
      return !Number.isNaN(order) && order !== 0;
    },
    why: currencyWhy,
  }),
  '!==',
);

export const lt: AnyOperatorDefinition = ordering('lt', '<', (order) => order < 0);
export const lte: AnyOperatorDefinition = ordering('lte', '<=', (order) => order <= 0);
export const gt: AnyOperatorDefinition = ordering('gt', '>', (order) => order > 0);
export const gte: AnyOperatorDefinition = ordering('gte', '>=', (order) => order >= 0);

interface Range {
  readonly low: Comparable;
  readonly high: Comparable;
}

/** `between`: low <= fact <= high, both ends included. */
export const between: AnyOperatorDefinition = withInline(
  defineOperator<[Ordered, Ordered], Range>({
    name: 'between',
    accepts: (range) => acceptsFor(range.low),
    value: z.tuple([ordered, ordered]),
    prepare: ([lowValue, highValue]) => {
      const low = toComparable(lowValue);
      const high = toComparable(highValue);
      if (low.type !== high.type) {
        throw validationError('1', 'both ends must have the same type', 'invalid_type');
      }
      if (
        low.type === 'money' &&
        high.type === 'money' &&
        low.value.currency !== high.value.currency
      ) {
        throw validationError('1.currency', 'both ends must use one currency', 'currency_mismatch');
      }
      if (compareFact(low.value, high, compileTimeContext) > 0) {
        throw validationError('', 'the low end must not be above the high end', 'invalid_range');
      }
      return { low, high };
    },
    test: (fact, range, context) =>
      compareFact(fact, range.low, context) >= 0 && compareFact(fact, range.high, context) <= 0,
    why: (fact, range) => currencyWhy(fact, range.low),
  }),
  (input, prepared) => {
    const { low, high } = prepared as Range;
    if (low.type === 'money' || low.type === 'boolean') return undefined;
    const f = input.fact;
    const test = `${f} >= ${input.constant(low.value)} && ${f} <= ${input.constant(high.value)}`;
    return typed(input, low.type, test);
  },
);

// Both ends are validated values, so comparing them never needs `now` or refuses a fact.
const compileTimeContext: OperatorContext = {
  now: () => 0,
  calendar: () => UTC_CALENDAR,
  invalid: (message) => {
    throw validationError('', message, 'invalid_type');
  },
};
