// The kinds of texts the project writes besides upstream's member texts, in one table: the build
// (which page holds which kind, how its rows are checked, what it emits), registration (what a
// locale may hold) and the runtime types all read it. A new kind is one entry here plus its pages
// `docs/project/texts/<lang>.<name>.md`.
import { type ReasonId, reasonIds } from '../reasons/reason-ids.js';
import { type CauseId, causeIds } from '../replies/client-error.js';

/**
 * The keys of the generic texts for reply codes the enumeration does not list: one per
 * class (first digit) and one per category (second digit), as RFC 5321 section 4.2.1 defines them.
 */
export const genericKeys = ['2xx', '3xx', '4xx', '5xx', 'x0x', 'x1x', 'x2x', 'x3x', 'x4x', 'x5x'] as const;

/** A key of the generic texts, e.g. `'5xx'` or `'x5x'`. */
export type GenericKey = (typeof genericKeys)[number];

/** The pattern every key of the enhanced texts matches: classes `5.X.X`, subjects `X.1.X`, codes `X.1.1`. */
export const enhancedKeyPattern = /^(?:[245]\.X\.X|X\.\d{1,3}\.X|X\.\d{1,3}\.\d{1,3})$/u;

/** One kind of text: what its keys are, which are required, and where it goes. */
export interface TextKind<Name extends string = string> {
  /** The page suffix (`fr.<name>.md`), the locale's key and the module suffix (`locales/fr.<name>`). */
  readonly name: Name;
  /** What it is, for messages and the JSON Schema. */
  readonly title: string;
  /** The table's columns after the key, for messages: `description`. */
  readonly columns: string;
  /** The keys: a fixed list (in output order), or a pattern (the build checks them against the registry). */
  readonly keys: readonly string[] | RegExp;
  /** What a key must be, for messages: `a cause id (connection-refused, timeout…)`. */
  readonly keyHint: string;
  /** Whether a page of the kind must have every key of a fixed list (the build refuses one that lacks some). */
  readonly complete: boolean;
  /**
   * Whether a registered locale that has the kind must have every key too; else a missing key is
   * said in the fallback language's words.
   */
  readonly registerWhole: boolean;
  /** Whether the fallback language must have the kind: it is what every other language falls back to. */
  readonly fallbackNeeds: boolean;
  /**
   * The texts of each key, when there are several (a reason's `why`, `sender` and `admin`): the
   * table has a column for each, and the locale holds an object per key. Absent: one text a key.
   */
  readonly fields?: readonly string[];
  /**
   * `'codes'`: emitted with the member texts in `locales/<lang>.codes` (what `/lite` reads);
   * `'own'`: its own module; `'service'`: no part of a locale (the library never shows it), one
   * module for the HTTP service in `src/internal/<name>-texts.ts`.
   */
  readonly module: 'codes' | 'own' | 'service';
  /**
   * When the texts are messages (src/catalog/message-format.ts): the placeholders each key takes
   * (`{shown}`…); the build checks every text's braces, placeholders and plural categories.
   */
  readonly placeholders?: Readonly<Record<string, readonly string[]>>;
}

/** Texts for reply codes the enumeration does not list: by class (`5xx`) and category (`x5x`). */
export const genericKind: TextKind<'generic'> = {
  name: 'generic',
  title: 'Texts for reply codes the enumeration does not list: one per class (2xx…) and category (x0x…).',
  columns: 'reply class | description',
  keys: genericKeys,
  keyHint: 'a reply class (2xx…5xx) or category (x0x…x5x)',
  complete: true,
  // A class text and a category text make one sentence: half a set cannot be composed.
  registerWhole: true,
  fallbackNeeds: true,
  module: 'codes',
};

/** Texts for enhanced status codes (RFC 3463), keyed as the IANA registry writes them. */
export const enhancedKind: TextKind<'enhanced'> = {
  name: 'enhanced',
  title:
    'Texts for the enhanced status codes (RFC 3463): every code of the IANA registry (X.1.1…), and one per class (5.X.X) and subject (X.1.X) for the others.',
  columns: 'code | description',
  keys: enhancedKeyPattern,
  keyHint: 'an enhanced status code key (5.X.X, X.1.X or X.1.1)',
  complete: true,
  registerWhole: false,
  fallbackNeeds: true,
  module: 'own',
};

