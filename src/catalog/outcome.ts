// How a request ended, by the codes it was answered with (RFC 5321 section 4.2.1, RFC 3463):
// the rules that decide `kind` and `retryable`, apart from the texts that say them.
import type { ClientErrorCause } from '../replies/client-error.js';
import type { EnhancedStatus } from '../replies/parse-reply.js';
import { isOutcomeClass, type OutcomeClass } from '../replies/syntax.js';
import { SmtpStatusCode } from './smtp-status-code.js';
import type { ReplyKind } from './types.js';

const enhancedKinds = { 2: 'positive', 4: 'transient', 5: 'permanent' } as const;

/**
 * A reply code's kind, by its first digit; `GeneralFailure` (-1, a client error) is transient.
 *
 * @example kindOf(452) // 'transient'
 */
export function kindOf(code: number): ReplyKind {
  if (code === SmtpStatusCode.GeneralFailure) return 'transient';
  return (
    (['unknown', 'unknown', 'positive', 'intermediate', 'transient', 'permanent'] as const)[Math.trunc(code / 100)] ??
    'unknown'
  );
}

/**
 * The class a reply code says an outcome with (2, 4 or 5), else `undefined` (1xx, 3xx, 0, -1).
 *
 * @example replyClass(354) // undefined
 */
export function replyClass(code: number): OutcomeClass | undefined {
  const cls = Math.trunc(code / 100);
  return isOutcomeClass(cls) ? cls : undefined;
}

/**
 * Whether an enhanced code's class is its reply code's (an enhanced code alone, code 0, always is).
 *
 * @example agreesWith(550, { class: 4, subject: 4, detail: 7 }) // false
 */
export function agreesWith(code: number, status: EnhancedStatus | undefined): boolean {
  return code === 0 || status === undefined || status.class === Math.trunc(code / 100);
}

/**
 * The class an enhanced code's text opens with: the reply code's when they disagree (and it has
 * one), so the text never says the opposite of what the reply code means.
 *
 * @example saidClass(550, { class: 4, subject: 4, detail: 7 }, false) // 5
 */
export function saidClass(code: number, status: EnhancedStatus, agrees: boolean): OutcomeClass {
  return agrees ? status.class : (replyClass(code) ?? status.class);
}

/**
 * How the request ended: a client error's cause says it (transient when it may pass, unknown
 * when unknown); else the reply code, or the enhanced code's class when it agrees (more
 * precise) or stands alone.
 *
 * @example kindFor(550, { class: 5, subject: 1, detail: 1 }, true) // 'permanent'
 */
export function kindFor(
  code: number,
  status: EnhancedStatus | undefined,
  agrees: boolean,
  found?: ClientErrorCause,
): ReplyKind {
  if (found) {
    if (found.retryable) return 'transient';
    return found.id === 'unknown' ? 'unknown' : 'permanent';
  }
  return status && agrees ? enhancedKinds[status.class] : kindOf(code);
}
