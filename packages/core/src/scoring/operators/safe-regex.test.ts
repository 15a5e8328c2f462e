import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unsafePatternReason } from './safe-regex.js';

describe('the safe-regex check', () => {
  it.each([
    '^acme',
    'gmbh$',
    '^[A-Z]{2}\\d+$',
    '(inc|ltd|gmbh)\\.?$',
    '^\\w+@example\\.com$',
    '(?<year>\\d{4})-\\d{2}',
    '[(+*)]',
    'a{2,5}b',
  ])('accepts %s', (pattern) => {
    expect(unsafePatternReason(pattern)).toBeUndefined();
  });

  it.each([
    ['(a+)+$', 'nested quantifiers'],
    ['(a*)*b', 'nested quantifiers'],
    ['((ab)+c)+', 'nested quantifiers'],
    ['(a|aa)+$', 'alternatives'],
    ['(x+x+)+y', 'more than one unbounded'],
    ['(a)\\1', 'backreferences'],
    ['(?<a>x)\\k<a>', 'backreferences'],
    ['.*.*x', 'more than one unbounded'],
    ['\\d+\\d+x', 'more than one unbounded'],
    ['a{1,100}b{1,100}', 'more than one unbounded'],
    ['a?a?a?a?a?.*x', 'more than 4 quantifiers'],
    ['(', 'not a valid'],
    ['x'.repeat(201), 'longer than'],
  ])('refuses %s (%s)', (pattern, reason) => {
    expect(unsafePatternReason(pattern)).toContain(reason);
  });

  it('accepts only the flags i, m, s and u, each once', () => {
    expect(unsafePatternReason('a', 'imsu')).toBeUndefined();
    expect(unsafePatternReason('a', 'g')).toContain('flags');
    expect(unsafePatternReason('a', 'ii')).toContain('flags');
  });

  it('never throws, whatever the pattern (property)', () => {
    fc.assert(
      fc.property(
        fc.string({
          maxLength: 60,
          unit: fc.constantFrom(...'()[]{}|*+?\\.^$ab1,<>k=!:'.split('')),
        }),
        (pattern) => {
          const reason = unsafePatternReason(pattern);
          if (reason === undefined) expect(() => new RegExp(pattern)).not.toThrow();
        },
      ),
      { numRuns: 2000 },
    );
  });
});
