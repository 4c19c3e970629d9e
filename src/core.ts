/**
 * The lean entry: the main entry's API over no language until you register one, so a bundle
 * carries only the languages it imports. Each entry has its own catalog.
 *
 * @example
 *   import { describe, registerLocale } from 'smtp-status-i18n/core';
 *   import fr from 'smtp-status-i18n/locales/fr';
 *   registerLocale(fr);
 *   describe(550, 'fr');
 */
import { type Catalog, createCatalog } from './catalog/create-catalog.js';

export * from './catalog/public-api.js';

const catalog: Catalog = createCatalog();

/**
 * The description of a code, reply or client error in the best registered language for `lang`
 * (English, else the first registered, when none serves it); throws a `TypeError` or
 * `RangeError` naming a value that is none, and an `Error` while no language is registered.
 *
 * @example registerLocale(fr); describe(550, 'fr-CA') // the French description of MailboxUnavailable
 */
export const describe: Catalog['describe'] = catalog.describe;

/**
 * `describe`, with `undefined` instead of an error (also while no language is registered).
 *
 * @example lookup(550) // undefined until a language is registered
 */
export const lookup: Catalog['lookup'] = catalog.lookup;

/**
 * Everything known about a code, reply or client error in a registered language: text, member
 * name, kind, retryable, the language used, the enhanced code and the server's own text.
 *
 * @example registerLocale(fr); explain(451, 'fr').retryable // true
 */
export const explain: Catalog['explain'] = catalog.explain;

/**
 * The language tags registered so far, sorted.
 *
 * @example registerLocale(fr); languages() // ['fr']
 */
export const languages: Catalog['languages'] = catalog.languages;

/**
 * Adds or replaces a language, e.g. `smtp-status-i18n/locales/fr`, after validating it; throws
 * a `TypeError` naming what is wrong.
 *
 * @example registerLocale(fr)
 */
export const registerLocale: Catalog['registerLocale'] = catalog.registerLocale;

/**
 * One line of a mail log (Postfix, Exim, Sendmail, Exchange, a bounce) explained, with the
 * recipient it names; `undefined` for a line with nothing to explain.
 *
 * @example explainLogLine("… to=<a@b.c>, … dsn=5.1.1, status=bounced (host mx[192.0.2.1] said: 550 5.1.1 Unknown (in reply to RCPT TO command))", 'fr')?.recipient // 'a@b.c'
 */
export const explainLogLine: Catalog['explainLogLine'] = catalog.explainLogLine;

/**
 * Every failed recipient of a nodemailer send, explained, each with its `recipient`: the error
 * when all were refused, or the `info` of a partial send.
 *
 * @example explainRecipients(info, 'de').map((entry) => entry.recipient) // ['a@example.org', 'b@example.org']
 */
export const explainRecipients: Catalog['explainRecipients'] = catalog.explainRecipients;

/**
 * The class-neutral sentence of an enhanced code (what it is about, not how the request ended),
 * for listings: `'X.1.1'`, `'5.1.1'`, a subject `'X.1.X'`.
 *
 * @example describeNeutral('X.2.2', 'fr')?.text // the French sentence for a full mailbox
 */
export const describeNeutral: Catalog['describeNeutral'] = catalog.describeNeutral;

/**
 * Which registered language serves a preference, and whether it was asked for (`false`: the fallback answers).
 *
 * @example served('fr-CA') // { lang: 'fr', requested: true }
 */
export const served: Catalog['served'] = catalog.served;

/**
 * A reason's texts by id (why, and advice for the sender and the administrator), for listing
 * the reasons or for one known otherwise than from a reply.
 *
 * @example describeReason('mailbox-full', 'fr').advice.sender // the French advice for the sender
 */
export const describeReason: Catalog['describeReason'] = catalog.describeReason;
