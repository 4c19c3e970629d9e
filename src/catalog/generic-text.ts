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
 * The text for a reply code the enumeration does not list: its generic texts joined by a space.
 *
 * @example genericText(en.generic, 559) // the 5xx text, then the x5x text
 */
export function genericText(texts: Readonly<Record<GenericKey, string>>, code: number): string {
  return genericKeysOf(code)
    .map((key) => texts[key])
    .join(' ');
}
