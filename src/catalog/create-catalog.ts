import { show } from '../errors/show-value.js';
import { explainLogLine } from '../inputs/log-line.js';
import { explainRecipients } from '../inputs/recipients.js';
import { causeReason } from '../reasons/cause-reasons.js';
import { classifyReason, codesReason } from '../reasons/classify-reason.js';
import { isReasonId, reasonIds } from '../reasons/reason-ids.js';
import { type ClientErrorCause, clientErrorCause } from '../replies/client-error.js';
import { maskedReply } from '../replies/masked-reply.js';
import type { EnhancedStatus, SmtpReply } from '../replies/parse-reply.js';
import type { OutcomeClass } from '../replies/syntax.js';
import {
  classSentence,
  codeText,
  describeCause,
  describeEnhanced,
  describeReason,
  type Entry,
  isDescribed,
  neutralText,
  toEntry,
} from './compose-text.js';
import { joinSentences } from './generic-text.js';
import { keep, keptKey, storedKey } from './kept-explanations.js';
import type { LocaleData } from './locale-data.js';
import { joinLocaleParts, type LocaleParts } from './locale-parts.js';
import { createNegotiator, type LanguagePreference, readPreference } from './negotiate-language.js';
import { agreesWith, kindFor, replyClass, saidClass } from './outcome.js';
import { inputError, type ResolvedInput, resolveInput } from './resolve-input.js';
import { SmtpStatusCode, type SmtpStatusName, smtpStatusNames } from './smtp-status-code.js';
import type {
  Catalog,
  CauseExplanation,
  EnhancedExplanation,
  Explanation,
  LocalizedText,
  ReasonExplanation,
  ReplyKind,
  ServedLanguage,
  TextSource,
  Unfrozen,
} from './types.js';
import { validateCatalogLocale } from './validate-locale.js';

// The wiring of one catalog: its languages, their negotiation, and the one rule that decides
// which sentence a person reads for an input (`sentenceOf`), shared by `describe` and `explain`.

export type { Catalog, CauseExplanation, EnhancedExplanation, Explanation, ReplyKind } from './types.js';

/** An explanation's fields but what the server said, each optional one given or `undefined`. */
type ExplanationParts = Omit<Explanation, Optional | 'reply'> & {
  readonly [K in Optional]?: Explanation[K] | undefined;
};
type Optional = 'name' | 'enhanced' | 'cause' | 'reason';

