import type { CauseId } from '../replies/client-error.js';
import type { ReasonId } from './reason-ids.js';

/**
 * The reason behind each cause of a client error that got no reply (src/replies/client-error.ts),
 * as docs/project/reasons.md defines the reasons: network trouble is `network-error`, a name
 * that does not resolve `host-unknown`, TLS `failed-starttls`, sign-in `security-error`, what
 * the sending program refused or could not do `mailer-error`.
 *
 * @example causeReasons['connection-refused'] // 'network-error'
 */
export const causeReasons: Readonly<Record<CauseId, ReasonId>> = {
  'connection-refused': 'network-error',
  'connection-lost': 'network-error',
  timeout: 'network-error',
  'host-not-found': 'host-unknown',
  'dns-unavailable': 'network-error',
  'host-unreachable': 'network-error',
  'tls-certificate': 'failed-starttls',
  'tls-failed': 'failed-starttls',
  'tls-required': 'failed-starttls',
  // As X.7.30 (REQUIRETLS support required) in reason-rules/enhanced-codes.md.
  'requiretls-unsupported': 'failed-starttls',
  'auth-failed': 'security-error',
  'no-credentials': 'security-error',
  'no-recipients': 'mailer-error',
  'envelope-invalid': 'syntax-error',
  'too-many-recipients': 'mailer-error',
  'message-invalid': 'content-error',
  protocol: 'mailer-error',
  'limit-reached': 'mailer-error',
  aborted: 'mailer-error',
  configuration: 'mailer-error',
  unknown: 'unknown',
};

/**
 * The reason behind a cause, as a reason match (decided by the cause, never contradicted).
 *
 * @example causeReason('timeout').id // 'network-error'
 */
export function causeReason(id: CauseId): { id: ReasonId; by: 'cause'; disagrees: false } {
  return { id: causeReasons[id], by: 'cause', disagrees: false };
}
