import { z } from 'zod';
import { type RelativePeriod, subtractPeriod, toTime } from '../values.js';
import {
  type AnyOperatorDefinition,
  defineOperator,
  type OperatorContext,
} from './define-operator.js';
import { type InlineInput, withInline } from './inline.js';

const DAY = 86_400_000;

const instant = z
  .string()
  .max(40)
  .refine((value) => !Number.isNaN(toTime(value)), {
    message: 'must be a date (YYYY-MM-DD) or an ISO date-time with an offset',
  });

const period = z.strictObject({
  n: z.number().int().min(0).max(100_000),
  unit: z.enum(['day', 'week', 'month', 'year']),
});

function factTime(fact: unknown, context: OperatorContext): number {
  const time = toTime(fact);
  return Number.isNaN(time)
    ? context.invalid('is not a date (a Date, YYYY-MM-DD or an ISO date-time with an offset)')
    : time;
}

/** Writes the `Date` fast path; other facts (ISO strings, wrong kinds) take the general path. */
function inlineDate(input: InlineInput, test: (time: string) => string): string {
  const f = input.fact;
  const time = input.temp();
  return `(${f} instanceof Date && (${time} = ${f}.getTime()) === ${time} ? ${test(time)} : ${f} == null ? false : ${input.general})`;
}

function fixedLength(value: RelativePeriod): number | undefined {
  if (value.unit === 'day') return value.n * DAY;
  if (value.unit === 'week') return value.n * 7 * DAY;
  return undefined;
}

/** `before`: the fact (a date) is strictly before the given date or date-time. */
export const before: AnyOperatorDefinition = withInline(
  defineOperator<string, number, 'date' | 'string'>({
    name: 'before',
    accepts: ['date', 'string'],
    value: instant,
    prepare: toTime,
    test: (fact, limit, context) => factTime(fact, context) < limit,
  }),
  (input, limit) => inlineDate(input, (time) => `${time} < ${input.constant(limit)}`),
);

/** `after`: the fact (a date) is strictly after the given date or date-time. */
export const after: AnyOperatorDefinition = withInline(
  defineOperator<string, number, 'date' | 'string'>({
    name: 'after',
    accepts: ['date', 'string'],
    value: instant,
    prepare: toTime,
    test: (fact, limit, context) => factTime(fact, context) > limit,
  }),
  (input, limit) => inlineDate(input, (time) => `${time} > ${input.constant(limit)}`),
);

/** `withinLast { n, unit }`: the fact lies between `now` minus the period and `now`. */
export const withinLast: AnyOperatorDefinition = withInline(
  defineOperator<RelativePeriod, RelativePeriod, 'date' | 'string'>({
    name: 'withinLast',
    accepts: ['date', 'string'],
    value: period,
    test: (fact, value, context) => {
      const time = factTime(fact, context);
      const now = context.now();
      return time >= subtractPeriod(now, value) && time <= now;
    },
  }),
  (input, prepared) => {
    const length = fixedLength(prepared as RelativePeriod);
    if (length === undefined) return undefined;
    const n = input.now;
    return inlineDate(
      input,
      (time) => `${time} >= ${n} - ${input.constant(length)} && ${time} <= ${n}`,
    );
  },
);

/** `olderThan { n, unit }`: the fact is before `now` minus the period. */
export const olderThan: AnyOperatorDefinition = withInline(
  defineOperator<RelativePeriod, RelativePeriod, 'date' | 'string'>({
    name: 'olderThan',
    accepts: ['date', 'string'],
    value: period,
    test: (fact, value, context) => factTime(fact, context) < subtractPeriod(context.now(), value),
  }),
  (input, prepared) => {
    const length = fixedLength(prepared as RelativePeriod);
    if (length === undefined) return undefined;
    return inlineDate(input, (time) => `${time} < ${input.now} - ${input.constant(length)}`);
  },
);
