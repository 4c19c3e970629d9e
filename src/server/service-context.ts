// What every route of the service reads: the catalog, the answers computed once, and the
// language a request is answered in.
import type { Context } from 'hono';
import type { Catalog } from '../catalog/create-catalog.js';
import type { LanguagePreference } from '../catalog/negotiate-language.js';
import type { Answer } from './answers.js';
import { BoundedCache } from './bounded-cache.js';
import { type LanguageInfo, languageInfo } from './language-info.js';

/** What the routes share. */
export interface ServiceContext {
  catalog: Catalog;
  /** The enhanced status codes the page lists, as the registry writes them (`X.1.1`). */
  enhancedCodes: readonly string[];
  /**
   * Answers that depend only on the catalog, the route, the input and the language, keyed by
   * all of them: computed once. Keys hold client input (a code as typed), so it is bounded.
   */
  answers: BoundedCache<Answer>;
  /** The language a request is answered in. */
  languageOf(c: Context): string;
  /** Every served language, described once. */
  servedLanguages(): LanguageInfo[];
}

/**
 * The language preference of a request: `?lang=` wins, else `Accept-Language`, else none (English).
 *
 * @example preferenceOf(c) // 'fr-CA;q=0.5, ar' (the raw header)
 */
export function preferenceOf(c: Context): LanguagePreference {
  const lang = c.req.query('lang');
  if (lang !== undefined && lang !== '') return lang;
  // The raw header: the catalog's negotiation reads `Accept-Language` values (q-values, `*`).
  return c.req.header('accept-language');
}

/**
 * The context of a service over a catalog.
 *
 * @example serviceContext(catalog, ['X.1.1']).languageOf(c) // 'fr'
 */
export function serviceContext(catalog: Catalog, enhancedCodes: readonly string[]): ServiceContext {
  // 2,048 holds every member and reply code in every shipped language.
  const answers = new BoundedCache<Answer>(2048);
  let languages: LanguageInfo[] | undefined;
  return {
    catalog,
    enhancedCodes,
    answers,
    languageOf: (c) => catalog.served(preferenceOf(c)).lang,
    servedLanguages() {
      languages ??= catalog.languages().map(languageInfo);
      return languages;
    },
  };
}
