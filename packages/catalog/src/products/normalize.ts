/**
 * The key a product name, SKU or alias is matched by: Unicode-normalised (NFKC), trimmed,
 * inner whitespace collapsed to one space, lower-cased. Spaces still count, so `GTXPro` and
 * `GTX Pro` are different keys: other spellings are mapped by aliases, on purpose, so a
 * match is never a guess.
 *
 * @example
 * ```ts
 * productKey('  GTX   Pro ') === productKey('gtx pro'); // true
 * productKey('GTXPro') === productKey('GTX Pro');       // false: add an alias
 * ```
 */
export function productKey(value: string): string {
  return value.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

/**
 * A SKU derived from a product name when none is given: upper-case letters and digits, other
 * runs of characters turned into one dash (`GTX Plus Basic` → `GTX-PLUS-BASIC`).
 */
export function skuFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 64)
    .replace(/-+$/u, '');
}
