// The shapes a catalog answers with, apart from the code that builds them: the entries, the
// adapters in src/inputs, the CLI and the server all read these, and none needs the rest.
import type { ReasonSource } from '../reasons/classify-reason.js';
import type { ReasonId } from '../reasons/reason-ids.js';
import type { CauseId } from '../replies/client-error.js';
import type { EnhancedStatus } from '../replies/parse-reply.js';
import type { LocaleData } from './locale-data.js';
import type { LanguagePreference } from './negotiate-language.js';
import type { SmtpStatusInput } from './resolve-input.js';
import type { SmtpStatusName } from './smtp-status-code.js';

/** What a reply code says about the outcome: by its first digit, per RFC 5321. */
export type ReplyKind = 'positive' | 'intermediate' | 'transient' | 'permanent' | 'unknown';

/**
 * Where the sentence a person reads (`text`) comes from: a member's own description
 * (`'catalog'`), one built from the code's digits (`'generic'`), the enhanced code's
 * description (`'enhanced'`), a client error's cause (`'cause'`), or the class sentence and the
 * reason (`'reason'`), where a provider's documented rule gives the codes another meaning, or
 * where the words of a reply without an enhanced code decide a reason its reply code does not
 * give (a bare `550` reads as a non-existent address; Exim's block-list refusal is not one).
 */
export type TextSource = 'catalog' | 'generic' | 'enhanced' | 'cause' | 'reason';

/**
 * What an explanation is while the catalog builds it: the same fields, writable. Every
 * explanation the package returns is frozen, with its parts.
 */
export type Unfrozen<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Everything the catalog knows about one input, in one language. Read-only: it is frozen, with
 * its parts (`enhanced`, `reply` and its lines, `cause`, `reason` and its advice), and may be the
 * very object an earlier call returned; to add a field, make a copy (`{ ...explanation, line }`).
 */
export interface Explanation {
  /** The numeric code (`-1` and `0` for the two members that are not SMTP replies). */
  readonly code: number;
  /** The `SmtpStatusCode` member with this value, if there is one. */
  readonly name?: SmtpStatusName;
  /** The language `text` is in: the negotiated one, or the fallback's for a text it lacks. */
  readonly lang: string;
  /**
   * The one sentence a person reads for this input, the same as `describe` gives: the cause of a
   * client error; the class sentence and the reason where the reason says what the codes do not
   * (`source: 'reason'`); the enhanced code's description for an enhanced code, and for a reply
   * whose enhanced code (or its subject) is registered; else the reply code's description.
   */
  readonly text: string;
  readonly kind: ReplyKind;
  /** Whether trying again later may succeed (transient failures). */
  readonly retryable: boolean;
  /** Where `text` comes from. */
  readonly source: TextSource;
  /** The enhanced status code the reply started with (or given alone), described. */
  readonly enhanced?: EnhancedExplanation;
  /** What the server said, when the input was a reply or a client error carrying one. */
  readonly reply?: { readonly text: string; readonly lines: readonly string[] };
  /**
   * For a client error without a reply (and anything else `explain` was given that is no code):
   * what went wrong, described; `retryable` and `kind` then come from it.
   */
  readonly cause?: CauseExplanation;
  /**
   * Why it failed and what to do (docs/project/reasons.md), on every failure and success: from a
   * provider's documented rule, the server's words, the enhanced code or the basic code.
   */
  readonly reason?: ReasonExplanation;
}

/** Why a request ended as it did, and advice for the sender and the sending system's administrator. */
export interface ReasonExplanation {
  /** One of `reasonIds` (Sisimai's reasons in kebab-case, plus `delivered`, `feedback`, `vacation`, `unknown`). */
  readonly id: ReasonId;
  /** The language of `text` and `advice` (the fallback's when this language has no reason texts). */
  readonly lang: string;
  /** Why, in one sentence that never says how the request ended. */
  readonly text: string;
  /** The same frozen object for every explanation of this reason in this language. */
  readonly advice: {
    /** For the person who wrote the message: what they can do. */
    readonly sender: string;
    /** For whoever runs the sending mail system: what to check and fix. */
    readonly admin: string;
  };
  /** What decided the reason: a report's kind (feedback, auto-reply), a client error's cause, a provider's own rule, the server's words, the enhanced code, the basic code. */
  readonly by: ReasonSource | 'cause' | 'report';
  /** The provider recognised from the reply or the remote host (`gmail`, `microsoft`, `yahoo`, `icloud`). */
  readonly provider?: string;
  /** A help link the reply (or the provider's rule) gives. */
  readonly link?: string;
  /** The block list the reply names (`zen.spamhaus.org`). */
  readonly list?: string;
  /** `true` when the server's words give a reason that the enhanced code's registered meaning contradicts. */
  readonly disagrees: boolean;
}

/** The cause of a client error without a reply, described. */
export interface CauseExplanation {
  /** E.g. `'connection-refused'`, `'auth-failed'`, `'unknown'`. */
  readonly id: CauseId;
  /** The language of `text` (the fallback's when this language has no cause texts). */
  readonly lang: string;
  readonly text: string;
}

/** An enhanced status code (RFC 3463) with its description. */
export interface EnhancedExplanation extends Readonly<EnhancedStatus> {
  /** The code as written, e.g. `'5.1.1'`. */
  readonly code: string;
  /** The language of `text` (the fallback's when this language has no enhanced texts). */
  readonly lang: string;
  readonly text: string;
  /** `'registry'` for a code of the IANA registry, `'generic'` for one described by its class and subject. */
  readonly source: 'registry' | 'generic';
  /**
   * `false` when the enhanced code's class is not the reply code's (`550 4.4.7`): the reply code
   * then decides `kind` and `retryable`, and `text` opens with the reply code's class sentence.
   */
  readonly agrees: boolean;
}