/** Texts for the causes of client errors that carry no SMTP reply. */
export const causesKind: TextKind<'causes'> = {
  name: 'causes',
  title: 'Texts for the causes of client errors that carry no SMTP reply (connection-refused, timeout…).',
  columns: 'cause | description',
  keys: causeIds,
  keyHint: 'a cause id (connection-refused, timeout… in src/replies/client-error.ts)',
  complete: true,
  registerWhole: false,
  fallbackNeeds: true,
  module: 'own',
};

/** Why a message failed, and advice for its sender and for the sending system's administrator. */
export const reasonsKind: TextKind<'reasons'> = {
  name: 'reasons',
  title:
    "Texts for the reasons of docs/project/reasons.md: why (one sentence that never says how the request ended), advice for the message's sender, and for the sending system's administrator.",
  columns: 'reason | why | sender | admin',
  keys: reasonIds,
  keyHint: 'a reason id (user-unknown, mailbox-full… in docs/project/reasons.md)',
  complete: true,
  registerWhole: false,
  fallbackNeeds: true,
  module: 'own',
  fields: ['why', 'sender', 'admin'],
};

/**
 * The reasons whose texts a client error replaces (`clientKind`): those of the causes between the
 * mail client and the server it sends through (docs/project/reason-rules/causes.md, Side
 * between), whose own texts speak of a server's reply and of servers that send again by
 * themselves. (`protocol`'s reason, `mailer-error`, speaks of the mail client already.)
 */
export const clientReasonIds = ['network-error', 'failed-starttls'] as const satisfies readonly ReasonId[];

/** A reason whose texts a client error replaces: `'network-error'` or `'failed-starttls'`. */
export type ClientReasonId = (typeof clientReasonIds)[number];

/** Whether a mail client's own error of reason `id` is told with texts of its own (`clientKind`). */
export const isClientReasonId = (id: ReasonId): id is ClientReasonId =>
  (clientReasonIds as readonly ReasonId[]).includes(id);

/**
 * A reason's texts for a client error: the mail client could not reach the server it sends
 * through, or set up the encryption it needs, and no server took the message.
 */
export const clientKind: TextKind<'client'> = {
  name: 'client',
  title:
    "Texts for the reasons of client errors that carry no reply (network-error, failed-starttls), told for the person at the mail client: why, advice for the sender, and for whoever sets the mail client up. They replace the reason's own texts for a client error.",
  columns: 'reason | why | sender | admin',
  keys: clientReasonIds,
  keyHint: 'a reason a client error without a reply has (network-error, failed-starttls)',
  complete: true,
  registerWhole: false,
  fallbackNeeds: true,
  module: 'own',
  fields: ['why', 'sender', 'admin'],
};

/**
 * The catalog page's own words, keyed by what they label, with the placeholders each takes: a
 * count is a placeholder the text may choose its plural form by (`{shown, plural, …}`).
 */
export const pageWordPlaceholders = {
  title: [],
  languages: [],
  'filter-label': [],
  'filter-button': [],
  'rows-shown': ['shown', 'total'],
  'reply-codes': [],
  'enhanced-codes': [],
  reasons: [],
  'column-code': [],
  'column-name': [],
  'column-class': [],
  'column-description': [],
  'kind-positive': [],
  'kind-intermediate': [],
  'kind-transient': [],
  'kind-permanent': [],
  'kind-unknown': [],
  'json-link': ['codes', 'openapi'],
  'ask-heading': [],
  'ask-label': [],
  'ask-button': [],
  'answer-heading': [],
  'answer-kind': [],
  'answer-retryable': [],
  'retryable-yes': [],
  'retryable-no': [],
  'answer-reason': [],
  'reason-with-link': ['reason', 'id'],
  'fallback-part': ['language'],
  'advice-sender': [],
  'advice-admin': [],
  'answer-recipient': [],
  'answer-error': [],
  'answer-too-large': [],
  'answer-failed': [],
  'bounce-recipients': ['count'],
  'bounce-none': [],
  'code-heading': ['code'],
  'reason-heading': ['reason'],
  'client-heading': [],
  'other-languages': [],
  'related-codes': [],
  'as-json': [],
  'all-codes': [],
  'not-found': ['name'],
  'skip-link': [],
} as const satisfies Record<string, readonly string[]>;

