import { type CauseId, type ClientErrorCause, clientErrorCause } from '../replies/client-error.js';
import { type EnhancedStatus, formatEnhanced, type SmtpReply } from '../replies/parse-reply.js';
import { genericText, joinSentences } from './generic-text.js';
import type { CauseTexts, EnhancedTexts, GenericKey, LocaleData } from './locale-data.js';
import { createNegotiator, type LanguagePreference, readPreference } from './negotiate-language.js';
import { inputError, type ResolvedInput, resolveInput, type SmtpStatusInput } from './resolve-input.js';
import { SmtpStatusCode, type SmtpStatusName, smtpStatusNames } from './smtp-status-code.js';
import { validateCatalogLocale } from './validate-locale.js';

/** What a reply code says about the outcome: by its first digit, per RFC 5321. */
export type ReplyKind = 'positive' | 'intermediate' | 'transient' | 'permanent' | 'unknown';

/** Everything the catalog knows about one code, in one language. */
export interface Explanation {
  /** The numeric code (`-1` and `0` for the two members that are not SMTP replies). */
  code: number;
  /** The `SmtpStatusCode` member with this value, if there is one. */
  name?: SmtpStatusName;
  /** The language the text is in: the negotiated one, or the fallback. */
  lang: string;
  text: string;
  kind: ReplyKind;
  /** Whether trying again later may succeed (transient failures). */
  retryable: boolean;
  /** `'catalog'` for a member's own description, `'generic'` for one built from the code's digits. */
  source: 'catalog' | 'generic';
  /** The enhanced status code the reply started with, described. */
  enhanced?: EnhancedExplanation;
  /** What the server said, when the input was a reply or a client error carrying one. */
  reply?: { text: string; lines: string[] };
  /**
   * For a client error without a reply (and anything else `explain` was given that is no code):
   * what went wrong, described; `retryable` and `kind` then come from it.
   */
  cause?: CauseExplanation;
}

/** The cause of a client error without a reply, described. */
export interface CauseExplanation {
  /** E.g. `'connection-refused'`, `'auth-failed'`, `'unknown'`. */
  id: CauseId;
  /** The language of `text` (the fallback's when this language has no cause texts). */
  lang: string;
  text: string;
}

/** An enhanced status code (RFC 3463) with its description. */
export interface EnhancedExplanation extends EnhancedStatus {
  /** The code as written, e.g. `'5.1.1'`. */
  code: string;
  /** The language of `text` (the fallback's when this language has no enhanced texts). */
  lang: string;
  text: string;
  /** `'registry'` for a code of the IANA registry, `'generic'` for one described by its class and subject. */
  source: 'registry' | 'generic';
  /**
   * `false` when the enhanced code's class is not the reply code's (`550 4.4.7`): the reply code
   * then decides `kind` and `retryable`, and `text` opens with the reply code's class sentence.
   */
  agrees: boolean;
}

/** The functions of one catalog of languages; the package's entries each hold one. */
export interface Catalog {
  // The inputs: a code (550, 'MailboxUnavailable', '550'), a reply ('550 5.1.1 User unknown',
  // several lines), or an SMTP client error such as nodemailer's ({ responseCode, response }).
  /**
   * The description of a status code in the best language for `lang` (fallback: English);
   * throws a `TypeError` or `RangeError` naming the value when `code` is not a status code.
   *
   * @example describe(550, ['fr-CA', 'en']) // the French description of MailboxUnavailable
   */
  describe(code: SmtpStatusInput, lang?: LanguagePreference): string;
  /** Like `describe`, but `undefined` instead of an error. @example lookup('abc') // undefined */
  lookup(code: SmtpStatusInput, lang?: LanguagePreference): string | undefined;
  /**
   * The description with the code's name, kind and the language used. Takes anything (a value
   * caught in `catch (error)`) and never throws: what is neither a code, a reply nor a known
   * client error is `GeneralFailure` with the cause `'unknown'`, not retryable.
   *
   * @example explain(450).retryable // true
   */
  explain(input: unknown, lang?: LanguagePreference): Explanation;
  /** The language tags the catalog can serve, sorted. @example languages() // ['ar', 'en', …] */
  languages(): string[];
  /** Adds or replaces a language after validating it; throws a `TypeError` if malformed. @example registerLocale(de) */
  registerLocale(data: LocaleData): void;
}

