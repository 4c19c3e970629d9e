// Which codes a code's or a reason's page links to as related.
import type { Catalog } from '../../catalog/create-catalog.js';
import { SmtpStatusCode } from '../../catalog/smtp-status-code.js';
import type { ReasonId } from '../../reasons/reason-ids.js';

/** The reply codes of the enumeration (no `-1`, `0`: they are not replies), in order. */
const replyCodes = Object.values(SmtpStatusCode).filter((code) => code >= 200);

/**
 * A code's related codes: a reply code's class (`550` → the other `5xx`); an enhanced code's
 * subject (`5.1.1` → `X.1.1` and the class's `5.1.x`); a class-neutral code's two failure
 * classes and its subject.
 *
 * @example relatedCodes('X.1.1', ['X.1.1', 'X.1.2']) // ['4.1.1', '5.1.1', 'X.1.2']
 */
export function relatedCodes(code: string, enhancedCodes: readonly string[]): string[] {
  if (/^\d{3}$/u.test(code)) {
    return replyCodes.filter((each) => String(each)[0] === code[0] && String(each) !== code).map(String);
  }
  const [klass, subject] = code.split('.');
  const sameSubject = enhancedCodes.filter((each) => each.split('.')[1] === subject && each !== `X.${code.slice(2)}`);
  if (klass === 'X') return [`4${code.slice(1)}`, `5${code.slice(1)}`, ...sameSubject];
  if (klass === undefined || subject === undefined) return [];
  const neutral = `X${code.slice(1)}`;
  return [
    ...(enhancedCodes.includes(neutral) ? [neutral] : []),
    ...sameSubject.map((each) => `${klass}${each.slice(1)}`),
  ];
}

/**
 * The codes whose explanation gives a reason: the reply codes, then the registry's enhanced
 * codes in the failure classes (`5.1.1`, `4.2.2`) that the catalog explains with it.
 *
 * @example relatedToReason('user-unknown', catalog, ['X.1.1']) // ['5.1.1']
 */
export function relatedToReason(
  id: ReasonId,
  catalog: Pick<Catalog, 'explain'>,
  enhancedCodes: readonly string[],
): string[] {
  const replies = replyCodes.filter((code) => catalog.explain(code, 'en').reason?.id === id).map(String);
  const enhanced = enhancedCodes.flatMap((code) =>
    ['4', '5']
      .map((klass) => `${klass}${code.slice(1)}`)
      .filter((each) => catalog.explain(each, 'en').reason?.id === id),
  );
  return [...replies, ...enhanced];
}
