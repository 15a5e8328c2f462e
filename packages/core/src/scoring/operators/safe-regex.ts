/** The longest pattern `matches` accepts. */
export const MAX_PATTERN_LENGTH = 200;
/**
 * `matches` tests only the first 1,000 characters of a fact. Measured on Node 20: one
 * unbounded quantifier that fails on 10,000 characters costs about 45 ms; on 1,000, under 1 ms.
 */
export const MAX_MATCH_INPUT = 1000;
const MAX_QUANTIFIERS = 4;
const MAX_UNBOUNDED = 1;
// A counted repetition above this many is treated like `*`.
const BOUNDED_LIMIT = 10;

interface Frame {
  quantified: boolean;
  alternation: boolean;
}

interface Quantifier {
  readonly length: number;
  readonly unbounded: boolean;
}

function readQuantifier(pattern: string, at: number): Quantifier | undefined {
  const c = pattern[at];
  let length = 1;
  let unbounded = c === '*' || c === '+';
  if (c === '{') {
    const counted = /^\{(\d{1,4})(,(\d{0,4}))?\}/.exec(pattern.slice(at));
    if (!counted) return undefined;
    length = counted[0].length;
    const upper = counted[2] === undefined ? Number(counted[1]) : Number(counted[3] || Infinity);
    unbounded = upper > BOUNDED_LIMIT;
  } else if (c !== '*' && c !== '+' && c !== '?') {
    return undefined;
  }
  if (pattern[at + length] === '?') length += 1;
  return { length, unbounded };
}

function groupPrefix(pattern: string, at: number): number {
  if (pattern[at] !== '?') return 0;
  const named = /^\?<[A-Za-z_$][\w$]*>/.exec(pattern.slice(at));
  if (named) return named[0].length;
  const special = /^\?(:|=|!|<=|<!)/.exec(pattern.slice(at));
  return special ? special[0].length : 0;
}

/**
 * Why a regular expression is refused, or undefined when it is accepted. Conservative on
 * purpose: no backreferences, no quantifier on a group that holds a quantifier, no unbounded
 * quantifier on a group with alternatives, at most one unbounded and four quantifiers overall.
 *
 * @example
 * ```ts
 * unsafePatternReason('(a+)+$'); // 'nested quantifiers'
 * unsafePatternReason('^GTX-[0-9]{3}$'); // undefined: safe
 * ```
 */
export function unsafePatternReason(pattern: string, flags = ''): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return `longer than ${MAX_PATTERN_LENGTH} characters`;
  }
  if (!/^(?!.*(.).*\1)[imsu]*$/.test(flags)) return 'flags may only be i, m, s and u';
  try {
    new RegExp(pattern, flags);
  } catch {
    return 'not a valid regular expression';
  }
  const stack: Frame[] = [{ quantified: false, alternation: false }];
  let lastGroup: Frame | undefined;
  let lastIsAtom = false;
  let quantifiers = 0;
  let unbounded = 0;
  let at = 0;
  while (at < pattern.length) {
    const c = pattern[at];
    const top = stack[stack.length - 1] as Frame;
    if (c === '\\') {
      const next = pattern[at + 1] ?? '';
      if (/[1-9]/.test(next) || (next === 'k' && pattern[at + 2] === '<')) {
        return 'backreferences are not allowed';
      }
      at += 2;
      lastGroup = undefined;
      lastIsAtom = true;
      continue;
    }
    if (c === '[') {
      at += 1;
      while (at < pattern.length && pattern[at] !== ']') at += pattern[at] === '\\' ? 2 : 1;
      at += 1;
      lastGroup = undefined;
      lastIsAtom = true;
      continue;
    }
    if (c === '(') {
      stack.push({ quantified: false, alternation: false });
      at += 1 + groupPrefix(pattern, at + 1);
      lastGroup = undefined;
      lastIsAtom = false;
      continue;
    }
    if (c === ')') {
      const closed = stack.pop() as Frame;
      const parent = stack[stack.length - 1] as Frame;
      parent.quantified ||= closed.quantified;
      lastGroup = closed;
      lastIsAtom = true;
      at += 1;
      continue;
    }
    if (c === '|') {
      top.alternation = true;
      lastGroup = undefined;
      lastIsAtom = false;
      at += 1;
      continue;
    }
    const quantifier = lastIsAtom ? readQuantifier(pattern, at) : undefined;
    if (quantifier) {
      if (lastGroup?.quantified) return 'nested quantifiers';
      if (quantifier.unbounded && lastGroup?.alternation) {
        return 'an unbounded quantifier on a group with alternatives';
      }
      quantifiers += 1;
      if (quantifier.unbounded) unbounded += 1;
      if (quantifiers > MAX_QUANTIFIERS) return `more than ${MAX_QUANTIFIERS} quantifiers`;
      if (unbounded > MAX_UNBOUNDED) return 'more than one unbounded quantifier (*, +, {n,})';
      top.quantified = true;
      lastGroup = undefined;
      lastIsAtom = false;
      at += quantifier.length;
      continue;
    }
    lastGroup = undefined;
    lastIsAtom = true;
    at += 1;
  }
  return undefined;
}
