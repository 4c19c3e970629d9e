import { maskFailure, maskSuccess } from '../replies/masked-reply.js';
import type { EnhancedStatus } from '../replies/parse-reply.js';
import { enhancedCodePattern } from '../replies/syntax.js';
import { type CompiledProviderRule, type CompiledRules, compiledRules, type RulePattern } from './compiled-rules.js';
import type { ReasonId } from './reason-ids.js';
import { linkIn, listNamed } from './reply-details.js';
import type { EnhancedRange } from './rule-data.js';
import { mayHold, mayMatch } from './rule-prefilter.js';

/** What a reply says, as far as it is known: its code, enhanced code, text and the remote host. */
export interface ReasonInput {
  /** The basic reply code (550); absent when only an enhanced code is known (`dsn=4.7.0`). */
  code?: number | undefined;
  /** The enhanced status code, as text (`'5.1.1'`) or as `parseReply` gives it. */
  enhanced?: string | EnhancedStatus | undefined;
  /** The server's text. */
  text?: string | undefined;
  /** The remote host's name, when a log line or a report gives it (`gmail-smtp-in.l.google.com`). */
  host?: string | undefined;
}

/** What decided a reason, from the most trusted: a provider's own rule, the server's words, the enhanced code, the basic code. */
export type ReasonSource = 'provider' | 'words' | 'enhanced' | 'code';

/** The reason of a reply, with what it rests on. */
export interface ReasonMatch {
  id: ReasonId;
  /** The provider recognised from the text or the host (`gmail`, `microsoft`, `yahoo`, `icloud`). */
  provider?: string;
  /** A help link: the one the reply gives, else the provider rule's. */
  link?: string;
  /** The block list the reply names (`zen.spamhaus.org`). */
  list?: string;
  by: ReasonSource;
  /** The server's words give a reason that the enhanced code's registered meaning contradicts. */
  disagrees: boolean;
}

/** How much of a text is read: replies are a few hundred characters; the cap bounds hostile input. */
export const maxReasonText = 1000;

// The markers of a multi-line reply kept inside a joined text (`fails to 550-5.7.26 pass`).
const continuation = /(?:^|\s)[245]\d\d-(?:[245]\.\d{1,3}\.\d{1,3}\s)?/gu;
const space = /\s+/gu;
// What `readable` would change: a continuation marker, white space other than one space.
const unreadable = /(?:^|\s)[245]\d\d-|[^\S ]|\s\s/u;

/**
 * The text the rules read: the addresses it quotes in angle brackets and Gmail's id of the
 * message masked (`maskFailure`; a success's message ids too: `maskSuccess`), so that a reason
 * never rests on them; then capped, continuation
 * markers and runs of white space made one space. Masked before it is capped: what is read is a
 * function of the masked text alone.
 */
function readable(text: string | undefined, success: boolean): string {
  if (!text) return '';
  const masked = success ? maskSuccess(text) : maskFailure(text);
  const capped = masked.length > maxReasonText ? masked.slice(0, maxReasonText) : masked;
  return unreadable.test(capped) ? capped.replace(continuation, ' ').replace(space, ' ') : capped;
}

/**
 * A readable text as the rules match it: ASCII text lower-cased once, for the patterns compiled
 * without flags (the fast way), with the rules it may match (`bits`, src/reasons/rule-prefilter.ts);
 * any other text as it is, for the patterns compiled `iu`, every rule tried.
 */
interface Haystack {
  text: string;
  lower: string | undefined;
  bits: Int32Array | undefined;
}

function haystackOf(text: string): Haystack {
  const bits = text === '' ? undefined : mayMatch(compiledRules().prefilter, text);
  return { text, lower: bits === undefined ? undefined : text.toLowerCase(), bits };
}

/** Whether a text holds a pattern; `index` is the pattern's place in the prefilter, if it has one. */
function holds(pattern: RulePattern, haystack: Haystack, index = -1): boolean {
  const { lower, bits } = haystack;
  if (lower === undefined || bits === undefined) return pattern.folded.test(haystack.text);
  return (index === -1 || mayHold(bits, index)) && pattern.plain.test(lower);
}

type Enhanced = { cls: 2 | 4 | 5; subject: number; detail: number };

function enhancedOf(value: ReasonInput['enhanced']): Enhanced | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return { cls: value.class, subject: value.subject, detail: value.detail };
  const parts = enhancedCodePattern.exec(value);
  return parts
    ? { cls: Number(parts[1]) as 2 | 4 | 5, subject: Number(parts[2]), detail: Number(parts[3]) }
    : undefined;
}

