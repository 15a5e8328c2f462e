import { usageError } from './errors.js';

/** The locale when neither `--locale` nor the environment names one. */
export const DEFAULT_LOCALE = 'en-US';

/**
 * The locale the environment asks for, as POSIX tools read it: `LC_ALL`, else `LANG`.
 * `zh_CN.UTF-8` becomes `zh-CN`; `C`, `POSIX`, empty or unset (and anything `Intl` does not
 * support) give {@link DEFAULT_LOCALE}.
 *
 * @example
 * ```ts
 * localeFromEnv({ LANG: 'zh_CN.UTF-8' }); // 'zh-CN'
 * localeFromEnv({ LANG: 'C' });           // 'en-US'
 * ```
 */
export function localeFromEnv(env: Readonly<Record<string, string | undefined>>): string {
  const raw = [env.LC_ALL, env.LANG].find((value) => value !== undefined && value.trim() !== '');
  if (raw === undefined) return DEFAULT_LOCALE;
  // language[_territory][.codeset][@modifier]: the codeset and modifier say nothing to Intl.
  const name = raw.trim().split(/[.@]/)[0]!;
  if (name === 'C' || name === 'POSIX' || name === '') return DEFAULT_LOCALE;
  return supportedLocale(name.replace(/_/g, '-')) ?? DEFAULT_LOCALE;
}

/** The canonical tag when `tag` is well-formed BCP 47 and `Intl` supports it, else null. */
function supportedLocale(tag: string): string | null {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    if (canonical === undefined) return null;
    const [supported] = Intl.NumberFormat.supportedLocalesOf([canonical]);
    return supported === undefined ? null : canonical;
  } catch {
    return null;
  }
}

/**
 * The locale to format for: `--locale` when given (a BCP 47 tag `Intl` supports, `zh_CN` is
 * read as `zh-CN`), else the environment's ({@link localeFromEnv}). A tag that is malformed or
 * unsupported is a usage error (exit code 2), raised before anything is written.
 *
 * @example
 * ```ts
 * resolveLocale('zh_CN', {});                          // 'zh-CN'
 * resolveLocale(undefined, { LANG: 'en_GB.UTF-8' });   // 'en-GB'
 * resolveLocale('not a tag', {});                      // throws a usage error
 * ```
 */
export function resolveLocale(
  option: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  command?: string,
): string {
  if (option === undefined) return localeFromEnv(env);
  const locale = supportedLocale(option.trim().replace(/_/g, '-'));
  if (locale === null) {
    throw usageError(
      `--locale must be a BCP 47 language tag this Node.js supports, like zh-CN or en-US (got "${option}")`,
      command,
    );
  }
  return locale;
}
