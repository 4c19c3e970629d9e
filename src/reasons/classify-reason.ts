import type { EnhancedStatus } from '../replies/parse-reply.js';
import { enhancedCodePattern } from '../replies/syntax.js';
import { type CompiledProviderRule, type CompiledRules, compiledRules } from './compiled-rules.js';
import type { ReasonId } from './reason-ids.js';
import { linkIn, listIn } from './reply-details.js';
import type { EnhancedRange } from './rule-data.js';

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

/** The text the rules read: capped, continuation markers and runs of white space made one space. */
function readable(text: string | undefined): string {
  if (!text) return '';
  const capped = text.length > maxReasonText ? text.slice(0, maxReasonText) : text;
  return capped.replace(continuation, ' ').replace(space, ' ');
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

function providerOf(rules: CompiledRules, text: string, host: string | undefined): string | undefined {
  if (host) {
    const name = host.toLowerCase().replace(/\.$/u, '');
    for (const sign of rules.providersByHost) {
      if (name === sign.domain || name.endsWith(`.${sign.domain}`)) return sign.provider;
    }
  }
  if (text === '') return undefined;
  return rules.providersByText.find((sign) => sign.pattern.test(text))?.provider;
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
  text: string,
): boolean {
  return (
    codeTakes(rule.code, code) &&
    enhancedTakes(rule.enhanced, enhanced) &&
    (rule.words === undefined || rule.words.test(text))
  );
}

/** The enhanced code's reason by its registered meaning (its detail's row, else its subject's), and its subject's row. */
function registered(rules: CompiledRules, enhanced: Enhanced | undefined) {
  if (enhanced === undefined) return { reason: undefined, agrees: undefined };
  if (enhanced.cls === 2) return { reason: rules.enhanced.get('2.X.X')?.reason, agrees: undefined };
  const subject = rules.enhanced.get(`X.${enhanced.subject}.X`);
  const detail = rules.enhanced.get(`X.${enhanced.subject}.${enhanced.detail}`);
  return { reason: detail?.reason ?? subject?.reason, agrees: subject?.agrees };
}

/** The reason, and what decided it, before the link and the list are added. */
function decide(input: ReasonInput, text: string): Omit<ReasonMatch, 'list'> {
  const rules = compiledRules();
  const { code } = input;
  const enhanced = enhancedOf(input.enhanced);
  const success = code !== undefined ? code >= 200 && code < 300 : enhanced?.cls === 2;
  const provider = providerOf(rules, text, input.host);
  const withProvider = provider === undefined ? {} : { provider };
  if (success) return { id: rules.replyCodes.get('2xx') ?? 'delivered', ...withProvider, by: 'code', disagrees: false };
  const byProvider =
    provider === undefined
      ? undefined
      : rules.providerRules.get(provider)?.find((rule) => ruleTakes(rule, code, enhanced, text));
  if (byProvider) {
    return {
      id: byProvider.reason,
      ...withProvider,
      ...(byProvider.link && { link: byProvider.link }),
      by: 'provider',
      disagrees: false,
    };
  }
  const fromCode = registered(rules, enhanced);
  const byWords = text === '' ? undefined : rules.words.find((rule) => rule.pattern.test(text));
  if (byWords) {
    const agrees =
      fromCode.reason === undefined ||
      fromCode.reason === byWords.reason ||
      (fromCode.agrees?.includes(byWords.reason) ?? true);
    return { id: byWords.reason, ...withProvider, by: 'words', disagrees: !agrees };
  }
  if (fromCode.reason !== undefined) return { id: fromCode.reason, ...withProvider, by: 'enhanced', disagrees: false };
  const byCode = code === undefined ? undefined : rules.replyCodes.get(String(code));
  return { id: byCode ?? 'unknown', ...withProvider, by: 'code', disagrees: false };
}

/**
 * The provider rule that decides a reply, as its provider and its row's index among that
 * provider's rules: for tests that check every rule is exercised, and for tracing a result.
 *
 * @example providerRuleFor({ code: 550, enhanced: '5.1.10', text: 'RESOLVER.ADR.RecipientNotFound' }) // { provider: 'microsoft', index: 0 }
 */
export function providerRuleFor(input: ReasonInput): { provider: string; index: number } | undefined {
  const rules = compiledRules();
  const text = readable(input.text);
  const provider = providerOf(rules, text, input.host);
  if (provider === undefined) return undefined;
  const enhanced = enhancedOf(input.enhanced);
  const index =
    rules.providerRules.get(provider)?.findIndex((rule) => ruleTakes(rule, input.code, enhanced, text)) ?? -1;
  return index === -1 ? undefined : { provider, index };
}

/**
 * Why a reply was given, from everything it says, in this order of trust: the rules a provider
 * documents for its own replies (the provider recognised from the text or the host), the
 * server's words, the enhanced code's registered meaning, then the basic code. A success is
 * `delivered`; a reply nothing explains is `unknown`. Reads at most 1000 characters of text; the
 * result is frozen, and the last 512 short inputs are remembered (a log repeats its replies).
 *
 * @example classifyReason({ code: 550, enhanced: '5.7.1', text: 'Service unavailable; Client host [192.0.2.30] blocked using zen.spamhaus.org' }) // { id: 'blocked', list: 'zen.spamhaus.org', by: 'words', disagrees: false }
 */
export function classifyReason(input: ReasonInput): ReasonMatch {
  const enhanced =
    typeof input.enhanced === 'object'
      ? `${input.enhanced.class}.${input.enhanced.subject}.${input.enhanced.detail}`
      : input.enhanced;
  const key = `${input.code ?? ''}|${enhanced ?? ''}|${input.host ?? ''}|${input.text ?? ''}`;
  const cached = key.length <= maxCachedKey ? recent.get(key) : undefined;
  if (cached) return cached;
  const result = Object.freeze(classify(input));
  if (key.length <= maxCachedKey) {
    // A log repeats the same replies: keep the last few hundred, and start over when full.
    if (recent.size >= maxCached) recent.clear();
    recent.set(key, result);
  }
  return result;
}

const maxCached = 512;
const maxCachedKey = 600;
const recent = new Map<string, ReasonMatch>();

function classify(input: ReasonInput): ReasonMatch {
  const text = readable(input.text);
  const match = decide(input, text);
  if (match.id === 'delivered' || text === '') return match;
  const link = linkIn(text) ?? match.link;
  const list = listIn(text, compiledRules().blockList);
  return { ...match, ...(link !== undefined && { link }), ...(list !== undefined && { list }) };
}
