// The sentences of one language, composed: a member's text, a generic text from a code's
// digits, an enhanced code's class and detail sentences, a cause's text. Each falls back to
// the fallback language's words and says so in `lang`.
import type { ReasonMatch } from '../reasons/classify-reason.js';
import type { CauseId } from '../replies/client-error.js';
import { type EnhancedStatus, formatEnhanced } from '../replies/parse-reply.js';
import type { OutcomeClass } from '../replies/syntax.js';
import { genericText, joinSentences } from './generic-text.js';
import type { CauseTexts, EnhancedTexts, GenericKey, LocaleData } from './locale-data.js';
import { SmtpStatusCode, smtpStatusNames } from './smtp-status-code.js';
import type { ClientTexts, ReasonsTexts, ReasonTexts } from './text-kinds.js';
import type { CauseExplanation, EnhancedExplanation, LocalizedText, ReasonExplanation, Unfrozen } from './types.js';

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

/** One language's texts as lookup tables. */
export interface Entry {
  lang: string;
  /** Member texts by code + 1. */
  texts: readonly (string | undefined)[];
  generic: Readonly<Record<GenericKey, string>> | undefined;
  enhanced: EnhancedTable | undefined;
  causes: CauseTexts | undefined;
  reasons: ReasonsTexts | undefined;
  /** The texts of the reasons of client errors, which replace the reasons' own for a client error. */
  client: ClientTexts | undefined;
  /**
   * Each reason's advice as one frozen object, made on first use and then shared by every
   * explanation in this language: an explanation costs one object less, and two explanations of
   * the same reason hold the same advice (what the streaming CLI compares to reuse a line).
   */
  advice: Map<string, ReasonExplanation['advice']>;
  /**
   * Each reason as told with this language's texts, by what decided it (without a link or a
   * block list, which are the reply's own), made on first use and then shared: at most the
   * reasons × their sources × the providers, whatever the input.
   */
  told: Map<string, ReasonExplanation>;
}

/** The entry of the fallback language, asked for only when a text is missing. */
export type Fallback = () => Entry;

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

/**
 * A locale turned into lookup tables (done once per language, on first use).
 *
 * @example toEntry(fr).texts[550 + 1] // the French description of MailboxUnavailable
 */
export function toEntry(locale: LocaleData): Entry {
  const texts = new Array<string | undefined>(slots).fill(undefined);
  for (const name of smtpStatusNames) texts[SmtpStatusCode[name] + 1] = locale.codes[name];
  const enhanced = locale.enhanced && toEnhancedTable(locale.enhanced);
  return {
    lang: locale.lang,
    texts,
    generic: locale.generic,
    enhanced,
    causes: locale.causes,
    reasons: locale.reasons,
    client: locale.client,
    advice: new Map(),
    told: new Map(),
  };
}

/**
 * A reply code's own text: the member's description, else the generic text built from its
 * digits (in the fallback's words when this language has none).
 *
 * @example codeText(entry, fallback, 559) // { lang: 'fr', text: '…', source: 'generic' }
 */
export function codeText(
  entry: Entry,
  fallback: Fallback,
  code: number,
): LocalizedText & { source: 'catalog' | 'generic' } {
  const own = entry.texts[code + 1];
  if (own !== undefined) return { lang: entry.lang, text: own, source: 'catalog' };
  const source = entry.generic ? entry : fallback();
  const texts = source.generic;
  return { lang: source.lang, text: texts === undefined ? String(code) : genericText(texts, code), source: 'generic' };
}

/** An enhanced code's sentences in one language: its class's, and its own or its subject's. */
function enhancedSentences(entry: Entry, fallback: Fallback, cls: OutcomeClass, subject: number, detail: number) {
  const source = entry.enhanced ? entry : fallback();
  const table = source.enhanced;
  const own = table?.codes.get(subject * 1000 + detail);
  return { lang: source.lang, head: table?.classes[cls], own, detail: own ?? table?.subjects[subject] };
}

