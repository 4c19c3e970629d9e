/**
 * The smallest entry: `describe` for status codes (values, member names, `'550'`) over the
 * languages you register, for a web mail client whose server already hands it the code. No
 * reply parsing, enhanced codes or client errors (use `smtp-status-i18n/core`), and
 * `registerLocale` checks the shape of what it gets, not its characters: register the shipped
 * modules, or data that `createCatalog([data])` from `/core` accepts.
 *
 * @example
 *   import { describe, registerLocale } from 'smtp-status-i18n/lite';
 *   import fr from 'smtp-status-i18n/locales/fr';
 *   registerLocale(fr);
 *   describe(550, 'fr');
 */
import type { LanguagePreference } from './catalog.js';
import { genericText } from './generic-text.js';
import { type GenericKey, genericKeys, type LocaleData } from './locale-data.js';
import { canonicalLanguage, languageCandidates } from './negotiate-language.js';
import { codeError, resolveCode, type StatusCodeInput, show } from './resolve-code.js';
import { SmtpStatusCode, smtpStatusNames } from './smtp-status-code.js';

export { SmtpStatusCode, type SmtpStatusName } from './smtp-status-code.js';
export type { LanguagePreference, LocaleData, StatusCodeInput };

/** A registered language: its member texts by code. */
interface Texts {
  codes: Map<number, string>;
  generic: Readonly<Record<GenericKey, string>> | undefined;
}

const registered = new Map<string, Texts>();

function fallback(): Texts {
  const texts = registered.get('en') ?? registered.values().next().value;
  if (texts === undefined) throw new Error('No locale is registered: see registerLocale');
  return texts;
}

/** The first preference served: as registered, else by its first candidate registered (`fr-CA` → `fr`). */
function negotiate(lang: LanguagePreference): Texts {
  for (const tag of Array.isArray(lang) ? lang : [lang]) {
    const texts =
      typeof tag === 'string'
        ? (registered.get(tag) ??
          languageCandidates(tag)
            .map((candidate) => registered.get(candidate))
            .find(Boolean))
        : undefined;
    if (texts) return texts;
  }
  return fallback();
}

/**
 * The description of a status code in the best registered language for `lang` (English, else
 * the first registered, when none serves it); throws a `TypeError` or `RangeError` naming the
 * value when `code` is not a status code.
 *
 * @example describe(550, ['fr-CA', 'en']) // the French description of MailboxUnavailable
 */
export function describe(code: StatusCodeInput, lang?: LanguagePreference): string {
  const value = resolveCode(code);
  if (value === undefined) throw codeError(code, 'expected a reply code from 200 to 599 or an SmtpStatusCode member');
  const texts = negotiate(lang);
  const own = texts.codes.get(value);
  if (own !== undefined) return own;
  // A code the enumeration does not list: from its digits, in the fallback's words if need be.
  const generic = texts.generic ?? fallback().generic;
  return generic ? genericText(generic, value) : String(value);
}

function text(data: LocaleData, group: 'codes' | 'generic', key: string): string {
  const value = (data[group] as Record<string, unknown> | undefined)?.[key];
  if (typeof value !== 'string' || value === '') {
    throw new TypeError(`Invalid locale: ${group}.${key} must be a non-empty string`);
  }
  return value;
}

/**
 * Adds or replaces a language: `{ lang, codes, generic? }` as `smtp-status-i18n/locales/<lang>`
 * exports it; throws a `TypeError` naming what is missing.
 *
 * @example registerLocale(fr)
 */
export function registerLocale(data: LocaleData): void {
  const lang = typeof data?.lang === 'string' ? canonicalLanguage(data.lang) : undefined;
  if (lang === undefined) throw new TypeError(`Invalid locale: lang ${show(data?.lang)} is not a BCP 47 language tag`);
  const codes = new Map(smtpStatusNames.map((name) => [SmtpStatusCode[name], text(data, 'codes', name)]));
  const generic =
    data.generic === undefined
      ? undefined
      : (Object.fromEntries(genericKeys.map((key) => [key, text(data, 'generic', key)])) as Record<GenericKey, string>);
  registered.set(lang, { codes, generic });
}
