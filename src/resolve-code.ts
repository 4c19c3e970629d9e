import { SmtpStatusCode, type SmtpStatusName } from './smtp-status-code.js';

type Digit = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/** A three-digit SMTP reply code as a string, e.g. `'550'`. */
export type ReplyCodeString = `${2 | 3 | 4 | 5}${Digit}${Digit}`;

/**
 * What names a status code: a `SmtpStatusCode` value, a member name, or any SMTP reply
 * code (200–599) as a number or a three-digit string.
 *
 * @example const input: StatusCodeInput = 'MailboxUnavailable'
 */
export type StatusCodeInput = SmtpStatusCode | SmtpStatusName | ReplyCodeString | number;

const replyCodeString = /^[2-5]\d\d$/u;

/** The numeric code for an input, or `undefined` when it names no status code. */
export function resolveCode(input: unknown): number | undefined {
  if (typeof input === 'number') {
    return (Number.isInteger(input) && input >= 200 && input <= 599) || input === 0 || input === -1 ? input : undefined;
  }
  if (typeof input === 'string') {
    if (Object.hasOwn(SmtpStatusCode, input)) return SmtpStatusCode[input as SmtpStatusName];
    return replyCodeString.test(input) ? Number(input) : undefined;
  }
  return undefined;
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (typeof value === 'object' && value !== null) return Object.prototype.toString.call(value);
  return String(value);
}

/** The error `describe` throws for an input that names no status code: it names the value. */
export function codeError(input: unknown): TypeError | RangeError {
  const expected = 'expected an SmtpStatusCode value or name, or an SMTP reply code from 200 to 599';
  return typeof input === 'number' || typeof input === 'string'
    ? new RangeError(`Not an SMTP status code: ${show(input)} (${expected})`)
    : new TypeError(
        `Not an SMTP status code: ${show(input)} (type ${input === null ? 'null' : typeof input}; ${expected})`,
      );
}
