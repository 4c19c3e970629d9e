// Every failed recipient of one send, as nodemailer reports them: the error of a send every
// recipient refused (`rejectedErrors`), or the `info` of a partial send (`rejected`, `rejectedErrors`).
import type { LanguagePreference } from '../catalog/negotiate-language.js';
import type { Catalog, Explanation, RecipientExplanation } from '../catalog/types.js';
import { readField } from '../replies/read-field.js';

function withRecipient(explained: Explanation, recipient: unknown): RecipientExplanation {
  return typeof recipient === 'string' ? { ...explained, recipient } : explained;
}

/**
 * Explains each failed recipient of a send: from `rejectedErrors` (each error carries its
 * `recipient`), then any address of `rejected` no error covers (its cause unknown). An error
 * without them (the connection failed, the sign-in was refused…) failed the whole send: one
 * entry, for it. A result without rejections gives `[]`.
 *
 * @example explainRecipients(catalog, info, 'de').map((entry) => entry.recipient) // ['a@example.org']
 */
export function explainRecipients(
  { explain }: Pick<Catalog, 'explain'>,
  result: unknown,
  lang?: LanguagePreference,
): RecipientExplanation[] {
  const errors = readField(result, 'rejectedErrors');
  const rejected = readField(result, 'rejected');
  const explained: RecipientExplanation[] = Array.isArray(errors)
    ? errors.map((error) => withRecipient(explain(error, lang), readField(error, 'recipient')))
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
    result instanceof Error ||
    readField(result, 'code') !== undefined ||
    readField(result, 'responseCode') !== undefined;
  if (explained.length > 0 || !failed) return explained;
  return [withRecipient(explain(result, lang), readField(result, 'recipient'))];
}
