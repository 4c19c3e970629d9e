/**
 * The bounce entry: reads the delivery report a mail client receives and explains each
 * recipient in the reader's language. Its own entry, so the main entry and `/core` carry no
 * MIME code (postal-mime, this package's one runtime dependency, is imported here alone).
 *
 * @example
 *   import { explainBounce } from 'smtp-status-i18n/bounce';
 *   const report = await explainBounce(rawMessage, 'fr');
 *   report?.recipients.map((entry) => `${entry.recipient}: ${entry.text}`);
 */
import { type BounceExplanation, createBounceExplainer } from './bounces/explain-bounce.js';
import type { RawMessage } from './bounces/message-bytes.js';
import type { LanguagePreference } from './catalog/negotiate-language.js';
import { describeReason, explain } from './index.js';

export type {
  BounceAction,
  BounceExplainer,
  BounceExplanation,
  BounceRecipient,
} from './bounces/explain-bounce.js';
export { createBounceExplainer } from './bounces/explain-bounce.js';
export { bounceLimits } from './bounces/limits.js';
export type { RawMessage } from './bounces/message-bytes.js';
export type { ReportKind } from './bounces/read-bounce.js';
export type { ReturnedMessage } from './bounces/returned-message.js';

const explainWithMain = createBounceExplainer({ explain, describeReason });

/**
 * One message (raw bytes or text) read as a delivery report and each recipient explained with
 * the main entry's languages; `undefined` when it is no report. Never throws.
 *
 * @example (await explainBounce(raw, 'de'))?.recipients[0]?.kind // 'permanent'
 */
export const explainBounce = (message: RawMessage, lang?: LanguagePreference): Promise<BounceExplanation | undefined> =>
  explainWithMain(message, lang);
