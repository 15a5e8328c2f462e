import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { productKey, skuFromName } from './normalize.js';

describe('product keys', () => {
  it('are idempotent and ignore case and spacing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (name) => {
        const key = productKey(name);
        expect(productKey(key)).toBe(key);
        expect(productKey(`  ${name.toUpperCase()}  `)).toBe(productKey(name.toUpperCase()));
        expect(key).not.toMatch(/^\s|\s$|\s{2}/u);
      }),
      { numRuns: 1000 },
    );
  });

  it('derive SKUs of upper-case letters, digits and single dashes', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 20 }), fc.string({ minLength: 60, maxLength: 100 })),
        (name) => {
          const sku = skuFromName(name);
          expect(sku).toMatch(/^(?:[A-Z0-9]+(?:-[A-Z0-9]+)*)?$/);
          expect(sku.length).toBeLessThanOrEqual(64);
          expect(skuFromName(sku)).toBe(sku);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
