import { validationError } from '@sellkit/core';

const SKILL = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * Checks a list of skill slugs (`negotiation`, `product-knowledge`): lower-case letters, digits
 * and dashes, at most 64 characters, no repeats. Anything else is `VALIDATION_FAILED` at `path`.
 *
 * @example
 * ```ts
 * skillList(['negotiation', 'closing'], 'skills'); // ['negotiation', 'closing']
 * skillList(['Negotiation'], 'skills'); // throws VALIDATION_FAILED at skills.0
 * ```
 */
export function skillList(value: unknown, path: string): string[] {
  if (!Array.isArray(value))
    throw validationError(path, 'must be a list of skills', 'invalid_type');
  value.forEach((skill, index) => {
    if (typeof skill !== 'string' || !SKILL.test(skill)) {
      throw validationError(
        `${path}.${index}`,
        'must be a skill: lower-case letters, digits and dashes',
        'invalid_skill',
      );
    }
  });
  if (new Set(value).size !== value.length) {
    throw validationError(path, 'lists a skill twice', 'duplicate_skill');
  }
  return value as string[];
}

/** True when `value` is a skill slug. */
export function isSkill(value: string): boolean {
  return SKILL.test(value);
}
