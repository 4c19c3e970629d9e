import { show } from '../errors/show-value.js';
import type { EnhancedTexts, GenericKey, LocaleData } from './locale-data.js';
import { canonicalLanguage } from './negotiate-language.js';
import { type SmtpStatusName, smtpStatusNames } from './smtp-status-code.js';
import { enhancedKind, genericKind, isKindKey, localeKinds, type TextKind } from './text-kinds.js';

// The one contract for a language's texts: every entry checks registered data with it, and the
// build checks every docs row with `textProblem` (its zod schemas only add the page's shape).

/**
 * What makes a text unfit to show, or `undefined`: C0 and C1 controls (ANSI escapes included),
 * and the bidirectional embeddings, overrides and isolates that could reorder what a terminal or
 * a page shows (Trojan Source). Arabic needs none of them: the marks U+200E, U+200F and U+061C
 * stay allowed.
 *
 * @example textProblem('\u202Eevil') // 'bidirectional control character'
 */
export function textProblem(text: string): string | undefined {
  if (/[\u0000-\u001F\u007F-\u009F]/u.test(text)) return 'control character';
  if (/[\u202A-\u202E\u2066-\u2069]/u.test(text)) return 'bidirectional control character';
  return undefined;
}

function invalid(message: string): never {
  throw new TypeError(`Invalid locale: ${message}`);
}

function record(value: unknown, what: string): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : invalid(what);
}

/** A frozen copy of one table of texts: `required` keys first, then any other key `known` allows. */
function checkTexts(
  where: string,
  value: unknown,
  known: (key: string) => boolean,
  required: readonly string[] = [],
): Record<string, string> {
  const table = record(value, `${where} must be an object`);
  const keys = Object.keys(table);
  for (const key of keys) if (!known(key)) invalid(`${where} has an unknown key ${show(key)}`);
  const texts: Record<string, string> = {};
  for (const key of [...required, ...keys]) {
    const text = Object.hasOwn(table, key) ? table[key] : undefined;
    if (typeof text !== 'string' || text.trim() === '') invalid(`${where}.${key} must be a non-empty string`);
    const problem = textProblem(text as string);
    if (problem) invalid(`${where}.${key} holds a ${problem}`);
    texts[key] = text as string;
  }
  return Object.freeze(texts);
}

const isOneOf = (keys: readonly string[]) => (key: string) => keys.includes(key);

/** One kind's texts checked: only its keys (each with its fields, when it has several), and every one of a complete fixed list. */
function checkKind(kind: TextKind, value: unknown): Record<string, unknown> {
  const required = kind.registerWhole && Array.isArray(kind.keys) ? kind.keys : [];
  const { fields } = kind;
  if (fields === undefined) return checkTexts(kind.name, value, (key) => isKindKey(kind, key), required);
  const table = record(value, `${kind.name} must be an object`);
  const checked: Record<string, unknown> = {};
  for (const key of Object.keys(table)) {
    if (!isKindKey(kind, key)) invalid(`${kind.name} has an unknown key ${show(key)}`);
    checked[key] = checkTexts(`${kind.name}.${key}`, table[key], isOneOf(fields), fields);
  }
  return Object.freeze(checked);
}

/**
 * `validateLocale`, and every other kind of text checked as those are (src/catalog/text-kinds.ts):
 * what the catalogs register. Apart from `validateLocale` so that `/lite`, which explains no
 * client error, neither checks nor keeps the other kinds.
 *
 * @example validateCatalogLocale({ lang: 'de', codes, causes: { timeout: '…' } }).causes?.timeout
 */
export function validateCatalogLocale(data: unknown): LocaleData {
  const locale: Record<string, unknown> = { ...validateLocale(data) };
  const given = data as Record<string, unknown>;
  for (const kind of localeKinds) {
    if (given[kind.name] !== undefined && locale[kind.name] === undefined) {
      locale[kind.name] = checkKind(kind, given[kind.name]);
    }
  }
  return Object.freeze(locale) as LocaleData;
}

/**
 * Checks data for `registerLocale` and returns a frozen copy with its tag in canonical form;
 * throws a `TypeError` naming the first thing wrong. Every entry registers through it; it
 * checks the member texts and the kinds `/lite` reads (generic and enhanced texts).
 *
 * @example validateLocale({ lang: 'DE', codes }).lang // 'de'
 */
export function validateLocale(data: unknown): LocaleData {
  const { lang, codes, generic, enhanced } = record(data, 'expected an object with `lang` and `codes`');
  const tag = typeof lang === 'string' ? canonicalLanguage(lang) : undefined;
  if (tag === undefined) invalid(`lang ${show(lang)} is not a BCP 47 language tag`);
  return Object.freeze({
    lang: tag as string,
    codes: checkTexts('codes', codes, isOneOf(smtpStatusNames), smtpStatusNames) as Record<SmtpStatusName, string>,
    ...(generic !== undefined && { generic: checkKind(genericKind, generic) as Record<GenericKey, string> }),
    ...(enhanced !== undefined && { enhanced: checkKind(enhancedKind, enhanced) as EnhancedTexts }),
  });
}
