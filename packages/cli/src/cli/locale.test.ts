import { describe, expect, it } from 'vitest';
import { exitCodeFor, formatError } from './errors.js';
import { localeFromEnv, resolveLocale } from './locale.js';

describe('the locale', () => {
  it('defaults from LC_ALL, then LANG, as POSIX tools do', () => {
    expect(localeFromEnv({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(localeFromEnv({ LANG: 'de_DE.UTF-8@euro' })).toBe('de-DE');
    expect(localeFromEnv({ LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(localeFromEnv({ LANG: 'zh_CN.UTF-8', LC_ALL: '' })).toBe('zh-CN');
  });

  it('is en-US for C, POSIX, unset, empty or what Intl does not know', () => {
    for (const LANG of ['C', 'C.UTF-8', 'POSIX', '', undefined, 'klingon_XX', '!!']) {
      expect(localeFromEnv({ LANG })).toBe('en-US');
    }
    expect(localeFromEnv({})).toBe('en-US');
  });

  it('--locale wins over the environment and is checked', () => {
    expect(resolveLocale('zh-CN', { LANG: 'en_US.UTF-8' })).toBe('zh-CN');
    expect(resolveLocale('zh-cn', {})).toBe('zh-CN');
    expect(resolveLocale('zh_CN', {})).toBe('zh-CN');
    expect(resolveLocale('en-US', { LANG: 'zh_CN.UTF-8' })).toBe('en-US');
    expect(resolveLocale(undefined, { LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
  });

  it('refuses a malformed or unsupported tag as a usage error (exit code 2)', () => {
    for (const bad of ['xx-!!', 'tlh', '123']) {
      let error: unknown;
      try {
        resolveLocale(bad, {}, 'report pipeline');
      } catch (caught) {
        error = caught;
      }
      expect(exitCodeFor(error)).toBe(2);
      expect(formatError(error)).toBe(
        `sellkit: --locale must be a BCP 47 language tag this Node.js supports, like zh-CN or en-US (got "${bad}") (see sellkit report pipeline --help)`,
      );
    }
  });
});
