import { show } from '../errors/show-value.js';
import { enhancedCodePattern, isDigit, replyCodeAt, replyLikePattern, replyLinePattern } from './syntax.js';

/** An enhanced status code (RFC 3463): `class.subject.detail`, e.g. `5.1.1`. */
export interface EnhancedStatus {
  /** 2 (success), 4 (persistent transient failure) or 5 (permanent failure). */
  class: 2 | 4 | 5;
  subject: number;
  detail: number;
}

/** An SMTP reply as `parseReply` reads it. */
export interface SmtpReply {
  /** The reply code, 200–599. */
  code: number;
  /** The enhanced status code that starts the text, if there is one. */
  enhanced?: EnhancedStatus;
  /** The server's text: every line's text without code or enhanced code, joined with spaces. */
  text: string;
  /** Each line's text after the code and its separator, as the server sent it. */
  lines: string[];
}

/** The code and each line's text, or the reason the lines are not one reply. */
function readLines(input: string): { code: string; lines: string[] } | string {
  const lines: string[] = [];
  let code: string | undefined;
  for (const [index, line] of input.trimEnd().split(/\r?\n/u).entries()) {
    const lineCode = replyLinePattern.exec(line)?.[1];
    if (lineCode === undefined) {
      const other = replyLikePattern.exec(line)?.[1];
      return other === undefined
        ? `line ${index + 1} does not start with a reply code: ${show(line)}`
        : `reply code ${other} is outside 200-599`;
    }
    if (code !== undefined && lineCode !== code)
      return `line ${index + 1} has code ${lineCode}, the first line ${code}`;
    code = lineCode;
    lines.push(line.slice(4));
  }
  return code === undefined ? 'empty reply' : { code, lines };
}

/** The value of 1 to 3 digits at `from` and where they end, as `[value, end]`; `end === from` when none. */
function digitsAt(text: string, from: number): [value: number, end: number] {
  let value = 0;
  let at = from;
  while (at < from + 3 && isDigit(text.charCodeAt(at))) value = value * 10 + text.charCodeAt(at++) - 48;
  return [value, at];
}

/**
 * The enhanced status code that opens a line's text (`5.1.1`, then white space or the end), as
 * `[length, subject, detail]`; read character by character, since this runs on every reply.
 */
function enhancedOf(text: string): [length: number, subject: number, detail: number] | undefined {
  const cls = text.charCodeAt(0);
  if (text.charCodeAt(1) !== 46 || (cls !== 50 && cls !== 52 && cls !== 53)) return undefined;
  const [subject, subjectEnd] = digitsAt(text, 2);
  if (subjectEnd === 2 || text.charCodeAt(subjectEnd) !== 46) return undefined;
  const [detail, end] = digitsAt(text, subjectEnd + 1);
  const after = text.charCodeAt(end);
  // White space (space, tab, CR, LF, VT, FF) or the end of the text (NaN).
  const closed = end > subjectEnd + 1 && (Number.isNaN(after) || after === 32 || (after >= 9 && after <= 13));
  return closed ? [end, subject, detail] : undefined;
}

/** How replies are read. */
export interface ParseReplyOptions {
  /**
   * Accept an enhanced code whose class is not the reply code's first digit (`550 4.4.7
   * QUEUE.Expired`, as some servers send): the reply code decides how the request ended, and the
   * enhanced code is kept. Default `false`: such a reply is a `SyntaxError`.
   */
  lenient?: boolean;
}

/** The reason a reply cannot be read, or the reply. Linear in the input: each line is looked at once. */
function read(input: unknown, lenient = false): SmtpReply | string {
  if (typeof input !== 'string') return `expected a string, got ${input === null ? 'null' : typeof input}`;
  let code: string;
  let lines: string[];
  if (input.indexOf('\n') === -1) {
    // One line, the common case: no splitting, no regular expression.
    const line = input.trimEnd();
    if (!replyCodeAt(line)) return readLines(line) as string;
    code = line.slice(0, 3);
    lines = [line.slice(4)];
  } else {
    const found = readLines(input);
    if (typeof found === 'string') return found;
    ({ code, lines } = found);
  }
  const line = lines[0] as string;
  const first = enhancedOf(line);
  const value = (code.charCodeAt(0) - 48) * 100 + (code.charCodeAt(1) - 48) * 10 + code.charCodeAt(2) - 48;
  if (first === undefined) return { code: value, text: lines.length === 1 ? line.trim() : joinText(lines), lines };
  if (line[0] !== code[0] && !lenient) {
    return `enhanced code ${line.slice(0, first[0])} has class ${line[0]}, but reply code ${code} is of class ${code[0]}`;
  }
  return {
    code: value,
    enhanced: { class: (line.charCodeAt(0) - 48) as 2 | 4 | 5, subject: first[1], detail: first[2] },
    text: lines.length === 1 ? line.slice(first[0]).trim() : joinText(lines, line.slice(0, first[0])),
    lines,
  };
}