const namesByCode = new Map<number, SmtpStatusName>(smtpStatusNames.map((name) => [SmtpStatusCode[name], name]));

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
 * A catalog of locales given in their parts (the build's `localeParts`), each joined when its
 * language is first asked for. The parts are the build's own output: they are trusted as the
 * shipped modules are.
 */
export function createCatalogOfParts(locales: Readonly<Record<string, LocaleParts>>): Catalog {
  return catalogOf(new Map(Object.entries(locales).map(([lang, parts]) => [lang, () => joinLocaleParts(parts)])));
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
  // Explanations kept per language entry, by input (`keptKey`), and those of replies by their
  // mask (`maskedReply`); emptied by `registerLocale`, since a language replaced (or a
  // fallback's texts) changes answers in every language.
  const kept = new Map<Entry, Map<string | number, Explanation>>();
  const keptMasks = new Map<Entry, Map<string | number, Explanation>>();

  /**
   * The one rule for the sentence a person reads: a client error's cause; an enhanced code
   * (alone, or a reply's when the registry describes it or its subject: then opened by the reply
   * code's class); else the reply code's own text.
   */
  function sentenceFor(
    entry: Entry,
    code: number,
    own: ReturnType<typeof codeText>,
    enhanced: EnhancedExplanation | undefined,
    cause: CauseExplanation | undefined,
    reason: ReasonExplanation | undefined,
    overrides: boolean,
  ): { told: LocalizedText; source: TextSource } {
    if (cause) return { told: cause, source: 'cause' };
    // The reason says what happened, and the codes mean something else (`reasonFor`): the class
    // sentence, then the reason (`550 5.4.1 … Access denied` from Microsoft 365 is an unknown
    // recipient, not a host that does not answer).
    const byReason =
      overrides && reason !== undefined ? toldByReason(entry, replyClass(code) ?? enhanced?.class, reason) : undefined;
    if (byReason !== undefined) return { told: byReason, source: 'reason' };
    if (enhanced && (code === 0 || (replyClass(code) !== undefined && isDescribed(entry, fallback, enhanced)))) {
      return { told: enhanced, source: 'enhanced' };
    }
    return { told: own, source: own.source };
  }

  /**
   * A failure told by its reason: the class sentence, then the reason's why, in one language
   * (the reason's, when this one lacks its texts); `undefined` for a success or no class.
   */
  function toldByReason(
    entry: Entry,
    cls: OutcomeClass | undefined,
    reason: ReasonExplanation,
  ): LocalizedText | undefined {
    if (cls === undefined || cls === 2) return undefined;
    const own = classSentence(entry, fallback, cls);
    const head = own === undefined || own.lang === reason.lang ? own : classSentence(fallback(), fallback, cls);
    return head !== undefined && head.lang === reason.lang
      ? { lang: head.lang, text: joinSentences(head.text, reason.text) }
      : undefined;
  }

  /**
   * An explanation from its parts, frozen, its fields always in one order; `reply`, what the
   * server said, comes last: it is the part of an answer that each reply has of its own.
   */
  function assemble(parts: ExplanationParts, reply: SmtpReply | undefined): Explanation {
    const { code, name, lang, text, kind, retryable, source, enhanced, cause, reason } = parts;
    // Literals rather than spreads: the streaming CLI builds one per reply.
    const result: Unfrozen<Explanation> =
      name === undefined
        ? { code, lang, text, kind, retryable, source }
        : { code, name, lang, text, kind, retryable, source };
    if (enhanced) result.enhanced = enhanced;
    if (cause) result.cause = cause;
    if (reason) result.reason = reason;
    // The lines are the catalog's own (read by it, or copied from a reply built by hand), or a kept reply's, already frozen.
    if (reply) result.reply = Object.freeze({ text: reply.text, lines: Object.freeze(reply.lines) });
    return Object.freeze(result);
  }

  /**
   * The reason of a failure or a success: a client error's cause says it; else the reply (its
   * provider's rules, its words, its codes). Intermediate replies (3xx) and bare NotDefined have
   * none. `overrides`: a provider's documented meaning differs from the codes' own reason.
   */
  function reasonFor(
    entry: Entry,
    code: number,
    kind: ReplyKind,
    reply: SmtpReply | undefined,
    status: EnhancedStatus | undefined,
    found: ClientErrorCause | undefined,
  ): { explained: ReasonExplanation; overrides: boolean } | undefined {
    if (found) return { explained: describeReason(entry, fallback, causeReason(found.id)), overrides: false };
    if (kind === 'intermediate' || (code <= 0 && status === undefined)) return undefined;
    const codes = { code: code > 0 ? code : undefined, enhanced: status, text: reply?.text };
    const match = classifyReason(codes);
    // A provider's documented meaning overrides the codes'. The server's words override a reply
    // code alone (no enhanced code), or beside one of subject 0 (X.0.0, "other or undefined
    // status": the registry gives it no meaning, and Exim and Postfix write 5.0.0 in a report
    // when the reply gave none): the reply code's text makes a claim of its own (a bare 550 reads
    // as a non-existent address), which a block-list refusal must not be told as. Beside an
    // enhanced code of any other subject they are kept as `reason` with `disagrees`: phrases like
    // "try again later" say too little to replace a registered meaning.
    const decisive =
      match.by === 'provider' || (match.by === 'words' && (status === undefined || status.subject === 0));
    const overrides = decisive && codesReason(codes) !== match.id;
    return { explained: describeReason(entry, fallback, match), overrides };
  }

  /** An explanation's parts, and its sentence as `sentenceFor` decides; frozen, with its parts. */
  function explainResolved(
    entry: Entry,
    code: number,
    reply: SmtpReply | undefined,
    status: EnhancedStatus | undefined,
    found: ClientErrorCause | undefined,
  ): Explanation {
    const name = namesByCode.get(code);
    const own = codeText(entry, fallback, code);
    const agrees = agreesWith(code, status);
    const enhanced = status && describeEnhanced(entry, fallback, status, agrees, saidClass(code, status, agrees), own);
    const kind = kindFor(code, status, agrees, found);
    const retryable = found ? found.retryable : kind === 'transient';
    const cause = found && describeCause(entry, fallback, found.id);
    const reasoned = reasonFor(entry, code, kind, reply, status, found);
    const { told, source } = sentenceFor(entry, code, own, enhanced, cause, reasoned?.explained, !!reasoned?.overrides);
    return assemble(
      {
        code,
        name,
        lang: told.lang,
        text: told.text,
        kind,
        retryable,
        source,
        enhanced,
        cause,
        reason: reasoned?.explained,
      },
      reply,
    );
  }

  /** Anything explained: what names no code is a client error whose cause is unknown. */
  function explainInput(entry: Entry, input: unknown, resolved: ResolvedInput | undefined): Explanation {
    // Never thrown: this runs in `catch` blocks, where a thrown value may be anything.
    if (resolved === undefined) {
      return explainResolved(entry, SmtpStatusCode.GeneralFailure, undefined, undefined, clientErrorCause(input));
    }
    const { code, reply, enhanced, error } = resolved;
    // A client error's cause decides; a reply it carries is kept as what the server said.
    if (error !== undefined) return explainResolved(entry, code, reply, undefined, clientErrorCause(error));
    return explainResolved(entry, code, reply, reply?.enhanced ?? enhanced, undefined);
  }

  /** One language entry's explanations in `store` (`kept`, `keptMasks`). */
  function keptIn(
    store: Map<Entry, Map<string | number, Explanation>>,
    entry: Entry,
  ): Map<string | number, Explanation> {
    let answers = store.get(entry);
    if (answers === undefined) {
      answers = new Map();
      store.set(entry, answers);
    }
    return answers;
  }

  /** The explanation kept for an input in a language, if any (the language negotiated as `explain` does). */
  function keptExplanation(input: unknown, lang: LanguagePreference): Explanation | undefined {
    const key = keptKey(input);
    return key === undefined ? undefined : kept.get(negotiate(lang))?.get(key);
  }

  /**
   * `explainInput` through the kept explanations. `resolved`, when the caller has it, is used
   * unless the input is a string kept: that is read again from its stored copy, so that nothing
   * kept holds the string it was cut from.
   */
  function explain(input: unknown, lang: LanguagePreference, resolved?: ResolvedInput): Explanation {
    const entry = negotiate(lang);
    const key = keptKey(input);
    if (key === undefined) return explainInput(entry, input, resolved ?? resolveInput(input));
    const answers = keptIn(kept, entry);
    const found = answers.get(key);
    if (found !== undefined) return found;
    const own = storedKey(key);
    const explanation =
      typeof own === 'string'
        ? explainText(entry, own, resolveInput(own))
        : explainInput(entry, own, resolved ?? resolveInput(own));
    keep(answers, own, explanation);
    return explanation;
  }

  /**
   * A text explained: a reply whose mask (`maskedReply`: its addresses, Gmail's id, a success's
   * message ids) was explained before has that answer, with its own reply; the rest is explained whole.
   */
  function explainText(entry: Entry, own: string, resolved: ResolvedInput | undefined): Explanation {
    const reply = resolved?.reply;
    if (reply === undefined) return explainInput(entry, own, resolved);
    const mask = maskedReply(own);
    // Nothing masked: kept by the text itself, which is its mask.
    if (mask === own) return explainInput(entry, own, resolved);
    const masks = keptIn(keptMasks, entry);
    const like = masks.get(mask);
    if (like !== undefined) return assemble(like, reply);
    const explanation = explainInput(entry, own, resolved);
    keep(masks, mask, explanation);
    return explanation;
  }

  /** `explain(…).text`, without building the explanation for a code alone (the hot path). */
  function sentenceOf(input: unknown, resolved: ResolvedInput, lang: LanguagePreference): string {
    if (resolved.reply === undefined && resolved.enhanced === undefined && resolved.error === undefined) {
      const entry = negotiate(lang);
      return entry.texts[resolved.code + 1] ?? codeText(entry, fallback, resolved.code).text;
    }
    return explain(input, lang, resolved).text;
  }

  const catalog: Catalog = {
    describe(code, lang) {
      if (typeof code === 'number' && code >= 200 && code <= 599 && Number.isInteger(code)) {
        const entry = negotiate(lang);
        return entry.texts[code + 1] ?? codeText(entry, fallback, code).text;
      }
      // A kept explanation with a cause is of an input that names nothing: `describe` refuses it.
      const found = keptExplanation(code, lang);
      if (found !== undefined && found.cause === undefined) return found.text;
      const resolved = resolveInput(code);
      if (resolved === undefined) throw inputError(code);
      return sentenceOf(code, resolved, lang);
    },
    lookup(code, lang) {
      const resolved = resolveInput(code);
      return resolved === undefined || registered.size === 0 ? undefined : sentenceOf(code, resolved, lang);
    },
    explain: (input, lang) => explain(input, lang),
    describeNeutral: (code, lang) =>
      typeof code === 'string' ? neutralText(negotiate(lang), fallback, code) : undefined,
    explainLogLine: (line, lang) => explainLogLine(catalog, line, lang),
    explainRecipients: (result, lang) => explainRecipients(catalog, result, lang),
    served: (lang): ServedLanguage => negotiator.choose(lang),
    describeReason(id, lang, options) {
      if (typeof id !== 'string' || !isReasonId(id)) {
        throw new RangeError(`Not a reason id: ${show(id)} (expected one of ${reasonIds.join(', ')})`);
      }
      const client = (options ?? {}) as { client?: unknown };
      if (typeof client !== 'object' || (client.client !== undefined && typeof client.client !== 'boolean')) {
        throw new TypeError(`Not describeReason options: ${show(options)} (expected { client?: boolean })`);
      }
      const by = client.client === true ? 'cause' : 'report';
      return describeReason(negotiate(lang), fallback, { id, by, disagrees: false });
    },
    languages() {
      return [...registered.keys()].sort();
    },
    registerLocale(data) {
      const locale = validateCatalogLocale(data);
      registered.set(locale.lang, locale);
      built.delete(locale.lang);
      kept.clear();
      keptMasks.clear();
      reset();
    },
  };
  return catalog;
}
