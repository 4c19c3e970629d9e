import { causeReasonTable } from '../internal/cause-reasons.js';
import type { CauseId } from '../replies/client-error.js';
import type { ReasonId } from './reason-ids.js';

/**
 * The reason behind each cause of a client error that got no reply (src/replies/client-error.ts),
 * as docs/project/reason-rules/causes.md gives it: network trouble is `network-error`, TLS
 * `failed-starttls`, what the sending program stopped at by itself `mailer-error`.
 *
 * @example causeReasons['connection-refused'] // 'network-error'
 */
export const causeReasons: Readonly<Record<CauseId, ReasonId>> = causeReasonTable;

/**
 * The reason behind a cause, as a reason match (decided by the cause, never contradicted).
 *
 * @example causeReason('timeout').id // 'network-error'
 */
export function causeReason(id: CauseId): { id: ReasonId; by: 'cause'; disagrees: false } {
  return { id: causeReasons[id], by: 'cause', disagrees: false };
}
