import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { productKey, skuFromName } from './normalize.js';

// Names come from people and spreadsheets: the properties run on ASCII and on any Unicode text
// (graphemes such as emoji with ZWJ and letters with combining marks, and raw code points).
const text = (maxLength: number) =>
  fc.oneof(
    fc.string({ maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({ unit: 'grapheme-composite', maxLength }),
    fc.string({ unit: 'binary', maxLength }),
  );

/** Printable ASCII in its full-width form (`GTX Pro` → `ＧＴＸ　Ｐｒｏ`). */
const fullWidth = (ascii: string) =>
  ascii.replace(/[!-~ ]/g, (char) =>
    char === ' ' ? '\u3000' : String.fromCharCode(char.charCodeAt(0) + 0xfee0),
  );

describe('product keys', () => {
  it('are idempotent and ignore case and spacing', () => {
    fc.assert(
      fc.property(text(60), (name) => {
        const key = productKey(name);
        expect(productKey(key)).toBe(key);
        expect(productKey(`  ${name.toUpperCase()}  `)).toBe(productKey(name.toUpperCase()));
        expect(productKey(name.toUpperCase())).toBe(key);
        expect(productKey(name.toLowerCase())).toBe(key);
        expect(key).not.toMatch(/^\s|\s$|\s{2}/u);
      }),
      { numRuns: 2000 },
    );
  });

  it('are the same for the NFC and NFD forms of a name', () => {
    fc.assert(
      fc.property(text(40), (name) => {
        expect(productKey(name.normalize('NFD'))).toBe(productKey(name.normalize('NFC')));
      }),
      { numRuns: 2000 },
    );
    expect(productKey('Cafe\u0301 Cre\u0300me')).toBe(productKey('Caf\u00e9 Cr\u00e8me'));
  });

  it('are the same for full-width and plain forms', () => {
    expect(productKey('ＧＴＸ Ｐｒｏ')).toBe(productKey('GTX Pro'));
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 40 }), (name) => {
        expect(productKey(fullWidth(name))).toBe(productKey(name));
      }),
      { numRuns: 1000 },
    );
  });

  it('keep emoji sequences and combining marks whole', () => {
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
    expect(productKey(`  Team ${family}  Pack `)).toBe(`team ${family} pack`);
    expect(productKey('Straße')).toBe(productKey('STRASSE'));
    expect(productKey('ẞ')).toBe(productKey('ß'));
  });

  it('derive SKUs of upper-case letters, digits and single dashes', () => {
    fc.assert(
      fc.property(fc.oneof(text(20), fc.string({ minLength: 60, maxLength: 100 })), (name) => {
        const sku = skuFromName(name);
        expect(sku).toMatch(/^(?:[A-Z0-9]+(?:-[A-Z0-9]+)*)?$/);
        expect(sku.length).toBeLessThanOrEqual(64);
        expect(skuFromName(sku)).toBe(sku);
        expect(skuFromName(name.normalize('NFD'))).toBe(skuFromName(name.normalize('NFC')));
      }),
      { numRuns: 2000 },
    );
    expect(skuFromName('ＧＴＸ Ｐｒｏ')).toBe('GTX-PRO');
    expect(skuFromName('Café Crème 2')).toBe('CAFE-CREME-2');
  });
});
