/**
 * i18next integration: the catalog as i18next resources, under one namespace (`smtp`), for the
 * languages you give it, so a bundle holds no other. i18next itself is never imported: the
 * functions take your instance. Every language at once: `smtp-status-i18n/i18next/all`.
 *
 * Keys are the code as a string (`'550'`, `'-1'`, `'0'`, and every other reply code from
 * `'200'` to `'599'`), the generic texts (`'5xx'`, `'x5x'`), and the enhanced status codes
 * with `_` for `.` (`'X_1_1'`, classes `'5_X_X'`, subjects `'X_1_X'`, and each registered code
 * with its class, `'5_1_1'`, as `describe` gives it for a reply), the causes of client errors
 * (`'cause_connection-refused'`), and the reasons with their advice (`'reason_user-unknown'`,
 * `'reason_user-unknown_sender'`, `'reason_user-unknown_admin'`, also reached with i18next's
 * `context: 'sender'`); none holds `.` or `:`, so i18next's default separators (or any other)
 * work. Unlisted codes nest the generic texts with `$t()` (i18next's default nesting syntax).
 *
 * @example
 *   import i18next from 'i18next';
 *   import { addSmtpResources } from 'smtp-status-i18n/i18next';
 *   import fr from 'smtp-status-i18n/locales/fr';
 *   await i18next.init({ fallbackLng: 'fr' });
 *   addSmtpResources(i18next, { locales: [fr] });
 *   i18next.t('smtp:550', { lng: 'fr' });
 */
import type { LocaleData } from './catalog/locale-data.js';
import {
  addResourcesTo,
  type ResourceTarget,
  resourcesOf,
  type SmtpBundle,
  type SmtpResourceOptions,
} from './i18next/resources.js';

export {
  type ResourceTarget,
  type SmtpBundle,
  smtpKey,
  smtpNamespace,
  toI18nextBundle,
} from './i18next/resources.js';
export { shippedLanguages } from './internal/shipped-languages.js';

/** Options for this entry's `addSmtpResources` and `smtpResources`: the locales are required. */
export interface SmtpLocaleOptions extends SmtpResourceOptions {
  /** The locales to add, e.g. `[fr, en]` from `smtp-status-i18n/locales/<lang>`. */
  locales: readonly LocaleData[];
}

function localesOf(options: SmtpLocaleOptions | undefined): readonly LocaleData[] {
  if (!Array.isArray(options?.locales)) {
    throw new TypeError(
      'smtp-status-i18n/i18next needs { locales: [...] } (e.g. [fr] from smtp-status-i18n/locales/fr); every language at once is smtp-status-i18n/i18next/all',
    );
  }
  return options.locales;
}

/**
 * Resources in the shape i18next's `init({ resources })` takes: `{ [lng]: { [namespace]: bundle } }`.
 *
 * @example await i18next.init({ fallbackLng: 'fr', resources: smtpResources({ locales: [fr] }) })
 */
export function smtpResources(options: SmtpLocaleOptions): Record<string, Record<string, SmtpBundle>> {
  return resourcesOf(localesOf(options), options.namespace);
}

/**
 * Adds one bundle per language given to an existing i18next instance (merged into what the
 * namespace already holds; our keys win).
 *
 * @example addSmtpResources(i18next, { locales: [fr] }); i18next.t('smtp:550', { lng: 'fr-CA' })
 */
export function addSmtpResources(i18n: ResourceTarget, options: SmtpLocaleOptions): void {
  addResourcesTo(i18n, localesOf(options), options?.namespace);
}
