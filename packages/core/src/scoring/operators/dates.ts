import { z } from 'zod';
import type { TenantCalendar } from '../../calendar/tenant-calendar.js';
import { isUtcCalendar, timeIn } from '../evaluation-time.js';
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

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A `before`/`after` limit: its instant in UTC, and the calendar date when it is one. */
interface DateLimit {
  readonly time: number;
  readonly date: string | undefined;
}

function prepareLimit(value: string): DateLimit {
  return { time: toTime(value), date: DATE_ONLY.test(value) ? value : undefined };
}

/** The limit's instant: a calendar date starts at local midnight in the tenant's zone. */
function limitTime(limit: DateLimit, context: OperatorContext): number {
  const calendar = context.calendar();
  return limit.date === undefined || isUtcCalendar(calendar)
    ? limit.time
    : calendar.instantOf(limit.date).getTime();
}

function factTime(fact: unknown, context: OperatorContext): number {
  const time = timeIn(context.calendar(), fact, toTime);
  return Number.isNaN(time)
    ? context.invalid('is not a date (a Date, YYYY-MM-DD or an ISO date-time with an offset)')
    : time;
}

/** The instant `period` before `now`, in local calendar days and months of the calendar. */
function periodStart(now: number, period: RelativePeriod, calendar: TenantCalendar): number {
  if (isUtcCalendar(calendar)) return subtractPeriod(now, period);
  const n = period.n;
  const offset =
    period.unit === 'day'
      ? { days: -n }
      : period.unit === 'week'
        ? { days: -7 * n }
        : { months: period.unit === 'year' ? -12 * n : -n };
  return calendar.shift(new Date(now), offset).getTime();
}

/**
 * Writes the `Date` fast path; other facts (ISO strings, wrong kinds) take the general path,
 * and so does every fact when `zoned` and the evaluation's calendar is not UTC.
 */
function inlineDate(input: InlineInput, test: (time: string) => string, zoned: boolean): string {
  const f = input.fact;
  const time = input.temp();
  const guard = zoned ? `${input.utc} && ` : '';
  return `(${guard}${f} instanceof Date && (${time} = ${f}.getTime()) === ${time} ? ${test(time)} : ${f} == null ? false : ${input.general})`;
}

function fixedLength(value: RelativePeriod): number | undefined {
  if (value.unit === 'day') return value.n * DAY;
  if (value.unit === 'week') return value.n * 7 * DAY;
  return undefined;
}

function dateOrder(name: 'before' | 'after', symbol: '<' | '>'): AnyOperatorDefinition {
  const holds = symbol === '<' ? (a: number, b: number) => a < b : (a: number, b: number) => a > b;
  return withInline(
    defineOperator<string, DateLimit, 'date' | 'string'>({
      name,
      accepts: ['date', 'string'],
      value: instant,
      prepare: prepareLimit,
      test: (fact, limit, context) => holds(factTime(fact, context), limitTime(limit, context)),
    }),
    (input, prepared) => {
      const limit = prepared as DateLimit;
      return inlineDate(
        input,
        (time) => `${time} ${symbol} ${input.constant(limit.time)}`,
        limit.date !== undefined,
      );
    },
  );
}

/** `before`: the fact (a date) is strictly before the given date or date-time. */
export const before: AnyOperatorDefinition = dateOrder('before', '<');

/** `after`: the fact (a date) is strictly after the given date or date-time. */
export const after: AnyOperatorDefinition = dateOrder('after', '>');

/**
 * `withinLast { n, unit }`: the fact lies between `now` minus the period and `now`. Days,
 * weeks, months and years are local calendar steps in the evaluation's tenant calendar (UTC
 * when none), and a `YYYY-MM-DD` fact is the start of that local day.
 */
export const withinLast: AnyOperatorDefinition = withInline(
  defineOperator<RelativePeriod, RelativePeriod, 'date' | 'string'>({
    name: 'withinLast',
    accepts: ['date', 'string'],
    value: period,
    test: (fact, value, context) => {
      const time = factTime(fact, context);
      const now = context.now();
      return time >= periodStart(now, value, context.calendar()) && time <= now;
    },
  }),
  (input, prepared) => {
    const length = fixedLength(prepared as RelativePeriod);
    if (length === undefined) return undefined;
    const n = input.now;
    return inlineDate(
      input,
      (time) => `${time} >= ${n} - ${input.constant(length)} && ${time} <= ${n}`,
      true,
    );
  },
);

/** `olderThan { n, unit }`: the fact is before `now` minus the period. */
export const olderThan: AnyOperatorDefinition = withInline(
  defineOperator<RelativePeriod, RelativePeriod, 'date' | 'string'>({
    name: 'olderThan',
    accepts: ['date', 'string'],
    value: period,
    test: (fact, value, context) =>
      factTime(fact, context) < periodStart(context.now(), value, context.calendar()),
  }),
  (input, prepared) => {
    const length = fixedLength(prepared as RelativePeriod);
    if (length === undefined) return undefined;
    return inlineDate(input, (time) => `${time} < ${input.now} - ${input.constant(length)}`, true);
  },
);
