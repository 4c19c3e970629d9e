import type { ReasonId } from './reason-ids.js';

/** How a provider is recognised: a pattern for the reply's text, or a domain its remote host ends in. */
export interface ProviderSign {
  provider: string;
  /** `text`: a case-insensitive regular expression for the reply's text; `host`: a domain (`google.com`). */
  from: 'text' | 'host';
  match: string;
  /** For `text`: the prefilter's pieces (scripts/reasons/pattern-grams.ts); absent when the pattern guarantees none. */
  grams?: readonly string[];
}

/**
 * The enhanced codes a rule takes: a class (`X` for 4 and 5), a subject, and a range of details
 * (`5.7.606-649` is `{ cls: '5', subject: 7, from: 606, to: 649 }`; `X.7.X` has `from: 0, to: 999`).
 */
export interface EnhancedRange {
  cls: 'X' | '2' | '4' | '5';
  subject: number;
  from: number;
  to: number;
}

/** One provider rule: what the reply must carry (each part optional) and the reason it gives. */
export interface ProviderRule {
  /** A reply code (`'550'`) or a class (`'5xx'`). */
  code?: string;
  enhanced?: EnhancedRange;
  /** A case-insensitive regular expression the reply's text must hold. */
  words?: string;
  reason: ReasonId;
  /** The provider's help page for this reply. */
  link?: string;
}

/** One phrase servers write, and its reason. */
export interface WordsRule {
  words: string;
  reason: ReasonId;
  /**
   * Three-character pieces of lower-cased text, one of which every match on ASCII text holds
   * (scripts/reasons/pattern-grams.ts); absent when the pattern guarantees none, empty when it
   * never matches ASCII text.
   */
  grams?: readonly string[];
}

/** The reason of an enhanced code's registered meaning, keyed `X.1.1`, a subject `X.7.X` or `2.X.X`. */
export interface EnhancedRule {
  reason: ReasonId;
  /** On a subject row: the reasons the reply's words may give without contradicting the code. */
  agrees?: readonly ReasonId[];
}

/**
 * The classifier's rules as the build reads them from `docs/project/reason-rules/`, in the order
 * they are tried.
 *
 * @example reasonRules.replyCodes['2xx'] // 'delivered'
 */
export interface ReasonRuleData {
  providers: readonly ProviderSign[];
  providerRules: Readonly<Record<string, readonly ProviderRule[]>>;
  words: readonly WordsRule[];
  enhanced: Readonly<Record<string, EnhancedRule>>;
  replyCodes: Readonly<Record<string, ReasonId>>;
  /** Block list zones (`spamhaus.org`): a name in the reply that ends in one is the list it names. */
  blockLists: readonly string[];
}
