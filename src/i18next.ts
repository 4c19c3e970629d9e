/**
 * i18next integration: the catalog as i18next resources, under one namespace (`smtp`).
 * i18next itself is never imported: the functions take your instance.
 *
 * Keys are the code as a string (`'550'`, `'-1'`, `'0'`, and every other reply code from
 * `'200'` to `'599'`), the generic texts (`'5xx'`, `'x5x'`), and the enhanced status codes
 * with `_` for `.` (`'X_1_1'`, classes `'5_X_X'`, subjects `'X_1_X'`); none holds `.` or `:`,
 * so i18next's default separators work. Unlisted codes nest the generic texts with `$t()`
 * (i18next's default nesting syntax).
 *
 * @example
 *   import i18next from 'i18next';
 *   import { addSmtpResources } from 'smtp-status-i18n/i18next';
 *   await i18next.init({ fallbackLng: 'en' });
 *   addSmtpResources(i18next);
 *   i18next.t('smtp:550', { lng: 'fr' });
 */
import { genericKeysOf } from './catalog/generic-text.js';
import { genericKeys, type LocaleData } from './catalog/locale-data.js';
import { anyInput, codeError, resolveCode, type StatusCodeInput } from './catalog/resolve-input.js';
import { SmtpStatusCode, smtpStatusNames } from './catalog/smtp-status-code.js';
import { validateLocale } from './catalog/validate-locale.js';
import { show } from './errors/show-value.js';
import { allLocales } from './internal/all-locales.js';

export { shippedLanguages } from './internal/shipped-languages.js';

/** The namespace the resources are added under unless you choose another. */
export const smtpNamespace = 'smtp';

/** One namespace of one language: key → text. */
export type SmtpBundle = Record<string, string>;

/** What `addSmtpResources` needs of an i18next instance (any i18next ≥ 19 has it). */
export interface ResourceTarget {
  addResourceBundle(lng: string, ns: string, resources: object, deep?: boolean, overwrite?: boolean): unknown;
}

/** Options for `addSmtpResources` and `smtpResources`. */
export interface SmtpResourceOptions {
  /** The namespace to use (default `'smtp'`). */
  namespace?: string;
  /** The locales to add (default: every shipped one). */
  locales?: readonly LocaleData[];
}

const listed = new Set<number>(Object.values(SmtpStatusCode));

/**
 * The i18next key of a status code: the key `t()` takes after the namespace. Throws like
 * `describe` for what is not a status code.
 *
 * @example i18next.t(`smtp:${smtpKey('MailboxUnavailable')}`, { lng: 'ar' })
 */
export function smtpKey(code: StatusCodeInput): string {
  const resolved = resolveCode(code);
  if (resolved === undefined) throw codeError(code, anyInput);
  return String(resolved);
}

function checkNamespace(namespace: unknown): void {
  if (typeof namespace !== 'string' || namespace === '' || /[:.]/u.test(namespace)) {
    throw new TypeError(`Not a usable i18next namespace: ${show(namespace)} (a non-empty string without ":" or ".")`);
  }
}

/**
 * One language's resources for one namespace, e.g. for `i18next-resources-to-backend`.
 * The locale is validated as `registerLocale` does (a `TypeError` names what is wrong). A locale
 * without generic texts gets no key for unlisted codes, so i18next falls back for them.
 *
 * @example toI18nextBundle(fr)['550'] // the French description of MailboxUnavailable
 */
export function toI18nextBundle(data: LocaleData, namespace: string = smtpNamespace): SmtpBundle {
  checkNamespace(namespace);
  const locale = validateLocale(data);
  const bundle: SmtpBundle = {};
  for (const name of smtpStatusNames) bundle[String(SmtpStatusCode[name])] = locale.codes[name];
  const generic = locale.generic;
  // Enhanced codes keep their registry spelling with `_` for `.`: `X_1_1`, `5_X_X`, `X_1_X`.
  for (const [key, text] of Object.entries(locale.enhanced ?? {})) bundle[key.replaceAll('.', '_')] = text;
  if (generic === undefined) return bundle;
  for (const key of genericKeys) bundle[key] = generic[key];
  const options = JSON.stringify({ lng: locale.lang });
  for (let code = 200; code <= 599; code++) {
    if (listed.has(code)) continue;
    // The nested keys name their language: a fallback from another language must stay in this one.
    bundle[String(code)] = genericKeysOf(code)
      .map((key) => `$t(${namespace}:${key}, ${options})`)
      .join(' ');
  }
  return bundle;
}

/**
 * Resources in the shape i18next's `init({ resources })` takes: `{ [lng]: { [namespace]: bundle } }`.
 *
 * @example await i18next.init({ fallbackLng: 'en', resources: smtpResources() })
 */
export function smtpResources(options: SmtpResourceOptions = {}): Record<string, Record<string, SmtpBundle>> {
  const namespace = options.namespace ?? smtpNamespace;
  const resources: Record<string, Record<string, SmtpBundle>> = {};
  for (const locale of options.locales ?? allLocales) {
    resources[validateLocale(locale).lang] = { [namespace]: toI18nextBundle(locale, namespace) };
  }
  return resources;
}

/**
 * Adds one bundle per language to an existing i18next instance (merged into what the
 * namespace already holds; our keys win).
 *
 * @example addSmtpResources(i18next); i18next.t('smtp:550', { lng: 'fr-CA' })
 */
export function addSmtpResources(i18n: ResourceTarget, options: SmtpResourceOptions = {}): void {
  if (typeof i18n?.addResourceBundle !== 'function') {
    throw new TypeError(`Not an i18next instance: ${Object.prototype.toString.call(i18n)} (no addResourceBundle)`);
  }
  const namespace = options.namespace ?? smtpNamespace;
  for (const [lng, namespaces] of Object.entries(smtpResources(options))) {
    i18n.addResourceBundle(lng, namespace, namespaces[namespace] ?? {}, true, true);
  }
}
