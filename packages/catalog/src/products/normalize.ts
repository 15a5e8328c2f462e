/**
 * The key a product name, SKU or alias is matched by: Unicode-normalised (NFKC, so accents in
 * NFC or NFD form and full-width letters match their plain forms), case-folded, trimmed, inner
 * whitespace collapsed to one space. Case folding is lower, upper, then lower again, so letters
 * whose cases do not round-trip (`ß`/`ẞ`/`SS`, Greek iota subscripts) fold alike. Spaces still
 * count, so `GTXPro` and `GTX Pro` are different keys: other spellings are mapped by aliases, on
 * purpose, so a match is never a guess.
 *
 * @example
 * ```ts
 * productKey('  GTX   Pro ') === productKey('gtx pro'); // true
 * productKey('ＧＴＸ Ｐｒｏ') === productKey('gtx pro'); // true: full-width forms
 * productKey('GTXPro') === productKey('GTX Pro');       // false: add an alias
 * ```
 */
export function productKey(value: string): string {
  const folded = value.normalize('NFKC').toLowerCase().toUpperCase().toLowerCase();
  return folded.normalize('NFKC').trim().replace(/\s+/gu, ' ');
}

/**
 * A SKU derived from a product name when none is given: upper-case letters and digits, other
 * runs of characters turned into one dash (`GTX Plus Basic` → `GTX-PLUS-BASIC`). Accents are
 * dropped and full-width forms read as their plain letters.
 *
 * @example
 * ```ts
 * skuFromName('GTX Plus Basic'); // 'GTX-PLUS-BASIC'
 * skuFromName('Café Crème 2');   // 'CAFE-CREME-2'
 * skuFromName('ＧＴＸ Ｐｒｏ');   // 'GTX-PRO'
 * ```
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
