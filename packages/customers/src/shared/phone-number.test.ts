import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { phoneKeyOf } from '../contacts/contact-phones.js';
import { formatPhone, parsePhone } from './phone-number.js';

const ok = (text: string, country?: string) => {
  const read = parsePhone(text, country);
  if (!read.ok) throw new Error(`${text}: ${read.reason}`);
  return read.phone;
};

describe('phone numbers (libphonenumber-js)', () => {
  it('reads Chinese mobiles and landlines, international or national', () => {
    expect(ok('+86 138 0013 8000')).toMatchObject({ number: '+8613800138000', type: 'mobile' });
    expect(ok('13800138000', 'CN')).toMatchObject({ number: '+8613800138000', country: 'CN' });
    expect(ok('010-12345678', 'CN')).toMatchObject({
      number: '+861012345678',
      type: 'fixed_line',
      entered: '010-12345678',
    });
  });

  it('reads extensions written x, ext. and #, and 00 / 001- international prefixes', () => {
    expect(ok('+1-940-986-3836x4639')).toMatchObject({
      number: '+19409863836',
      extension: '4639',
    });
    expect(ok('(534)997-7624x626', 'US')).toMatchObject({
      number: '+15349977624',
      extension: '626',
    });
    expect(ok('001-367-429-8545x54065', 'US')).toMatchObject({
      number: '+13674298545',
      extension: '54065',
    });
    expect(ok('+44 20 7946 0958 ext. 123').extension).toBe('123');
    expect(ok('+44 20 7946 0958 #123').extension).toBe('123');
    expect(ok('0049 30 1234567', 'CN').number).toBe('+49301234567');
    expect(ok('0049 30 1234567', 'US').number).toBe('+49301234567');
  });

  it("refuses what cannot be a phone number, with the parser's reason", () => {
    expect(parsePhone('12', 'US')).toMatchObject({ ok: false, code: 'TOO_SHORT' });
    expect(parsePhone('+1 555 CALL')).toMatchObject({ ok: false, code: 'TOO_SHORT' });
    expect(parsePhone('13800138000')).toMatchObject({ ok: false, code: 'INVALID_COUNTRY' });
    expect(parsePhone('call me')).toMatchObject({ ok: false });
    expect(parsePhone('', 'US')).toMatchObject({ ok: false, code: 'NOT_A_NUMBER' });
  });

  it('formats internationally, and nationally for readers in the same country', () => {
    const phone = ok('010-12345678', 'CN');
    expect(formatPhone(phone)).toBe('+86 10 1234 5678');
    expect(formatPhone(phone, { readerCountry: 'CN' })).toBe('010 1234 5678');
    expect(formatPhone(phone, { readerCountry: 'US' })).toBe('+86 10 1234 5678');
    expect(formatPhone(ok('(534)997-7624x626', 'US'), { readerCountry: 'US' })).toBe(
      '(534) 997-7624 ext. 626',
    );
  });

  it('formatted, then read again, gives the same E.164 number and extension', () => {
    const numbers = fc.oneof(
      fc
        .tuple(
          fc.constantFrom('212', '415', '940', '646'),
          fc.integer({ min: 2_000_000, max: 9_999_999 }),
        )
        .map(([area, rest]) => `+1 ${area} ${rest}`),
      fc.integer({ min: 0, max: 99_999_999 }).map((n) => `+86 138 ${String(n).padStart(8, '0')}`),
      fc.integer({ min: 10_000_000, max: 99_999_999 }).map((n) => `+86 10 ${n}`),
      fc.integer({ min: 0, max: 9999 }).map((n) => `+44 20 7946 ${String(n).padStart(4, '0')}`),
    );
    const extensions = fc.option(fc.integer({ min: 1, max: 99_999 }).map(String), { nil: null });
    const readers = fc.constantFrom(undefined, 'US', 'CN', 'GB', 'DE');
    fc.assert(
      fc.property(numbers, extensions, readers, (text, extension, reader) => {
        const first = ok(extension ? `${text} x${extension}` : text);
        const shown = formatPhone(first, { readerCountry: reader });
        const again = ok(shown, reader ?? first.country ?? undefined);
        expect([again.number, again.extension]).toEqual([first.number, first.extension]);
        const key = ok(phoneKeyOf(first));
        expect([key.number, key.extension]).toEqual([first.number, first.extension]);
      }),
      { numRuns: 300 },
    );
  });
});
