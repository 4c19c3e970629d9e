/**
 * The main entry: the lean entry with every shipped language registered, ready to use.
 * Importing it registers them (a side effect, declared in package.json `sideEffects`).
 *
 * @example
 *   import { describe } from 'smtp-status-i18n';
 *   describe(550, 'fr'); // the French description of MailboxUnavailable
 */
import { registerLocale } from './core.js';
import { allLocales } from './locales/index.js';

for (const locale of allLocales) registerLocale(locale);

export * from './core.js';
