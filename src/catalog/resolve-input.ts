import { show } from '../errors/show-value.js';
import { type SmtpReply, safeParseReply } from '../replies/parse-reply.js';
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

/** A reply as a server sent it: `'550 5.1.1 User unknown'`, or several `550-` lines. */
export type ReplyString = `${ReplyCodeString} ${string}` | `${ReplyCodeString}-${string}`;

/**
 * An error from an SMTP client such as nodemailer: the reply in `response` and its code in
 * `responseCode`; an error without a reply (`code: 'ECONNREFUSED'`, `'ETIMEDOUT'`) means
 * `GeneralFailure`.
 */
export interface SmtpErrorLike {
  responseCode?: number | undefined;
  response?: string | undefined;
  code?: string | undefined;
}

/** Everything `describe` and `explain` accept: a code, a reply (as text or parsed), or a client error. */
export type SmtpStatusInput = StatusCodeInput | ReplyString | SmtpReply | SmtpErrorLike;

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

/** A code, and the reply it came from when the input was one. */
export interface ResolvedInput {
  code: number;
  reply?: SmtpReply;
}

/** A parsed reply as `parseReply` returns it (checked, since it may be built by hand). */
function fromReply(reply: Record<string, unknown>): ResolvedInput | undefined {
  const { code, text, lines, enhanced } = reply;
  if (typeof code !== 'number' || !Number.isInteger(code) || code < 200 || code > 599) return undefined;
  if (typeof text !== 'string' || !Array.isArray(lines)) return undefined;
  if (enhanced !== undefined) {
    const { class: cls, subject, detail } = (enhanced ?? {}) as Record<string, unknown>;
    const valid = cls === Math.trunc(code / 100) && Number.isInteger(subject) && Number.isInteger(detail);
    if (!valid || (subject as number) < 0 || (detail as number) < 0) return undefined;
  }
  return { code, reply: reply as unknown as SmtpReply };
}

function fromError(error: object): ResolvedInput | undefined {
  if (typeof (error as { code?: unknown }).code === 'number') return fromReply(error as Record<string, unknown>);
  const { responseCode, response, code } = error as Record<string, unknown>;
  const reply = typeof response === 'string' ? safeParseReply(response) : undefined;
  if (reply !== undefined) return { code: reply.code, reply };
  if (responseCode !== undefined) {
    const resolved = typeof responseCode === 'number' && responseCode >= 200 ? resolveCode(responseCode) : undefined;
    return resolved === undefined ? undefined : { code: resolved };
  }
  // No reply at all: the connection failed before the server said anything.
  return typeof code === 'string' && response === undefined ? { code: SmtpStatusCode.GeneralFailure } : undefined;
}

/** The code for any input `describe` accepts (code, name, reply, client error), or `undefined`. */
export function resolveInput(input: unknown): ResolvedInput | undefined {
  const code = resolveCode(input);
  if (code !== undefined) return { code };
  if (typeof input === 'string') {
    const reply = safeParseReply(input);
    return reply === undefined ? undefined : { code: reply.code, reply };
  }
  if (typeof input !== 'object' || input === null) return undefined;
  try {
    return fromError(input);
  } catch {
    // A getter that throws, a revoked Proxy: not an SMTP client error.
    return undefined;
  }
}

/** What `describe` accepts, as its errors say it. */
export const anyInput =
  'expected an SmtpStatusCode value or name, an SMTP reply code from 200 to 599, a reply, or an SMTP client error';

/**
 * The error `describe` throws for an input that names no status code: it names the value, and
 * what was expected.
 */
export function codeError(input: unknown, expected: string): TypeError | RangeError {
  return typeof input === 'number' || typeof input === 'string'
    ? new RangeError(`Not an SMTP status code: ${show(input)} (${expected})`)
    : new TypeError(
        `Not an SMTP status code: ${show(input)} (type ${input === null ? 'null' : typeof input}; ${expected})`,
      );
}
