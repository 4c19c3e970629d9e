/**
 * The smallest entry: `describe` for status codes (values, member names, `'550'`) over the
 * languages you register, for a web mail client whose server already hands it the code. No
 * reply parsing, enhanced codes, client errors or `Accept-Language` values (use
 * `smtp-status-i18n/core`). Languages are validated and negotiated as every other entry does it
 * (a tag or a list of tags).
 *
 * @example
 *   import { describe, registerLocale } from 'smtp-status-i18n/lite';
 *   import fr from 'smtp-status-i18n/locales/fr';
 *   registerLocale(fr);
 *   describe(550, 'fr');
 */
import { genericText } from './catalog/generic-text.js';
import type { LocaleData } from './catalog/locale-data.js';
import { createNegotiator, type LanguagePreference } from './catalog/negotiate-language.js';
import { codeError, resolveCode, type StatusCodeInput } from './catalog/resolve-input.js';
import { SmtpStatusCode, type SmtpStatusName, smtpStatusNames } from './catalog/smtp-status-code.js';
import { validateLocale } from './catalog/validate-locale.js';

export { SmtpStatusCode, type SmtpStatusName } from './catalog/smtp-status-code.js';
export type { LanguagePreference, LocaleData, StatusCodeInput };

const registered = new Map<string, LocaleData>();
const { negotiate, fallback, reset } = createNegotiator(registered);
const namesByCode = new Map<number, SmtpStatusName>(smtpStatusNames.map((name) => [SmtpStatusCode[name], name]));

/**
 * The description of a status code in the best registered language for `lang` (English, else
 * the first registered, when none serves it); throws a `TypeError` or `RangeError` naming the
 * value when `code` is not a status code.
 *
 * @example describe(550, ['fr-CA', 'en']) // the French description of MailboxUnavailable
 */
export function describe(code: StatusCodeInput, lang?: LanguagePreference): string {
  const value = resolveCode(code);
  if (value === undefined) throw codeError(code, 'expected a reply code from 200 to 599 or an SmtpStatusCode member');
  const locale = negotiate(lang);
  const name = namesByCode.get(value);
  if (name !== undefined) return locale.codes[name];
  // A code the enumeration does not list: from its digits, in the fallback's words if need be.
  const generic = locale.generic ?? fallback().generic;
  return generic ? genericText(generic, value) : String(value);
}

/**
 * Adds or replaces a language, e.g. `smtp-status-i18n/locales/fr`, after validating it as every
 * entry does; throws a `TypeError` naming what is wrong.
 *
 * @example registerLocale(fr)
 */
export function registerLocale(data: LocaleData): void {
  const locale = validateLocale(data);
  registered.set(locale.lang, locale);
  reset();
}