/**
 * The description of an enhanced code: the sentence of the class `said` (its own class, or the
 * reply code's when the two disagree), then the registry code's own sentence, else its
 * subject's. Detail and subject sentences never say how the request ended, so the text always
 * reads as the class says.
 *
 * @example describeEnhanced(entry, fallback, { class: 5, subject: 1, detail: 1 }).text // 'The request failed permanently. …'
 */
export function describeEnhanced(
  entry: Entry,
  fallback: Fallback,
  status: EnhancedStatus,
  agrees = true,
  said: OutcomeClass = status.class,
  // Said when neither this language nor the fallback has class texts (a locale registered without them).
  replyText?: LocalizedText,
): EnhancedExplanation {
  const code = formatEnhanced(status);
  const sentences = enhancedSentences(entry, fallback, said, status.subject, status.detail);
  const { own, detail } = sentences;
  // No enhanced texts at all: the class is said in the generic words of reply codes, else by the reply code's text.
  const generic = sentences.head === undefined ? (entry.generic ? entry : fallback()) : undefined;
  const classText = generic?.generic?.[`${said}xx`];
  const { lang, head } =
    sentences.head !== undefined
      ? { lang: sentences.lang, head: sentences.head }
      : classText !== undefined && generic !== undefined
        ? { lang: generic.lang, head: classText }
        : { lang: replyText?.lang ?? entry.lang, head: replyText?.text ?? code };
  // One literal, always in this order: every explanation has the same shape (fast to build and read).
  return Object.freeze({
    code,
    class: status.class,
    subject: status.subject,
    detail: status.detail,
    lang,
    text: detail === undefined ? head : joinSentences(head, detail),
    source: own === undefined ? 'generic' : 'registry',
    agrees,
  });
}

/**
 * Whether the registry describes an enhanced code or its subject (so its description says more
 * than its class).
 *
 * @example isDescribed(entry, fallback, { class: 5, subject: 1, detail: 1 }) // true
 */
export function isDescribed(entry: Entry, fallback: Fallback, status: EnhancedStatus): boolean {
  return enhancedSentences(entry, fallback, status.class, status.subject, status.detail).detail !== undefined;
}

const neutralKey = /^([245X])\.(\d{1,3})\.(\d{1,3}|X)$/u;

/**
 * An enhanced code's class-neutral sentence (its own, else its subject's), for listings that
 * must not invent a class: `'X.1.1'`, `'5.1.1'`, `'X.1.X'`; `undefined` when neither exists.
 *
 * @example neutralText(entry, fallback, 'X.2.2')?.text // "The recipient's mailbox is full."
 */
export function neutralText(entry: Entry, fallback: Fallback, code: string): LocalizedText | undefined {
  const match = neutralKey.exec(code);
  if (match === null) return undefined;
  const source = entry.enhanced ? entry : fallback();
  const table = source.enhanced;
  const subject = Number(match[2]);
  const text =
    match[3] === 'X'
      ? table?.subjects[subject]
      : (table?.codes.get(subject * 1000 + Number(match[3])) ?? table?.subjects[subject]);
  return text === undefined ? undefined : { lang: source.lang, text };
}

/**
 * A cause's text in one language, else in the fallback language, else its id.
 *
 * @example describeCause(entry, fallback, 'timeout').text // 'The server did not answer in time.'
 */
export function describeCause(entry: Entry, fallback: Fallback, id: CauseId): CauseExplanation {
  const own = entry.causes && Object.hasOwn(entry.causes, id) ? entry.causes[id] : undefined;
  if (own !== undefined) return Object.freeze({ id, lang: entry.lang, text: own });
  const source = fallback();
  const text = source.causes && Object.hasOwn(source.causes, id) ? source.causes[id] : undefined;
  return Object.freeze({ id, lang: text === undefined ? entry.lang : source.lang, text: text ?? id });
}

/** A reason's advice in a language that has its texts, made once (the ids are a fixed set, so the map stays small). */
function sharedAdvice(
  source: Entry,
  id: string,
  texts: { sender: string; admin: string },
): ReasonExplanation['advice'] {
  let advice = source.advice.get(id);
  if (advice === undefined) {
    advice = Object.freeze({ sender: texts.sender, admin: texts.admin });
    source.advice.set(id, advice);
  }
  return advice;
}

