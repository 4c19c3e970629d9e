import { show } from '../errors/show-value.js';
import { refusalForSend } from '../inputs/recipients.js';
import {
  type EnhancedStatus,
  parseEnhanced,
  replyProblem,
  type SmtpReply,
  safeParseReply,
} from '../replies/parse-reply.js';
import { replyCodePattern, replyLikePattern } from '../replies/syntax.js';
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

/** An enhanced status code written alone, as mail logs give it (`dsn=5.1.1`): `'5.1.1'`. */
export type EnhancedCodeString = `${2 | 4 | 5}.${number}.${number}`;

/**
 * Everything `describe` accepts: a code, an enhanced code alone, a reply (as text or parsed), or
 * a client error.
 */
export type SmtpStatusInput = StatusCodeInput | EnhancedCodeString | ReplyString | SmtpReply | SmtpErrorLike;

const lenient = { lenient: true } as const;

// The longest text that can name a code: a member name, or three digits.
const longestName = Math.max(3, ...Object.keys(SmtpStatusCode).map((name) => name.length));

/** The numeric code for an input, or `undefined` when it names no status code. */
export function resolveCode(input: unknown): number | undefined {
  if (typeof input === 'number') {
    if (input === 0) return 0; // -0 too: its code is 0, as any other NotDefined's.
    return (Number.isInteger(input) && input >= 200 && input <= 599) || input === -1 ? input : undefined;
  }
  if (typeof input === 'string') {
    // A reply is no name and no code: its text is not hashed for a lookup that cannot succeed.
    if (input.length > longestName) return undefined;
    if (Object.hasOwn(SmtpStatusCode, input)) return SmtpStatusCode[input as SmtpStatusName];
    return replyCodePattern.test(input) ? Number(input) : undefined;
  }
  return undefined;
}

/**
 * A code, and the reply it came from when the input was one; an enhanced code given alone
 * (code `0`, NotDefined: no reply code was given); the client error, for one without a reply.
 */
export interface ResolvedInput {
  code: number;
  reply?: SmtpReply;
  enhanced?: EnhancedStatus;
  error?: object;
}

/**
 * A parsed reply as `parseReply` returns it (checked, since it may be built by hand), copied:
 * the explanation freezes what it holds, and the caller's reply (its lines) stays its own.
 */
function fromReply(reply: Record<string, unknown>): ResolvedInput | undefined {
  const { code, text, lines, enhanced } = reply;
  if (typeof code !== 'number' || !Number.isInteger(code) || code < 200 || code > 599) return undefined;
  if (typeof text !== 'string' || !Array.isArray(lines)) return undefined;
  // Literals, not spreads: this runs on every parsed reply explained.
  const copied: string[] = Array.prototype.slice.call(lines);
  if (enhanced === undefined) return { code, reply: { code, text, lines: copied } };
  // Any class: `parseReply(text, { lenient: true })` keeps one that disagrees with the code.
  const { class: cls, subject, detail } = (enhanced ?? {}) as Record<string, unknown>;
  const valid = (cls === 2 || cls === 4 || cls === 5) && Number.isInteger(subject) && Number.isInteger(detail);
  if (!valid || (subject as number) < 0 || (detail as number) < 0) return undefined;
  return {
    code,
    reply: {
      code,
      enhanced: { class: cls, subject: subject as number, detail: detail as number },
      text,
      lines: copied,
    },
  };
}

function fromError(error: object): ResolvedInput | undefined {
  // A send every recipient refused speaks through its first permanent refusal, if any.
  const refusal = refusalForSend(error);
  return fromOneError(refusal === undefined ? error : refusal);
}

function fromOneError(error: object): ResolvedInput | undefined {
  if (typeof (error as { code?: unknown }).code === 'number') return fromReply(error as Record<string, unknown>);
  const { responseCode, response, code } = error as Record<string, unknown>;
  const reply = typeof response === 'string' ? safeParseReply(response, lenient) : undefined;
  // A TLS failure is the cause even when the server answered (`500` to a STARTTLS it does not
  // offer): the reply is kept as what the server said.
  if (code === 'ETLS' || code === 'EREQUIRETLS') {
    return reply === undefined
      ? { code: SmtpStatusCode.GeneralFailure, error }
      : { code: SmtpStatusCode.GeneralFailure, reply, error };
  }
  if (reply !== undefined) return { code: reply.code, reply };
  if (responseCode !== undefined) {
    const resolved = typeof responseCode === 'number' && responseCode >= 200 ? resolveCode(responseCode) : undefined;
    return resolved === undefined ? undefined : { code: resolved };
  }
  // No reply at all: the connection failed before the server said anything.
  return typeof code === 'string' && response === undefined
    ? { code: SmtpStatusCode.GeneralFailure, error }
    : undefined;
}

/** The code for any input `describe` accepts (code, name, reply, client error), or `undefined`. */
export function resolveInput(input: unknown): ResolvedInput | undefined {
  const code = resolveCode(input);
  if (code !== undefined) return { code };
  if (typeof input === 'string') {
    const reply = safeParseReply(input, lenient);
    if (reply !== undefined) return { code: reply.code, reply };
    const enhanced = parseEnhanced(input);
    return enhanced === undefined ? undefined : { code: SmtpStatusCode.NotDefined, enhanced };
  }
  if (typeof input !== 'object' || input === null) return undefined;
  try {
    return fromError(input);
  } catch {
    // A getter that throws, a revoked Proxy: not an SMTP client error.
    return undefined;
  }
}

/**
 * Throws `codeError` for what `describe` refuses: the strict check the CLI and the server make
 * before `explain` (which explains anything, as a cause `'unknown'` at worst).
 *
 * @example requireInput('abc') // throws RangeError: Not an SMTP status code: "abc" (…)
 */
export function requireInput(input: unknown): void {
  if (resolveInput(input) === undefined) throw inputError(input);
}

/**
 * The error for what `describe` refuses: a text that starts as a reply does says why it is not
 * one (`reply code 600 is outside 200-599`), anything else is `codeError`. Apart from `codeError`
 * so that `/lite`, which reads no replies, does not carry the reply parser.
 */
export function inputError(input: unknown): TypeError | RangeError {
  const problem = typeof input === 'string' && replyLikePattern.test(input) ? replyProblem(input, lenient) : undefined;
  return problem === undefined
    ? codeError(input, anyInput)
    : new RangeError(`Not an SMTP reply: ${show(input)}: ${problem}`);
}

/** What `describe` accepts, as its errors say it. */
export const anyInput =
  'expected an SmtpStatusCode value or name, an SMTP reply code from 200 to 599, an enhanced status code, a reply, or an SMTP client error';

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
