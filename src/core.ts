/**
 * The lean entry: the same API as the main entry, holding no language until you register
 * one, so a bundle carries only the languages it imports.
 *
 * @example
 *   import { describe, registerLocale } from 'smtp-status-i18n/core';
 *   import fr from 'smtp-status-i18n/locales/fr';
 *   registerLocale(fr);
 *   describe(550, 'fr');
 */
import { type Catalog, createCatalog } from './catalog.js';

export type { Catalog, Explanation, LanguagePreference, ReplyKind } from './catalog.js';
export { createCatalog, fallbackLanguage } from './catalog.js';
export type { GenericKey, LocaleData } from './locale-data.js';
export type { ReplyCodeString, StatusCodeInput } from './resolve-code.js';
export { SmtpStatusCode, type SmtpStatusName } from './smtp-status-code.js';

const catalog = createCatalog();

/**
 * The description of a status code in the best language for `lang` (fallback: English);
 * throws a `TypeError` or `RangeError` naming the value when `code` is not a status code.
 *
 * @example describe(550, ['fr-CA', 'en']) // the French description of MailboxUnavailable
 */
export const describe: Catalog['describe'] = catalog.describe;

/** Like `describe`, but `undefined` instead of an error. @example lookup('abc') // undefined */
export const lookup: Catalog['lookup'] = catalog.lookup;

/** The description with the code's name, kind and the language used. @example explain(450).retryable // true */
export const explain: Catalog['explain'] = catalog.explain;

/** The language tags registered, sorted. @example languages() // ['ar', 'en', …] */
export const languages: Catalog['languages'] = catalog.languages;

/** Adds or replaces a language after validating it; throws a `TypeError` if malformed. @example registerLocale(fr) */
export const registerLocale: Catalog['registerLocale'] = catalog.registerLocale;