function providerOf(rules: CompiledRules, haystack: Haystack, host: string | undefined): string | undefined {
  if (host) {
    const name = host.toLowerCase().replace(/\.$/u, '');
    for (const sign of rules.providersByHost) {
      if (name === sign.domain || name.endsWith(`.${sign.domain}`)) return sign.provider;
    }
  }
  if (haystack.text === '') return undefined;
  // The text signs come after the words in the prefilter.
  const first = rules.words.length;
  return rules.providersByText.find((sign, index) => holds(sign.pattern, haystack, first + index))?.provider;
}

/** Whether a rule's reply code (`550`, or a class `5xx`) takes the reply's code. */
function codeTakes(wanted: string | undefined, code: number | undefined): boolean {
  if (wanted === undefined) return true;
  if (code === undefined) return false;
  const given = String(code);
  return wanted.endsWith('xx') ? wanted[0] === given[0] : wanted === given;
}

/** Whether a rule's enhanced codes (`X` is 4 or 5; a range of details) take the reply's. */
function enhancedTakes(range: EnhancedRange | undefined, enhanced: Enhanced | undefined): boolean {
  if (range === undefined) return true;
  if (enhanced === undefined) return false;
  const cls = range.cls === 'X' ? enhanced.cls !== 2 : Number(range.cls) === enhanced.cls;
  return cls && range.subject === enhanced.subject && enhanced.detail >= range.from && enhanced.detail <= range.to;
}

function ruleTakes(
  rule: CompiledProviderRule,
  code: number | undefined,
  enhanced: Enhanced | undefined,
  haystack: Haystack,
): boolean {
  return (
    codeTakes(rule.code, code) &&
    enhancedTakes(rule.enhanced, enhanced) &&
    (rule.words === undefined || holds(rule.words, haystack))
  );
}

/** The enhanced code's reason by its registered meaning (its detail's row, else its subject's), and its subject's row. */
function registered(rules: CompiledRules, enhanced: Enhanced | undefined) {
  if (enhanced === undefined) return { reason: undefined, agrees: undefined };
  if (enhanced.cls === 2) return { reason: rules.enhanced.get('2.X.X')?.reason, agrees: undefined };
  const subject = rules.enhancedSubjects.get(enhanced.subject);
  const detail = rules.enhancedCodes.get(enhanced.subject * 1000 + enhanced.detail);
  return { reason: detail?.reason ?? subject?.reason, agrees: subject?.agrees };
}

/** Whether the codes say success: the reply code's class, else the enhanced code's. */
function isSuccess(code: number | undefined, enhanced: Enhanced | undefined): boolean {
  return code !== undefined ? code >= 200 && code < 300 : enhanced?.cls === 2;
}

/** The reason of the codes alone: success, the enhanced code's registered meaning, the basic code. */
function reasonOfCodes(rules: CompiledRules, code: number | undefined, enhanced: Enhanced | undefined): ReasonId {
  if (isSuccess(code, enhanced)) return rules.replyCodes.get('2xx') ?? 'delivered';
  return (
    registered(rules, enhanced).reason ??
    (code === undefined ? undefined : rules.replyCodes.get(String(code))) ??
    'unknown'
  );
}

/**
 * The reason the codes of a reply give by themselves (no text, no host): what `classifyReason`
 * gives for the codes alone, read from the tables only. Tells whether a provider's rule means
 * something else than the codes.
 *
 * @example codesReason({ code: 550, enhanced: '5.4.1' }) // 'network-error'
 */
export function codesReason(input: Pick<ReasonInput, 'code' | 'enhanced'>): ReasonId {
  return reasonOfCodes(compiledRules(), input.code, enhancedOf(input.enhanced));
}

/** A match, built as one literal per shape (no spreads: this runs for every reply of a log). */
function matchOf(id: ReasonId, provider: string | undefined, by: ReasonSource, disagrees: boolean): ReasonMatch {
  const match: ReasonMatch = { id, by, disagrees };
  if (provider !== undefined) match.provider = provider;
  return match;
}

