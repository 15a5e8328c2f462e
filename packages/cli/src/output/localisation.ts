import { messagesFor } from '../messages/catalogue.js';
import type { Messages } from '../messages/messages.js';
import {
  createLocaleFormat,
  type LocaleFormat,
  type LocaleFormatOptions,
} from './locale-format.js';

/** What renderers for people need: how values look, and the words around them. */
export interface Localisation {
  readonly format: LocaleFormat;
  readonly messages: Messages;
}

/**
 * The formatter and catalogue of a locale (a tag `Intl` supports). Instants are shown in
 * `options.timeZone` (default UTC): the tenant's time zone, once the kernel provides one.
 *
 * @example
 * ```ts
 * const { format, messages } = createLocalisation('zh-CN');
 * format.money('1234.50', 'CNY'); // '¥1,234.50'
 * messages.pipelineReport.title;  // '销售管道报表'
 * ```
 */
export function createLocalisation(
  locale = 'en-US',
  options: LocaleFormatOptions = {},
): Localisation {
  return { format: createLocaleFormat(locale, options), messages: messagesFor(locale) };
}

/** English and en-US: what machines' titles use and what renderers default to. */
export const ENGLISH: Localisation = createLocalisation('en-US');