function textOf(line: string, prefix: string | undefined): string {
  return (prefix !== undefined && line.startsWith(prefix) ? line.slice(prefix.length) : line).trim();
}

function joinText(lines: readonly string[], prefix?: string): string {
  let text = '';
  for (const line of lines) {
    const part = textOf(line, prefix);
    if (part !== '') text = text === '' ? part : `${text} ${part}`;
  }
  return text;
}

/**
 * Reads an SMTP reply as a client holds it: one line or several (RFC 5321 §4.2: `550-` lines,
 * then a final `550 ` line), CRLF or LF, as nodemailer's `error.response` gives it. Throws a
 * `SyntaxError` naming what is wrong (a `TypeError` for what is not a string): no code, lines with different codes, a code outside
 * 200–599, or (unless `lenient`) an enhanced code whose class is not the reply code's first digit.
 *
 * @example parseReply('550 5.1.1 User unknown') // { code: 550, enhanced: { class: 5, subject: 1, detail: 1 }, text: 'User unknown', lines: ['5.1.1 User unknown'] }
 */
export function parseReply(text: string, options?: ParseReplyOptions): SmtpReply {
  const result = read(text, options?.lenient);
  if (typeof text !== 'string') throw new TypeError(`Not an SMTP reply: ${result}`);
  if (typeof result === 'string') throw new SyntaxError(`Not an SMTP reply: ${result}`);
  return result;
}

/**
 * Whether a text cannot be a reply by its first four characters: no code of 2xx-5xx, or a fourth
 * digit (a date, `2024-…`). Said without building the reason, which `safeParseReply` drops: the
 * CLI asks it of every line of a mail log.
 */
function surelyNoReply(text: string): boolean {
  const first = text.charCodeAt(0);
  const code = first >= 50 && first <= 53 && isDigit(text.charCodeAt(1)) && isDigit(text.charCodeAt(2));
  return !code || isDigit(text.charCodeAt(3));
}

/** `parseReply` that returns `undefined` instead of throwing. @example safeParseReply('hello') // undefined */
export function safeParseReply(text: unknown, options?: ParseReplyOptions): SmtpReply | undefined {
  if (typeof text === 'string' && surelyNoReply(text)) return undefined;
  const result = read(text, options?.lenient);
  return typeof result === 'string' ? undefined : result;
}

/**
 * Why a text is not a reply (as `parseReply`'s error says it), or `undefined` when it is one.
 *
 * @example replyProblem('600 x', { lenient: true }) // 'reply code 600 is outside 200-599'
 */
export function replyProblem(text: string, options?: ParseReplyOptions): string | undefined {
  const result = read(text, options?.lenient);
  return typeof result === 'string' ? result : undefined;
}

/**
 * An enhanced status code written alone (`'5.1.1'`, as Postfix logs `dsn=5.1.1`), or `undefined`.
 *
 * @example parseEnhanced('4.2.2') // { class: 4, subject: 2, detail: 2 }
 */
export function parseEnhanced(text: string): EnhancedStatus | undefined {
  const match = enhancedCodePattern.exec(text);
  return match
    ? { class: Number(match[1]) as 2 | 4 | 5, subject: Number(match[2]), detail: Number(match[3]) }
    : undefined;
}

/** `5.1.1` for `{ class: 5, subject: 1, detail: 1 }`. */
export function formatEnhanced(status: EnhancedStatus): string {
  return `${status.class}.${status.subject}.${status.detail}`;
}
