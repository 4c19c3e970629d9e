import type { GenericKey } from './locale-data.js';

/**
 * The generic texts that describe a reply code the enumeration does not list, in order: its
 * class (first digit), then its category (second digit) when RFC 5321 section 4.2.1 names one.
 *
 * @example genericKeysOf(559) // ['5xx', 'x5x']
 */
export function genericKeysOf(code: number): GenericKey[] {
  const head = `${Math.trunc(code / 100)}xx` as GenericKey;
  const category = Math.trunc(code / 10) % 10;
  return category <= 5 ? [head, `x${category}x` as GenericKey] : [head];
}

/**
 * What goes between a sentence and the next: a space, or nothing after a full-width full stop,
 * question or exclamation mark (Chinese and Japanese do not space sentences).
 *
 * @example sentenceSeparator('请求已成功完成。') // ''
 */
export function sentenceSeparator(first: string): '' | ' ' {
  return /[。！？]$/u.test(first) ? '' : ' ';
}

/**
 * Two sentences as one text, spaced as the first sentence's script spaces them.
 *
 * @example joinSentences('请求已成功完成。', '收件人地址有效。') // '请求已成功完成。收件人地址有效。'
 */
export function joinSentences(first: string, second: string): string {
  return first + sentenceSeparator(first) + second;
}

/**
 * The text for a reply code the enumeration does not list: its class sentence, then its
 * category sentence. Only the class sentence says how the request ended.
 *
 * @example genericText(en.generic, 559) // the 5xx text, then the x5x text
 */
export function genericText(texts: Readonly<Record<GenericKey, string>>, code: number): string {
  const [head, category] = genericKeysOf(code) as [GenericKey, GenericKey?];
  return category === undefined ? texts[head] : joinSentences(texts[head], texts[category]);
}
