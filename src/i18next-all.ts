/**
 * i18next integration with every shipped language: `smtp-status-i18n/i18next`, whose
 * `smtpResources` and `addSmtpResources` default to all of them (a bundle importing this entry
 * holds every language; import `smtp-status-i18n/i18next` and the languages you want instead).
 *
 * @example
 *   import i18next from 'i18next';
 *   import { addSmtpResources } from 'smtp-status-i18n/i18next/all';
 *   await i18next.init({ fallbackLng: 'en' });
 *   addSmtpResources(i18next);
 *   i18next.t('smtp:550', { lng: 'fr' });
 */
import {
  addResourcesTo,
  type ResourceTarget,
  resourcesOf,
  type SmtpBundle,
  type SmtpResourceOptions,
} from './i18next/resources.js';
import { allLocales } from './internal/all-locales.js';

export {
  type ResourceTarget,
  type SmtpBundle,
  type SmtpResourceOptions,
  smtpKey,
  smtpNamespace,
  toI18nextBundle,
} from './i18next/resources.js';
export { shippedLanguages } from './internal/shipped-languages.js';

/**
 * Resources in the shape i18next's `init({ resources })` takes, for every shipped language
 * unless `locales` names some.
 *
 * @example await i18next.init({ fallbackLng: 'en', resources: smtpResources() })
 */
export function smtpResources(options: SmtpResourceOptions = {}): Record<string, Record<string, SmtpBundle>> {
  return resourcesOf(options.locales ?? allLocales, options.namespace);
}

/**
 * Adds one bundle per shipped language (or per locale in `locales`) to an existing i18next
 * instance (merged into what the namespace already holds; our keys win).
 *
 * @example addSmtpResources(i18next); i18next.t('smtp:550', { lng: 'fr-CA' })
 */
export function addSmtpResources(i18n: ResourceTarget, options: SmtpResourceOptions = {}): void {
  addResourcesTo(i18n, options.locales ?? allLocales, options.namespace);
}
