/**
 * Every reason the classifier gives, as `docs/project/reasons.md` defines them (the build checks
 * that page against this list): Sisimai's 29 failure reasons in kebab-case (drop the hyphens to
 * get Sisimai's name in lower case), then `delivered`, `feedback`, `vacation` and `unknown`.
 *
 * @example reasonIds.includes('user-unknown') // true
 */
export const reasonIds = [
  'auth-failure',
  'bad-reputation',
  'blocked',
  'content-error',
  'email-too-large',
  'expired',
  'failed-starttls',
  'filtered',
  'has-moved',
  'host-unknown',
  'mailbox-full',
  'mailer-error',
  'network-error',
  'no-relaying',
  'not-accept',
  'not-compliant-rfc',
  'policy-violation',
  'rate-limited',
  'rejected',
  'require-ptr',
  'security-error',
  'spam-detected',
  'suppressed',
  'suspend',
  'syntax-error',
  'system-error',
  'system-full',
  'user-unknown',
  'virus-detected',
  'delivered',
  'feedback',
  'vacation',
  'unknown',
] as const;

/** One reason id, e.g. `'mailbox-full'`. */
export type ReasonId = (typeof reasonIds)[number];

const known: ReadonlySet<string> = /* @__PURE__ */ new Set(reasonIds); // pure: a bundle that never asks drops it

/**
 * Whether a string is one of the reason ids.
 *
 * @example isReasonId('blocked') // true
 */
export function isReasonId(value: string): value is ReasonId {
  return known.has(value);
}
