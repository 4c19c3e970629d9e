/**
 * The lean entry: the same API as the main entry over a catalog holding no language until you
 * register one, so a bundle carries only the languages it imports. Each entry has its own catalog.
 *
 * @example
 *   import { describe, registerLocale } from 'smtp-status-i18n/core';
 *   import fr from 'smtp-status-i18n/locales/fr';
 *   registerLocale(fr);
 *   describe(550, 'fr');
 */
import { type Catalog, createCatalog } from './catalog.js';

export * from './shared-exports.js';

/** See the `Catalog` members: `describe`, `lookup`, `explain`, `languages`, `registerLocale`. */
export const { describe, lookup, explain, languages, registerLocale }: Catalog = createCatalog();
