import { en } from './en.js';
import type { CodeList, Messages } from './messages.js';
import { zhCN } from './zh-CN.js';

/**
 * The catalogue for a locale: Chinese for `zh` (`zh-CN`, `zh-Hans`, ...), English for every
 * other language.
 *
 * @example
 * ```ts
 * messagesFor('zh-CN').yes; // '是'
 * messagesFor('en-GB').yes; // 'yes'
 * ```
 */
export function messagesFor(locale: string): Messages {
  return locale.split('-')[0]!.toLowerCase() === 'zh' ? zhCN : en;
}

/**
 * A stage name in the reader's language: the default pipeline's English names (`Prospecting`,
 * `Won`...) are translated; any other name is the tenant's own and stays as it is.
 */
export function stageName(name: string, messages: Messages): string {
  const names: Readonly<Record<string, string>> = messages.stageNames;
  for (const [key, english] of Object.entries(en.stageNames)) {
    if (english === name) return names[key] ?? name;
  }
  return name;
}

/** A stored code (`customer`, `manufacturing`) in the reader's words; unknown codes as stored. */
export function codeName(list: CodeList, code: string, messages: Messages): string {
  const words = messages.codes[list];
  return Object.hasOwn(words, code) ? words[code]! : code;
}

/** A pipeline's name in the reader's words: the default pipeline's is translated, others not. */
export function pipelineName(name: string, messages: Messages): string {
  return name === en.defaultPipelineName ? messages.defaultPipelineName : name;
}