/** A key of the page's words, e.g. `'rows-shown'`. */
export type PageWordKey = keyof typeof pageWordPlaceholders;

/** The catalog page's own words (headings, labels, counts): the service's, never a locale's. */
export const pageKind: TextKind<'page'> = {
  name: 'page',
  title: "The catalog page's own words: headings, labels, counts (messages with placeholders and plural choices).",
  columns: 'key | text',
  // Pure: a bundle that reads no page words (every entry but the server) drops the kind.
  keys: /* @__PURE__ */ Object.keys(pageWordPlaceholders),
  keyHint: 'a key of the page words (title, rows-shown… in src/catalog/text-kinds.ts)',
  complete: true,
  registerWhole: false,
  fallbackNeeds: true,
  module: 'service',
  placeholders: pageWordPlaceholders,
};

/** Every kind, in the order locales hold them, then the service's. */
export const textKinds = [genericKind, enhancedKind, causesKind, reasonsKind, clientKind, pageKind] as const;

/** The name of a kind: `'generic'`, `'enhanced'`, `'causes'`. */
export type TextKindName = (typeof textKinds)[number]['name'];

/**
 * The kinds a locale holds (what `registerLocale` takes and `locales/` ships): every kind but
 * the service's (`module: 'service'`, which a test checks against this list). A literal list,
 * so a bundle that checks locales keeps no service texts.
 */
export const localeKinds = [genericKind, enhancedKind, causesKind, reasonsKind, clientKind] as const;

/**
 * Descriptions of enhanced status codes (RFC 3463), keyed as the IANA registry writes them:
 * classes `'5.X.X'`, subjects `'X.1.X'`, codes `'X.1.1'`.
 *
 * @example const texts: EnhancedTexts = { '5.X.X': 'Permanent failure', 'X.1.1': 'No such mailbox' }
 */
export type EnhancedTexts = Readonly<Record<string, string>>;

/**
 * Descriptions of the causes of client errors without a reply, keyed by cause id
 * (`'connection-refused'`…); a cause a language lacks is described in the fallback language.
 *
 * @example const texts: CauseTexts = { timeout: 'The server did not answer in time.' }
 */
export type CauseTexts = Readonly<Partial<Record<CauseId, string>>>;

/** A reason's texts: why the message failed, and advice for two people. */
export interface ReasonTexts {
  readonly why: string;
  readonly sender: string;
  readonly admin: string;
}

/**
 * Texts of the reasons, keyed by reason id; a reason a language lacks is said in the fallback
 * language's words.
 *
 * @example const texts: ReasonTexts = { 'mailbox-full': { why: '…', sender: '…', admin: '…' } }
 */
export type ReasonsTexts = Readonly<Partial<Record<ReasonId, ReasonTexts>>>;

/**
 * Texts of the reasons of client errors, keyed by reason id (`clientReasonIds`); a reason a
 * language lacks is said in the fallback language's words.
 *
 * @example const texts: ClientTexts = { 'network-error': { why: '…', sender: '…', admin: '…' } }
 */
export type ClientTexts = Readonly<Partial<Record<ClientReasonId, ReasonTexts>>>;

/** What each kind holds in a locale. */
export interface TextKindData {
  generic: Readonly<Record<GenericKey, string>>;
  enhanced: EnhancedTexts;
  causes: CauseTexts;
  reasons: ReasonsTexts;
  client: ClientTexts;
}

/**
 * Whether `key` is one of a kind's keys (a fixed list, or the pattern).
 *
 * @example isKindKey(causesKind, 'time-out') // false
 */
export function isKindKey(kind: TextKind, key: string): boolean {
  return kind.keys instanceof RegExp ? kind.keys.test(key) : kind.keys.includes(key);
}
