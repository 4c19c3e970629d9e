/**
 * The main entry: every shipped language, ready to use. It only exports (no side effects), so
 * bundlers may drop whatever is unused.
 *
 * @example
 *   import { describe } from 'smtp-status-i18n';
 *   describe(550, 'fr'); // the French description of MailboxUnavailable
 */
import { type Catalog, createCatalogOfParts } from './catalog/create-catalog.js';
import { localeParts } from './internal/locale-parts.js';

export * from './catalog/public-api.js';

const catalog: Catalog = createCatalogOfParts(localeParts);

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
 * the language used, the enhanced code and the server's own text. A send every recipient
 * refused reads as a whole (its first permanent refusal, if any); `explainRecipients` gives each.
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
 * Which shipped language serves a preference, and whether it was asked for (`false`: the fallback answers).
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
