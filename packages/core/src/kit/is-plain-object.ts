/**
 * True for `{...}` objects only (a literal, `Object.create(null)`, parsed JSON): not null,
 * arrays, `Date`s, `Money` or other class instances, so a value that is an object literal can be
 * walked key by key without losing what it was.
 *
 * @example
 * ```ts
 * isPlainObject({ a: 1 }); // true
 * isPlainObject(new Date()); // false
 * isPlainObject([1]); // false
 * ```
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
