import {
  type EnhancedTexts,
  enhancedKeyPattern,
  type GenericKey,
  genericKeys,
  type LocaleData,
} from './locale-data.js';
import { canonicalLanguage } from './negotiate-language.js';
import { type SmtpStatusName, smtpStatusNames } from './smtp-status-code.js';

// The build validates the shipped locales with zod; this is the same contract for run-time data,
// written out so that the main entry does not pay zod's start-up cost.

// C0 and C1 controls (ANSI escapes included), and the bidirectional embeddings, overrides and
// isolates that could reorder what a terminal or a page shows.
const control = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkText(where: string, text: unknown): string {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new TypeError(`Invalid locale: ${where} must be a non-empty string`);
  }
  if (control.test(text)) throw new TypeError(`Invalid locale: ${where} holds a control character`);
  return text;
}

function checkEnhanced(value: unknown): EnhancedTexts {
  if (!isRecord(value)) throw new TypeError('Invalid locale: enhanced must be an object');
  const texts: Record<string, string> = {};
  for (const [key, text] of Object.entries(value)) {
    if (!enhancedKeyPattern.test(key)) {
      throw new TypeError(
        `Invalid locale: enhanced has a key that is not 5.X.X, X.1.X or X.1.1: "${key.slice(0, 40)}"`,
      );
    }
    texts[key] = checkText(`enhanced.${key}`, text);
  }
  return Object.freeze(texts);
}

function checkTexts<K extends string>(where: string, value: unknown, keys: readonly K[]): Record<K, string> {
  if (!isRecord(value)) throw new TypeError(`Invalid locale: ${where} must be an object`);
  for (const key of Object.keys(value)) {
    if (!(keys as readonly string[]).includes(key))
      throw new TypeError(`Invalid locale: ${where} has an unknown key "${key}"`);
  }
  const texts = {} as Record<K, string>;
  for (const key of keys) {
    texts[key] = checkText(`${where}.${key}`, Object.hasOwn(value, key) ? value[key] : undefined);
  }
  return texts;
}

/**
 * Checks data for `registerLocale` and returns a frozen copy with its tag in canonical form;
 * throws a `TypeError` naming the first thing wrong.
 *
 * @example validateLocale({ lang: 'DE', codes }).lang // 'de'
 */
export function validateLocale(data: unknown): LocaleData {
  if (!isRecord(data)) throw new TypeError('Invalid locale: expected an object with `lang` and `codes`');
  const lang = typeof data.lang === 'string' ? canonicalLanguage(data.lang) : undefined;
  if (lang === undefined)
    throw new TypeError(`Invalid locale: lang ${JSON.stringify(data.lang)} is not a BCP 47 language tag`);
  const codes = checkTexts<SmtpStatusName>('codes', data.codes, smtpStatusNames);
  const generic = data.generic === undefined ? undefined : checkTexts<GenericKey>('generic', data.generic, genericKeys);
  const enhanced = data.enhanced === undefined ? undefined : checkEnhanced(data.enhanced);
  return Object.freeze({
    lang,
    codes: Object.freeze(codes),
    ...(generic && { generic: Object.freeze(generic) }),
    ...(enhanced && { enhanced }),
  });
}
