/**
 * The main entry: the lean entry's API over a catalog that already holds every shipped language.
 * It only exports (no side effects), so bundlers may drop whatever is unused.
 *
 * @example
 *   import { describe } from 'smtp-status-i18n';
 *   describe(550, 'fr'); // the French description of MailboxUnavailable
 */
import { type Catalog, createPackedCatalog } from './catalog.js';
import { packedLocales } from './locales/packed.js';

export * from './shared-exports.js';

/** See the `Catalog` members: `describe`, `lookup`, `explain`, `languages`, `registerLocale`. */
export const { describe, lookup, explain, languages, registerLocale }: Catalog = createPackedCatalog(packedLocales);