/**
 * The texts a reason is told with, and the entry they are in: for a client error (`by:
 * 'cause'`), the client texts of the reason where this language or the fallback has them (no
 * server took the message: its own texts speak of a reply); else the reason's texts, in this
 * language, else in the fallback's. `key`: what its advice is shared by.
 */
function reasonTexts(
  entry: Entry,
  fallback: Fallback,
  id: string,
  forClient: boolean,
): { source: Entry; texts: ReasonTexts | undefined; key: string } {
  if (forClient) {
    const source = holderOf(entry, fallback, 'client', id);
    const texts = textIn(source.client, id);
    if (texts !== undefined) return { source, texts, key: `client ${id}` };
  }
  const source = holderOf(entry, fallback, 'reasons', id);
  return { source, texts: textIn(source.reasons, id), key: id };
}

/** The entry that tells reason `id` in one kind of text (`reasons`, `client`): this language where it has it, else the fallback. */
function holderOf(entry: Entry, fallback: Fallback, kind: 'reasons' | 'client', id: string): Entry {
  return textIn(entry[kind], id) === undefined ? fallback() : entry;
}

/** Reason `id`'s texts in a table of them, own keys only (`__proto__` is no reason). */
function textIn(
  texts: Readonly<Record<string, ReasonTexts | undefined>> | undefined,
  id: string,
): ReasonTexts | undefined {
  return texts !== undefined && Object.hasOwn(texts, id) ? texts[id] : undefined;
}

/**
 * A reason's texts in one language, else in the fallback language, else its id (a locale
 * registered without reason texts, and no fallback with any). A client error's reason (`by:
 * 'cause'`) is told with the client texts where there are some (`reasonTexts`).
 *
 * @example describeReason(entry, fallback, { id: 'mailbox-full', by: 'enhanced', disagrees: false }).advice.sender
 */
export function describeReason(
  entry: Entry,
  fallback: Fallback,
  match: Omit<ReasonMatch, 'by'> & { by: ReasonExplanation['by'] },
): ReasonExplanation {
  const { id } = match;
  const { source, texts, key } = reasonTexts(entry, fallback, id, match.by === 'cause');
  // Told with texts and nothing of the reply's own: the same object each time (`Entry.told`).
  const shared = texts !== undefined && match.link === undefined && match.list === undefined;
  const told = shared ? `${key} ${match.by} ${match.disagrees} ${match.provider ?? ''}` : undefined;
  const kept = told === undefined ? undefined : source.told.get(told);
  if (kept !== undefined) return kept;
  const result: Unfrozen<ReasonExplanation> = {
    id,
    lang: texts === undefined ? entry.lang : source.lang,
    text: texts?.why ?? id,
    advice: texts === undefined ? Object.freeze({ sender: id, admin: id }) : sharedAdvice(source, key, texts),
    by: match.by,
    disagrees: match.disagrees,
  };
  if (match.provider !== undefined) result.provider = match.provider;
  if (match.link !== undefined) result.link = match.link;
  if (match.list !== undefined) result.list = match.list;
  Object.freeze(result);
  if (told !== undefined) source.told.set(told, result);
  return result;
}

/**
 * The sentence that opens a text of class `cls`: the enhanced class sentence (`5.X.X`), else
 * the generic one (`5xx`), in this language or the fallback's.
 *
 * @example classSentence(entry, fallback, 5)?.text // 'The request failed permanently; …'
 */
export function classSentence(entry: Entry, fallback: Fallback, cls: OutcomeClass): LocalizedText | undefined {
  const source = entry.enhanced ? entry : fallback();
  const head = source.enhanced?.classes[cls];
  if (head !== undefined) return { lang: source.lang, text: head };
  const generic = entry.generic ? entry : fallback();
  const text = generic.generic?.[`${cls}xx`];
  return text === undefined ? undefined : { lang: generic.lang, text };
}
