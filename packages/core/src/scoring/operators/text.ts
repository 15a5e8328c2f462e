import { z } from 'zod';
import { validationError } from '../../errors/sellkit-error.js';
import { type AnyOperatorDefinition, defineOperator } from './define-operator.js';
import { typed, withInline } from './inline.js';
import { MAX_MATCH_INPUT, MAX_PATTERN_LENGTH, unsafePatternReason } from './safe-regex.js';

/** `startsWith`: a text fact begins with the value (case-sensitive). */
export const startsWith: AnyOperatorDefinition = withInline(
  defineOperator<string, string, 'string'>({
    name: 'startsWith',
    accepts: ['string'],
    value: z.string().min(1).max(1000),
    test: (fact, prefix) => fact.startsWith(prefix),
  }),
  (input, prepared) =>
    typed(input, 'string', `${input.fact}.startsWith(${input.constant(prepared)})`),
);

const pattern = z.string().min(1).max(MAX_PATTERN_LENGTH);
const matchesValue = z.union([
  pattern,
  z.strictObject({ pattern, flags: z.string().max(4).optional() }),
]);

/**
 * `matches`: a text fact matches a regular expression. Patterns are checked when the rule set
 * is validated (see `unsafePatternReason`), and only the first 1,000 characters are tested.
 */
export const matches: AnyOperatorDefinition = withInline(
  defineOperator<z.infer<typeof matchesValue>, RegExp, 'string'>({
    name: 'matches',
    accepts: ['string'],
    value: matchesValue,
    prepare: (value) => {
      const source = typeof value === 'string' ? value : value.pattern;
      const flags = typeof value === 'string' ? '' : (value.flags ?? '');
      const reason = unsafePatternReason(source, flags);
      if (reason) throw validationError('', `pattern refused: ${reason}`, 'unsafe_pattern');
      return new RegExp(source, flags);
    },
    test: (fact, regex) =>
      regex.test(fact.length > MAX_MATCH_INPUT ? fact.slice(0, MAX_MATCH_INPUT) : fact),
  }),
  (input, prepared) => {
    const f = input.fact;
    const limited = `(${f}.length > ${MAX_MATCH_INPUT} ? ${f}.slice(0, ${MAX_MATCH_INPUT}) : ${f})`;
    return typed(input, 'string', `${input.constant(prepared)}.test(${limited})`);
  },
);