/** The first of a provider's rules that takes the reply, as a match. */
function byProvider(
  rules: CompiledRules,
  provider: string,
  code: number | undefined,
  enhanced: Enhanced | undefined,
  haystack: Haystack,
): ReasonMatch | undefined {
  for (const rule of rules.providerRules.get(provider) ?? []) {
    if (!ruleTakes(rule, code, enhanced, haystack)) continue;
    const match = matchOf(rule.reason, provider, 'provider', false);
    if (rule.link) match.link = rule.link;
    return match;
  }
  return undefined;
}

/** The first server words rule the text holds, as a match that says whether the codes' meaning disagrees. */
function byWords(
  rules: CompiledRules,
  provider: string | undefined,
  fromCode: ReturnType<typeof registered>,
  haystack: Haystack,
): ReasonMatch | undefined {
  if (haystack.text === '') return undefined;
  const rule = rules.words.find((words, index) => holds(words.pattern, haystack, index));
  if (rule === undefined) return undefined;
  const agrees =
    fromCode.reason === undefined ||
    fromCode.reason === rule.reason ||
    (fromCode.agrees?.includes(rule.reason) ?? true);
  return matchOf(rule.reason, provider, 'words', !agrees);
}

/** The reason, and what decided it, before the link and the list are added. */
function decide(input: ReasonInput, enhanced: Enhanced | undefined, haystack: Haystack): ReasonMatch {
  const rules = compiledRules();
  const { code } = input;
  const provider = providerOf(rules, haystack, input.host);
  if (isSuccess(code, enhanced)) return matchOf(rules.replyCodes.get('2xx') ?? 'delivered', provider, 'code', false);
  const fromProvider = provider === undefined ? undefined : byProvider(rules, provider, code, enhanced, haystack);
  if (fromProvider) return fromProvider;
  const fromCode = registered(rules, enhanced);
  const fromWords = byWords(rules, provider, fromCode, haystack);
  if (fromWords) return fromWords;
  if (fromCode.reason !== undefined) return matchOf(fromCode.reason, provider, 'enhanced', false);
  const byCode = code === undefined ? undefined : rules.replyCodes.get(String(code));
  return matchOf(byCode ?? 'unknown', provider, 'code', false);
}

/**
 * The provider rule that decides a reply, as its provider and its row's index among that
 * provider's rules: for tests that check every rule is exercised, and for tracing a result.
 *
 * @example providerRuleFor({ code: 550, enhanced: '5.1.10', text: 'RESOLVER.ADR.RecipientNotFound' }) // { provider: 'microsoft', index: 0 }
 */
export function providerRuleFor(input: ReasonInput): { provider: string; index: number } | undefined {
  const rules = compiledRules();
  const enhanced = enhancedOf(input.enhanced);
  const haystack = haystackOf(readable(input.text, isSuccess(input.code, enhanced)));
  const provider = providerOf(rules, haystack, input.host);
  if (provider === undefined) return undefined;
  const index =
    rules.providerRules.get(provider)?.findIndex((rule) => ruleTakes(rule, input.code, enhanced, haystack)) ?? -1;
  return index === -1 ? undefined : { provider, index };
}

/**
 * Why a reply was given, from everything it says, in this order of trust: the rules a provider
 * documents for its own replies (the provider recognised from the text or the host), the
 * server's words, the enhanced code's registered meaning, then the basic code. A success is
 * `delivered`; a reply nothing explains is `unknown`. Never reads the addresses a reply quotes
 * in angle brackets, nor a success's message ids (src/replies/masked-reply.ts): replies that
 * differ only by them get the same reason. Reads at most 1000 characters of text; the result is
 * frozen.
 *
 * @example classifyReason({ code: 550, enhanced: '5.7.1', text: 'Service unavailable; Client host [192.0.2.30] blocked using zen.spamhaus.org' }) // { id: 'blocked', list: 'zen.spamhaus.org', by: 'words', disagrees: false }
 */
export function classifyReason(input: ReasonInput): ReasonMatch {
  const enhanced = enhancedOf(input.enhanced);
  const haystack = haystackOf(readable(input.text, isSuccess(input.code, enhanced)));
  const match = decide(input, enhanced, haystack);
  if (match.id === 'delivered' || haystack.text === '') return Object.freeze(match);
  const { lower, text } = haystack;
  // Lower-cased ASCII text is searched for `http` and the zones first: most replies name neither.
  const link = lower === undefined || lower.includes('http') ? linkIn(text) : undefined;
  const rules = compiledRules();
  const list = listNamed(text, lower, rules.blockList, rules.zones);
  if (link !== undefined) match.link = link;
  if (list !== undefined) match.list = list;
  return Object.freeze(match);
}
