/**
 * The catalog as i18next resources: one bundle per language under one namespace. The entries
 * (`smtp-status-i18n/i18next`, `smtp-status-i18n/i18next/all`) wire these to their defaults.
 */
import { genericKeysOf, sentenceSeparator } from '../catalog/generic-text.js';
import { type GenericKey, genericKeys, type LocaleData } from '../catalog/locale-data.js';
import { codeError, resolveCode, type StatusCodeInput } from '../catalog/resolve-input.js';
import { SmtpStatusCode, smtpStatusNames } from '../catalog/smtp-status-code.js';
import { validateCatalogLocale, validateLocale } from '../catalog/validate-locale.js';
import { show } from '../errors/show-value.js';

/** The namespace the resources are added under unless you choose another. */
export const smtpNamespace = 'smtp';

/** One namespace of one language: key → text. */
export type SmtpBundle = Record<string, string>;

/** What `addSmtpResources` needs of an i18next instance (any i18next ≥ 19 has it). */
export interface ResourceTarget {
  addResourceBundle(lng: string, ns: string, resources: object, deep?: boolean, overwrite?: boolean): unknown;
}

const listed = new Set<number>(Object.values(SmtpStatusCode));

/**
 * The i18next key of a status code: the key `t()` takes after the namespace. Throws like
 * `describe` for what is not a status code, saying what it takes: codes only (an enhanced
 * code's key is written with `_`: `5_1_1`).
 *
 * @example i18next.t(`smtp:${smtpKey('MailboxUnavailable')}`, { lng: 'ar' })
 */
export function smtpKey(code: StatusCodeInput): string {
  const resolved = resolveCode(code);
  if (resolved === undefined) {
    throw codeError(code, 'expected an SmtpStatusCode value or name, or an SMTP reply code from 200 to 599');
  }
  return String(resolved);
}

function checkNamespace(namespace: unknown): void {
  if (typeof namespace !== 'string' || namespace === '' || /[:.]/u.test(namespace)) {
    throw new TypeError(`Not a usable i18next namespace: ${show(namespace)} (a non-empty string without ":" or ".")`);
  }
}

/**
 * Enhanced status codes keep their registry spelling with `_` for `.`: `X_1_1`, `5_X_X`,
 * `X_1_X`; a registered code with its class (`5_1_1`) nests the class sentence, then the code's
 * own, as `describe` says it for a reply.
 */
function enhancedBundle(enhanced: Readonly<Record<string, string>>, nest: (key: string) => string): SmtpBundle {
  const bundle: SmtpBundle = {};
  for (const [key, text] of Object.entries(enhanced)) bundle[key.replaceAll('.', '_')] = text;
  for (const head of ['2.X.X', '4.X.X', '5.X.X']) {
    const classText = enhanced[head];
    if (classText === undefined) continue;
    for (const key of Object.keys(enhanced).filter((key) => /^X\.\d+\.\d+$/u.test(key))) {
      const detail = key.replaceAll('.', '_');
      bundle[`${head[0]}${detail.slice(1)}`] =
        nest(head.replaceAll('.', '_')) + sentenceSeparator(classText) + nest(detail);
    }
  }
  return bundle;
}

/**
 * The causes and reasons under flat keys joined by `_` (`cause_timeout`, `reason_user-unknown`,
 * `reason_user-unknown_sender`, `reason_user-unknown_admin`, and a client error's texts of a
 * reason `reason_network-error_client`, `…_client_sender`, `…_client_admin`): no key or namespace separator, so
 * they work whatever `keySeparator` is, and the advice is also the why key with i18next's
 * `context` (`t('smtp:reason_blocked', { context: 'admin' })`).
 */
function causeAndReasonBundle(locale: LocaleData): SmtpBundle {
  const bundle: SmtpBundle = {};
  for (const [id, text] of Object.entries(locale.causes ?? {})) bundle[`cause_${id}`] = text;
  for (const [id, texts] of Object.entries(locale.reasons ?? {})) {
    bundle[`reason_${id}`] = texts.why;
    bundle[`reason_${id}_sender`] = texts.sender;
    bundle[`reason_${id}_admin`] = texts.admin;
  }
  // A client error's texts of a reason, the same way: `reason_network-error_client` and its contexts.
  for (const [id, texts] of Object.entries(locale.client ?? {})) {
    bundle[`reason_${id}_client`] = texts.why;
    bundle[`reason_${id}_client_sender`] = texts.sender;
    bundle[`reason_${id}_client_admin`] = texts.admin;
  }
  return bundle;
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
  const locale = validateCatalogLocale(data);
  const bundle: SmtpBundle = {};
  for (const name of smtpStatusNames) bundle[String(SmtpStatusCode[name])] = locale.codes[name];
  const generic = locale.generic;
  const options = JSON.stringify({ lng: locale.lang });
  // The nested keys name their language: a fallback from another language must stay in this one.
  const nest = (key: string) => `$t(${namespace}:${key}, ${options})`;
  Object.assign(bundle, enhancedBundle(locale.enhanced ?? {}, nest), causeAndReasonBundle(locale));
  if (generic === undefined) return bundle;
  for (const key of genericKeys) bundle[key] = generic[key];
  for (let code = 200; code <= 599; code++) {
    if (listed.has(code)) continue;
    const [head, category] = genericKeysOf(code) as [GenericKey, GenericKey?];
    bundle[String(code)] =
      category === undefined ? nest(head) : nest(head) + sentenceSeparator(generic[head]) + nest(category);
  }
  return bundle;
}

/** Options for `addSmtpResources` and `smtpResources`. */
export interface SmtpResourceOptions {
  /** The namespace to use (default `'smtp'`). */
  namespace?: string;
  /** The locales to add, e.g. `[fr, en]` from `smtp-status-i18n/locales/<lang>`. */
  locales?: readonly LocaleData[];
}

/** Resources in the shape of i18next's `init({ resources })`, for the locales given. */
export function resourcesOf(
  locales: readonly LocaleData[],
  namespace: string = smtpNamespace,
): Record<string, Record<string, SmtpBundle>> {
  checkNamespace(namespace);
  const resources: Record<string, Record<string, SmtpBundle>> = {};
  for (const locale of locales) {
    resources[validateLocale(locale).lang] = { [namespace]: toI18nextBundle(locale, namespace) };
  }
  return resources;
}

/** Adds one bundle per language to an i18next instance (merged; our keys win). */
export function addResourcesTo(i18n: ResourceTarget, locales: readonly LocaleData[], namespace = smtpNamespace): void {
  if (typeof i18n?.addResourceBundle !== 'function') {
    throw new TypeError(`Not an i18next instance: ${show(i18n)} (no addResourceBundle)`);
  }
  for (const [lng, namespaces] of Object.entries(resourcesOf(locales, namespace))) {
    i18n.addResourceBundle(lng, namespace, namespaces[namespace] ?? {}, true, true);
  }
}
