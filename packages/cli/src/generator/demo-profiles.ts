import type { DemoProfile } from './demo-profile.js';
import { ENGLISH_PROFILE } from './profile-en.js';
import { CHINESE_PROFILE } from './profile-zh-cn.js';

/**
 * The demo profile of a locale: the Chinese tenant for `zh` tags (`zh-CN`, `zh-Hans`...), the
 * English one for every other locale and when none is given.
 *
 * @example
 * ```ts
 * demoProfileFor('zh-Hans').currency; // 'CNY' (timeZone 'Asia/Shanghai')
 * demoProfileFor('de-DE').currency;   // 'USD' (the English profile)
 * ```
 */
export function demoProfileFor(locale: string | undefined): DemoProfile {
  return locale?.split('-')[0]?.toLowerCase() === 'zh' ? CHINESE_PROFILE : ENGLISH_PROFILE;
}