/** A sentence and the language it is in. */
export interface LocalizedText {
  readonly lang: string;
  readonly text: string;
}

/** A mail log line explained: `explain`'s answer for its reply (or enhanced code), with the recipient and the log's own words. */
export type LogExplanation = Explanation & {
  /** The recipient the line names. */
  readonly recipient?: string;
  /** What the log says instead of a reply (`Connection timed out`), when it quotes none. */
  readonly detail?: string;
};

/** One failed recipient, explained. */
export type RecipientExplanation = Explanation & {
  /** The recipient's address, when the error or `info` names it. */
  readonly recipient?: string;
};

/** Which language serves a preference, and whether one of the preferences asked for it. */
export interface ServedLanguage {
  /** The tag of the language used. */
  lang: string;
  /** `false` when no preference is served and the fallback answers instead. */
  requested: boolean;
}

/** The functions of one catalog of languages; the package's entries each hold one. */
export interface Catalog {
  // The inputs: a code (550, 'MailboxUnavailable', '550'), an enhanced code ('5.1.1'), a reply
  // ('550 5.1.1 User unknown', several lines), or an SMTP client error such as nodemailer's.
  /**
   * The sentence a person reads for a status code, enhanced code, reply or client error, in the
   * best language for `lang` (fallback: English); throws a `TypeError` or `RangeError` naming the
   * value when it is none of these. Always `explain(input, lang).text`.
   *
   * @example describe(550, ['fr-CA', 'en']) // the French description of MailboxUnavailable
   */
  describe(code: SmtpStatusInput | string, lang?: LanguagePreference): string;
  /** Like `describe`, but `undefined` instead of an error. @example lookup('abc') // undefined */
  lookup(code: SmtpStatusInput | string, lang?: LanguagePreference): string | undefined;
  /**
   * The sentence with its parts: the code's name, kind, retryable, the language used, the
   * enhanced code and the server's own text. Takes anything (a value caught in `catch (error)`)
   * and never throws: what is neither a code, a reply nor a known client error is
   * `GeneralFailure` with the cause `'unknown'`, not retryable. nodemailer's error for a send
   * every recipient refused is explained as a whole: by its first permanent refusal when there
   * is one (not retryable), else by its last reply; `explainRecipients` explains each refusal.
   * The explanation is frozen; for a string of at most 1,000 characters, a number or a reply
   * `parseReply` returned, the catalog keeps it (1,024 per language, until `registerLocale`), so
   * the same input in the same language gives the same object.
   *
   * @example explain(450).retryable // true
   */
  explain(input: unknown, lang?: LanguagePreference): Explanation;
  /**
   * An enhanced code's class-neutral sentence (what the code is about, not how the request
   * ended), for listings: `'X.1.1'`, `'5.1.1'` or a subject `'X.1.X'`; `undefined` for a code
   * neither the registry nor its subject describes.
   *
   * @example describeNeutral('X.2.2', 'en')?.text // "The recipient's mailbox is full."
   */
  describeNeutral(code: string, lang?: LanguagePreference): LocalizedText | undefined;
  /**
   * One line of a mail log (Postfix, Exim, Sendmail, Exchange, a bounce) explained, with the
   * recipient it names; `undefined` for a line with nothing to explain.
   *
   * @example explainLogLine('… to=<a@b.c>, … status=bounced (host mx[192.0.2.1] said: 550 5.1.1 Unknown (in reply to RCPT TO command))')?.recipient // 'a@b.c'
   */
  explainLogLine(line: string, lang?: LanguagePreference): LogExplanation | undefined;
  /**
   * Every failed recipient of a nodemailer send, explained, each with its `recipient`: the error
   * when all were refused, or the `info` of a partial send. `explain(error)` says what holds for
   * the send as a whole; this says what holds for each recipient.
   *
   * @example explainRecipients(info, 'de').map((entry) => entry.recipient) // ['a@example.org']
   */
  explainRecipients(result: unknown, lang?: LanguagePreference): RecipientExplanation[];
  /**
   * A reason's texts by id, for a reason known otherwise than from a reply (a feedback report, an
   * auto-reply) or for listing every reason. With `{ client: true }`, as `explain` tells it for
   * a mail client's own error (`by: 'cause'`): the texts for the person at the mail client where
   * the reason has them (`network-error`, `failed-starttls`), else its own. Throws a
   * `RangeError` naming an id that is no reason, and a `TypeError` naming options it cannot read.
   *
   * @example describeReason('mailbox-full', 'fr').advice.sender // the French advice for the sender
   * @example describeReason('network-error', 'en', { client: true }).advice.admin // what to check in the mail client's settings
   */
  describeReason(id: ReasonId, lang?: LanguagePreference, options?: { client?: boolean }): ReasonExplanation;
  /**
   * Which language serves `lang`, and whether it was asked for (`false`: the fallback answers).
   *
   * @example served('fr-CA') // { lang: 'fr', requested: true }
   */
  served(lang?: LanguagePreference): ServedLanguage;
  /** The language tags the catalog can serve, sorted. @example languages() // ['ar', 'en', …] */
  languages(): string[];
  /** Adds or replaces a language after validating it; throws a `TypeError` if malformed. @example registerLocale(de) */
  registerLocale(data: LocaleData): void;
}
