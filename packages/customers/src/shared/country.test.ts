import { describe, expect, it } from 'vitest';
import { countryCode, isCountryCode, resolveCountry } from './country.js';

describe('countries (i18n-iso-countries, en and zh)', () => {
  it('reads codes and English or Chinese names', () => {
    for (const [text, code] of [
      ['CN', 'CN'],
      ['cn', 'CN'],
      ['CHN', 'CN'],
      ['China', 'CN'],
      ['中国', 'CN'],
      ['德国', 'DE'],
      ['韩国', 'KR'],
      ['Korea, Republic of', 'KR'],
      ['South Korea', 'KR'],
      ['Falkland Islands (Malvinas)', 'FK'],
      ['Slovakia (Slovak Republic)', 'SK'],
      ['  United   States ', 'US'],
    ] as const) {
      expect(resolveCountry(text), text).toEqual({ kind: 'code', code });
    }
  });

  it('says Korea is ambiguous and does not guess unknown names', () => {
    expect(resolveCountry('Korea')).toEqual({ kind: 'ambiguous', candidates: ['KR', 'KP'] });
    expect(resolveCountry('Swaziland')).toEqual({ kind: 'unknown' });
    expect(resolveCountry('Narnia')).toEqual({ kind: 'unknown' });
    expect(resolveCountry('ZZ')).toEqual({ kind: 'unknown' });
    expect(countryCode('Korea')).toMatchObject({ reason: 'ambiguous_country' });
    expect(countryCode(42)).toMatchObject({ reason: 'unknown_country' });
    expect(isCountryCode('CN')).toBe(true);
    expect(isCountryCode('cn')).toBe(false);
  });
});
