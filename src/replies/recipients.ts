// Every failed recipient of one send, as nodemailer reports them: the error of a send every
// recipient refused (`rejectedErrors`), or the `info` of a partial send (`rejected`, `rejectedErrors`).
import type { Catalog, Explanation } from '../catalog/create-catalog.js';
import type { LanguagePreference } from '../catalog/negotiate-language.js';

/** One failed recipient, explained. */
export type RecipientExplanation = Explanation & {
  /** The recipient's address, when the error or `info` names it. */
  recipient?: string;
};

function field(value: unknown, key: string): unknown {
  try {
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  } catch {
    return undefined;
  }
}

function withRecipient(explained: Explanation, recipient: unknown): RecipientExplanation {
  return typeof recipient === 'string' ? { ...explained, recipient } : explained;
}

/**
 * Explains each failed recipient of a send: from `rejectedErrors` (each error carries its
 * `recipient`), then any address of `rejected` no error covers (its cause unknown). An error
 * without them (the connection failed, the sign-in was refused…) failed the whole send: one
 * entry, for it. A result without rejections gives `[]`.
 */
export function explainRecipientsWith(
  explain: Catalog['explain'],
  result: unknown,
  lang: LanguagePreference,
): RecipientExplanation[] {
  const errors = field(result, 'rejectedErrors');
  const rejected = field(result, 'rejected');
  const explained: RecipientExplanation[] = Array.isArray(errors)
    ? errors.map((error) => withRecipient(explain(error, lang), field(error, 'recipient')))
    : [];
  const covered = new Set(explained.map((entry) => entry.recipient));
  if (Array.isArray(rejected)) {
    for (const address of rejected) {
      if (typeof address === 'string' && !covered.has(address)) {
        explained.push({ ...explain(undefined, lang), recipient: address });
      }
    }
  }
  const failed =
    result instanceof Error || field(result, 'code') !== undefined || field(result, 'responseCode') !== undefined;
  if (explained.length > 0 || !failed) return explained;
  return [withRecipient(explain(result, lang), field(result, 'recipient'))];
}