const namesByCode = new Map<number, SmtpStatusName>(smtpStatusNames.map((name) => [SmtpStatusCode[name], name]));
// Texts are kept in arrays indexed by code + 1: the fastest read for the hot path.
const slots = 601;

/** A language's enhanced texts, keyed by numbers: no string is built to look one up. */
interface EnhancedTable {
  /** By `subject * 1000 + detail`. */
  codes: Map<number, string>;
  /** By class digit (2, 4, 5). */
  classes: (string | undefined)[];
  /** By subject. */
  subjects: (string | undefined)[];
}

interface Entry {
  lang: string;
  texts: readonly (string | undefined)[];
  generic: Readonly<Record<GenericKey, string>> | undefined;
  enhanced: EnhancedTable | undefined;
  causes: CauseTexts | undefined;
}

function toEnhancedTable(texts: EnhancedTexts): EnhancedTable {
  const table: EnhancedTable = { codes: new Map(), classes: [], subjects: [] };
  for (const [key, text] of Object.entries(texts)) {
    const [first, second, third] = key.split('.');
    if (first !== 'X') table.classes[Number(first)] = text;
    else if (third === 'X') table.subjects[Number(second)] = text;
    else table.codes.set(Number(second) * 1000 + Number(third), text);
  }
  return table;
}

function toEntry(locale: LocaleData): Entry {
  const texts = new Array<string | undefined>(slots).fill(undefined);
  for (const name of smtpStatusNames) texts[SmtpStatusCode[name] + 1] = locale.codes[name];
  const enhanced = locale.enhanced && toEnhancedTable(locale.enhanced);
  return { lang: locale.lang, texts, generic: locale.generic, enhanced, causes: locale.causes };
}

const enhancedKinds = { 2: 'positive', 4: 'transient', 5: 'permanent' } as const;

/** An enhanced code's sentences in one language: its class's, and its own or its subject's. */
function enhancedSentences(entry: Entry, fallback: () => Entry, status: EnhancedStatus) {
  const source = entry.enhanced ? entry : fallback();
  const table = source.enhanced;
  const own = table?.codes.get(status.subject * 1000 + status.detail);
  return { lang: source.lang, head: table?.classes[status.class], own, detail: own ?? table?.subjects[status.subject] };
}

/**
 * The description of an enhanced code: its class sentence (how the request ended), then the
 * registry code's own sentence, else its subject's. Detail and subject sentences never say how
 * the request ended, so the text always reads as the class says.
 */
function describeEnhanced(
  entry: Entry,
  fallback: () => Entry,
  status: EnhancedStatus,
  agrees = true,
  replyText?: { lang: string; text: string },
  // The class whose sentence opens the text: the reply code's when the two disagree, so the
  // text never says the opposite of what the reply code means.
  said: EnhancedStatus['class'] = status.class,
): EnhancedExplanation {
  const code = formatEnhanced(status);
  const sentences = enhancedSentences(entry, fallback, said === status.class ? status : { ...status, class: said });
  const { own, detail } = sentences;
  // Neither this language nor the fallback has enhanced texts (a locale registered without
  // them): the class is said in the generic words of reply codes, else by the reply code's text.
  const generic = sentences.head === undefined ? (entry.generic ? entry : fallback()) : undefined;
  const classText = generic?.generic?.[`${said}xx`];
  const { lang, head } =
    sentences.head !== undefined
      ? { lang: sentences.lang, head: sentences.head }
      : classText !== undefined && generic !== undefined
        ? { lang: generic.lang, head: classText }
        : { lang: replyText?.lang ?? entry.lang, head: replyText?.text ?? code };
  // One literal, always in this order: every explanation has the same shape (fast to build and read).
  return {
    code,
    class: status.class,
    subject: status.subject,
    detail: status.detail,
    lang,
    text: detail === undefined ? head : joinSentences(head, detail),
    source: own === undefined ? 'generic' : 'registry',
    agrees,
  };
}

