import type { GenericKey } from './locale-data.js';

/**
 * The text for a reply code the enumeration does not list, built from its first two digits:
 * the class's text, then the category's (RFC 5321 section 4.2.1), e.g. `5xx` + `x5x` for 559.
 *
 * @example genericText(en.generic, 559) // 'Permanent negative completion … Mail system …'
 */
export function genericText(texts: Readonly<Record<GenericKey, string>>, code: number): string {
  const category = Math.trunc(code / 10) % 10;
  const head = texts[`${Math.trunc(code / 100)}xx` as GenericKey];
  return category <= 5 ? `${head} ${texts[`x${category}x` as GenericKey]}` : head;
}
