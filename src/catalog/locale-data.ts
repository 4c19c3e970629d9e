import type { CauseId } from '../replies/client-error.js';
import type { SmtpStatusName } from './smtp-status-code.js';

/**
 * The keys of the generic texts for reply codes the enumeration does not list: one per
 * class (first digit) and one per category (second digit), as RFC 5321 section 4.2.1 defines them.
 */
export const genericKeys = ['2xx', '3xx', '4xx', '5xx', 'x0x', 'x1x', 'x2x', 'x3x', 'x4x', 'x5x'] as const;

/** A key of the generic texts, e.g. `'5xx'` or `'x5x'`. */
export type GenericKey = (typeof genericKeys)[number];

/**
 * Descriptions of enhanced status codes (RFC 3463), keyed as the IANA registry writes them:
 * classes `'5.X.X'`, subjects `'X.1.X'`, codes `'X.1.1'`.
 *
 * @example const texts: EnhancedTexts = { '5.X.X': 'Permanent failure', 'X.1.1': 'No such mailbox' }
 */
export type EnhancedTexts = Readonly<Record<string, string>>;

/** The pattern every key of `EnhancedTexts` matches. */
export const enhancedKeyPattern = /^(?:[245]\.X\.X|X\.\d{1,3}\.X|X\.\d{1,3}\.\d{1,3})$/u;

/**
 * Descriptions of the causes of client errors without a reply, keyed by cause id
 * (`'connection-refused'`…); a cause a language lacks is described in the fallback language.
 *
 * @example const texts: CauseTexts = { timeout: 'The server did not answer in time.' }
 */
export type CauseTexts = Readonly<Partial<Record<CauseId, string>>>;

/** The pattern every key of `CauseTexts` matches: lower-case words joined by `-`. */
export const causeKeyPattern = /^[a-z]+(?:-[a-z]+)*$/u;

/**
 * The descriptions of one language, as `registerLocale` takes them and
 * `smtp-status-i18n/locales/<lang>` exports them.
 *
 * @example registerLocale({ lang: 'de', codes: { NotDefined: 'Nicht definiert', … } })
 */
export interface LocaleData {
  /** BCP 47 language tag, e.g. `'fr'` or `'pt-BR'`. */
  readonly lang: string;
  /** The description of every `SmtpStatusCode` member. */
  readonly codes: Readonly<Record<SmtpStatusName, string>>;
  /** Texts for unlisted reply codes; without them the English ones are used. */
  readonly generic?: Readonly<Record<GenericKey, string>> | undefined;
  /**
   * Texts for enhanced status codes (in `smtp-status-i18n/locales/<lang>`, not in `<lang>.codes`);
   * without them the fallback language's, else the class in the generic texts' words.
   */
  readonly enhanced?: EnhancedTexts | undefined;
  /** Texts for the causes of client errors (`smtp-status-i18n/locales/<lang>.causes`); without them the English ones are used. */
  readonly causes?: CauseTexts | undefined;
}