/** A cause's text in one language, else in the fallback language, else its id. */
function describeCause(entry: Entry, fallback: () => Entry, id: CauseId): CauseExplanation {
  const own = entry.causes && Object.hasOwn(entry.causes, id) ? entry.causes[id] : undefined;
  if (own !== undefined) return { id, lang: entry.lang, text: own };
  const source = fallback();
  const text = source.causes && Object.hasOwn(source.causes, id) ? source.causes[id] : undefined;
  return { id, lang: text === undefined ? entry.lang : source.lang, text: text ?? id };
}

function kindOf(code: number): ReplyKind {
  if (code === SmtpStatusCode.GeneralFailure) return 'transient';
  return (
    (['unknown', 'unknown', 'positive', 'intermediate', 'transient', 'permanent'] as const)[Math.trunc(code / 100)] ??
    'unknown'
  );
}

/** The class an enhanced code's text opens with: the reply code's when they disagree (and it has one). */
function saidClass(code: number, status: EnhancedStatus, agrees: boolean): EnhancedStatus['class'] {
  const replyClass = Math.trunc(code / 100);
  return !agrees && (replyClass === 2 || replyClass === 4 || replyClass === 5) ? replyClass : status.class;
}

/** Whether an enhanced code's class is its reply code's (an enhanced code alone, code 0, always is). */
function agreesWith(code: number, status: EnhancedStatus | undefined): boolean {
  return code === 0 || status === undefined || status.class === Math.trunc(code / 100);
}

/**
 * How the request ended: a client error's cause says it (transient when it may pass, unknown
 * when unknown); else the reply code, or the enhanced code's class when it agrees (more
 * precise) or stands alone.
 */
function kindFor(code: number, status: EnhancedStatus | undefined, agrees: boolean, found?: ClientErrorCause) {
  if (found) {
    if (found.retryable) return 'transient';
    return found.id === 'unknown' ? 'unknown' : 'permanent';
  }
  return status && agrees ? enhancedKinds[status.class] : kindOf(code);
}

/** The generic text for a code the enumeration does not list, built from its two first digits. */
function genericTextOf(entry: Entry, fallback: () => Entry, code: number): { lang: string; text: string } {
  // A locale without generic texts borrows the fallback language's, and says so in `lang`.
  const source = entry.generic ? entry : fallback();
  const texts = source.generic;
  return { lang: source.lang, text: texts === undefined ? String(code) : genericText(texts, code) };
}

/**
 * Creates a catalog holding the given locales, each validated as `registerLocale` validates it.
 * Each package entry holds one; create your own for an isolated set of languages.
 *
 * @example createCatalog([fr, en]).describe(550, 'fr-CA')
 */
export function createCatalog(locales: readonly LocaleData[] = []): Catalog {
  // Checked as `registerLocale` checks: a malformed locale is a `TypeError` here, not a crash later.
  return catalogOf(new Map(locales.map(validateCatalogLocale).map((locale) => [locale.lang, locale])));
}

/**
 * A catalog of locales given as JSON text (the build's `packedLocales`), each parsed when its
 * language is first asked for. The text is the build's own output: it is trusted as the shipped
 * modules are.
 */
export function createPackedCatalog(packed: Readonly<Record<string, string>>): Catalog {
  return catalogOf(new Map(Object.entries(packed).map(([lang, json]) => [lang, () => JSON.parse(json) as LocaleData])));
}

