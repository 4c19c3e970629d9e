/**
 * The main entry: every shipped language, ready to use. It only exports (no side effects), so
 * bundlers may drop whatever is unused.
 *
 * @example
 *   import { describe } from 'smtp-status-i18n';
 *   describe(550, 'fr'); // the French description of MailboxUnavailable
 */
import { type Catalog, createPackedCatalog } from './catalog/create-catalog.js';
import { packedLocales } from './internal/packed-locales.js';

export * from './catalog/public-api.js';

const catalog: Catalog = createPackedCatalog(packedLocales);

/**
 * The description of a code, reply or client error in the best shipped language for `lang`
 * (English when none serves it); throws a `TypeError` or `RangeError` naming a value that is none.
 *
 * @example describe(550, ['fr-CA', 'en']) // the French description of MailboxUnavailable
 */
export const describe: Catalog['describe'] = catalog.describe;

/**
 * `describe`, with `undefined` instead of an error.
 *
 * @example lookup('abc') // undefined
 */
export const lookup: Catalog['lookup'] = catalog.lookup;

/**
 * Everything known about a code, reply or client error: text, member name, kind, retryable,
 * the language used, the enhanced code and the server's own text.
 *
 * @example explain('452 4.2.2 Mailbox full', 'it').retryable // true
 */
export const explain: Catalog['explain'] = catalog.explain;

/**
 * The language tags this entry serves, sorted.
 *
 * @example languages().includes('fr') // true
 */
export const languages: Catalog['languages'] = catalog.languages;

/**
 * Adds or replaces a language of this entry after validating it; throws a `TypeError` naming
 * what is wrong.
 *
 * @example registerLocale({ lang: 'de', codes: { NotDefined: 'Nicht definiert', … } })
 */
export const registerLocale: Catalog['registerLocale'] = catalog.registerLocale;
