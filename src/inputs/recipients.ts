// Every failed recipient of one send, as nodemailer reports them: the error of a send every
// recipient refused (`rejectedErrors`), or the `info` of a partial send (`rejected`, `rejectedErrors`).
import type { LanguagePreference } from '../catalog/negotiate-language.js';
import type { Catalog, Explanation, RecipientExplanation } from '../catalog/types.js';
import { readField } from '../replies/read-field.js';
import { replyCodeAt } from '../replies/syntax.js';

// nodemailer's default `maxRecipients`: a send has no more refusals than this to look through,
// and a hand-built array-like with a huge `length` costs no more.
const maxRefusals = 100_000;

/** Whether an error of `rejectedErrors` carries a permanent reply (5xx by `responseCode`, else by its `response`). */
function isPermanent(refusal: unknown): boolean {
  const code = readField(refusal, 'responseCode');
  if (typeof code === 'number') return code >= 500 && code <= 599;
  const response = readField(refusal, 'response');
  return typeof response === 'string' && replyCodeAt(response, 0) && response.charCodeAt(0) === 53;
}

/**
 * What speaks for a send every recipient refused, as a whole: nodemailer's error carries only
 * the last reply (`452`, retryable), though another recipient's may be permanent (`550`). The
 * send is not retryable when any refusal is permanent, so the first permanent refusal of
 * `rejectedErrors` speaks for it; `undefined` when the error's own reply already does (none is
 * permanent, or its own is). `explainRecipients` explains every refusal.
 *
 * @example refusalForSend({ responseCode: 452, rejectedErrors: [{ responseCode: 550, … }, { responseCode: 452, … }] }) // the 550 error
 */
export function refusalForSend(error: object): object | undefined {
  const refusals = readField(error, 'rejectedErrors');
  if (!Array.isArray(refusals) || isPermanent(error)) return undefined;
  const count = Math.min(refusals.length, maxRefusals);
  for (let index = 0; index < count; index++) {
    const refusal: unknown = refusals[index];
    if (typeof refusal === 'object' && refusal !== null && isPermanent(refusal)) return refusal;
  }
  return undefined;
}

function withRecipient(explained: Explanation, recipient: unknown): RecipientExplanation {
  // `explain`'s answer is frozen (and may be kept): the recipient goes on a frozen copy.
  return typeof recipient === 'string' ? Object.freeze({ ...explained, recipient }) : explained;
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
        explained.push(Object.freeze({ ...explain(undefined, lang), recipient: address }));
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