function catalogOf(registered: Map<string, LocaleData | (() => LocaleData)>): Catalog {
  // Languages are kept as given and turned into lookup tables on first use: creating the main
  // entry's catalog costs nothing at start-up for the languages a process never asks for.
  const built = new Map<string, Entry>();
  // `Accept-Language` values are read as their ranges; the negotiator holds the one cache.
  const negotiator = createNegotiator<Entry>(
    {
      has: (lang) => registered.has(lang),
      keys: () => registered.keys(),
      get(lang) {
        let entry = built.get(lang);
        const locale = entry === undefined ? registered.get(lang) : undefined;
        if (locale !== undefined) {
          entry = toEntry(typeof locale === 'function' ? locale() : locale);
          built.set(lang, entry);
        }
        return entry;
      },
    },
    readPreference,
  );
  const { fallback, negotiate, reset } = negotiator;

  function explainCode(
    code: number,
    lang: LanguagePreference,
    reply?: SmtpReply,
    status: EnhancedStatus | undefined = reply?.enhanced,
    found?: ClientErrorCause,
  ): Explanation {
    const entry = negotiate(lang);
    const name = namesByCode.get(code);
    const own = entry.texts[code + 1];
    const { lang: used, text } =
      own === undefined ? genericTextOf(entry, fallback, code) : { lang: entry.lang, text: own };
    const agrees = agreesWith(code, status);
    const enhanced =
      status &&
      describeEnhanced(entry, fallback, status, agrees, { lang: used, text }, saidClass(code, status, agrees));
    const kind = kindFor(code, status, agrees, found);
    const source = own === undefined ? 'generic' : 'catalog';
    const retryable = found ? found.retryable : kind === 'transient';
    // Literals rather than spreads: the hot path of the streaming CLI builds one per reply.
    const result: Explanation =
      name === undefined
        ? { code, lang: used, text, kind, retryable, source }
        : { code, name, lang: used, text, kind, retryable, source };
    if (enhanced) result.enhanced = enhanced;
    if (reply) result.reply = { text: reply.text, lines: reply.lines };
    if (found) result.cause = describeCause(entry, fallback, found.id);
    return result;
  }

  function lookupCode(code: number, lang: LanguagePreference): string {
    const text = negotiate(lang).texts[code + 1];
    return text ?? explainCode(code, lang).text;
  }

  /**
   * An input's best text: a client error's cause; an enhanced code alone, described; a reply's
   * enhanced code (the reply code's class sentence, then the code's or its subject's sentence)
   * when the registry knows the code or its subject, else its reply code's. When the enhanced
   * code's class disagrees with the reply code, the reply code's class is the one said.
   */
  function lookupInput({ code, reply, enhanced, error }: ResolvedInput, lang: LanguagePreference): string {
    if (error !== undefined) return describeCause(negotiate(lang), fallback, clientErrorCause(error).id).text;
    if (enhanced !== undefined) return describeEnhanced(negotiate(lang), fallback, enhanced).text;
    const status = reply?.enhanced;
    const cls = Math.trunc(code / 100);
    if (status === undefined || (cls !== 2 && cls !== 4 && cls !== 5)) return lookupCode(code, lang);
    const entry = negotiate(lang);
    const known = enhancedSentences(entry, fallback, status).detail !== undefined;
    if (!known) return lookupCode(code, lang);
    const replyText = { lang: entry.lang, text: lookupCode(code, lang) };
    return describeEnhanced(entry, fallback, { ...status, class: cls }, true, replyText).text;
  }

  return {
    describe(code, lang) {
      if (typeof code === 'number' && code >= 200 && code <= 599 && Number.isInteger(code))
        return lookupCode(code, lang);
      const resolved = resolveInput(code);
      if (resolved === undefined) throw inputError(code);
      return lookupInput(resolved, lang);
    },
    lookup(code, lang) {
      const resolved = resolveInput(code);
      return resolved === undefined || registered.size === 0 ? undefined : lookupInput(resolved, lang);
    },
    explain(input, lang) {
      const resolved = resolveInput(input);
      // Nothing known: explained as a client error whose cause is unknown (never thrown: this
      // runs in `catch` blocks, where a thrown value may be anything).
      if (resolved === undefined) {
        return explainCode(SmtpStatusCode.GeneralFailure, lang, undefined, undefined, clientErrorCause(input));
      }
      const { code, reply, enhanced, error } = resolved;
      // A client error's cause decides; a reply it carries is kept as what the server said.
      if (error !== undefined) return explainCode(code, lang, reply, undefined, clientErrorCause(error));
      return explainCode(code, lang, reply, reply?.enhanced ?? enhanced);
    },
    languages() {
      return [...registered.keys()].sort();
    },
    registerLocale(data) {
      const locale = validateCatalogLocale(data);
      registered.set(locale.lang, locale);
      built.delete(locale.lang);
      reset();
    },
  };
}
