// The shapes of the codes SMTP writes, in one place: the reply parser, the mail log reader, the
// input resolver and the build all ask these questions, and a second copy of a rule drifts.

/** The classes a reply or an enhanced code can say an outcome with: 2 success, 4 transient, 5 permanent. */
export type OutcomeClass = 2 | 4 | 5;

/**
 * Whether a character code is an ASCII digit (`charCodeAt` keeps the hot paths free of strings).
 *
 * @example isDigit('7'.charCodeAt(0)) // true
 */
export function isDigit(char: number): boolean {
  return char >= 48 && char <= 57;
}

/**
 * Whether `n` is 2, 4 or 5: the first digit of a reply code that ends a request, and every
 * enhanced code's class (RFC 3463).
 *
 * @example isOutcomeClass(Math.trunc(550 / 100)) // true
 */
export function isOutcomeClass(n: number): n is OutcomeClass {
  return n === 2 || n === 4 || n === 5;
}

/**
 * Whether a reply code (2xx–5xx, then a space, a hyphen or the end) starts at `at`, as RFC 5321
 * section 4.2 writes one.
 *
 * @example replyCodeAt('host said: 550 5.1.1 Unknown', 11) // true
 */
export function replyCodeAt(text: string, at = 0): boolean {
  const first = text.charCodeAt(at);
  const after = text.charCodeAt(at + 3);
  return (
    first >= 50 &&
    first <= 53 &&
    isDigit(text.charCodeAt(at + 1)) &&
    isDigit(text.charCodeAt(at + 2)) &&
    (after === 32 || after === 45 || Number.isNaN(after))
  );
}

/** A reply code alone, as a string: `'550'`. */
export const replyCodePattern = /^[2-5]\d\d$/u;

/** A reply line's code (2xx–5xx, then `-`, a space or the end), captured: `550-First line`. */
export const replyLinePattern = /^([2-5]\d\d)(?:[ -]|$)/u;

/** Three digits that start a line as a reply code would (`600 …` included), captured: the text was meant as a reply. */
export const replyLikePattern = /^(\d{3})(?:[ -]|$)/u;

/** An enhanced status code alone (RFC 3463: class, subject and detail of at most three digits): `'5.1.1'`. */
export const enhancedCodePattern = /^([245])\.(\d{1,3})\.(\d{1,3})$/u;

/** An enhanced status code at the start of a text (`dsn=4.4.1,` in a mail log). */
export const enhancedCodePrefix = /^[245]\.\d{1,3}\.\d{1,3}/u;
