import { show } from '../errors/show-value.js';
import { enhancedCodePrefix, replyCodeAt } from './syntax.js';

// What one line of a mail log says about a delivery: the recipient, the server's reply the line
// quotes, and the enhanced status code the log gives. Read with `indexOf` rather than one regular
// expression per format: `smtp-status explain < mail.log` runs this on every line.

/** What a mail log line says about one delivery. */
export interface LogEntry {
  /** The recipient the line names, without angle brackets. */
  recipient?: string;
  /** The server's reply the line quotes, as it was sent: `'550 5.1.1 <a@b.c>: Recipient address rejected: …'`. */
  reply?: string;
  /** The enhanced status code the log gives (`dsn=4.4.1`), for a line that quotes no reply. */
  enhanced?: string;
  /** What the log says instead of a reply, e.g. `'connect to mx.example.org[…]:25: Connection timed out'`. */
  detail?: string;
}

/**
 * A phrase a log line is searched for, searched by its `tail` (the phrase from its `skip`-th
 * character on) and checked whole where the tail is found: V8's `indexOf` is several times slower
 * on a pattern that starts with a character a log line holds everywhere (a space, an `s`) than on
 * its rarer tail (`said: ` for ` said: `, `;` for `smtp;`). Found where the whole phrase is first found.
 */
interface Phrase {
  text: string;
  tail: string;
  skip: number;
}

// Made at load: marked pure, so a bundle that never reads a log line drops them.
const phrase = (text: string, skip: number): Phrase => ({ text, skip, tail: text.slice(skip) });

/** Where `phrase` is first found in `line` from `from` on, or -1, as `line.indexOf(phrase.text, from)`. */
function find(line: string, { text, tail, skip }: Phrase, from = 0): number {
  for (let at = line.indexOf(tail, from + skip); at !== -1; at = line.indexOf(tail, at + 1)) {
    if (line.startsWith(text, at - skip)) return at - skip;
  }
  return -1;
}

const inReplyTo = /* @__PURE__ */ phrase(' (in reply to ', 1);
const said = /* @__PURE__ */ phrase(' said: ', 1);
const to = /* @__PURE__ */ phrase(' to=', 1);
const stars = /* @__PURE__ */ phrase(' ** ', 1);
const equals = /* @__PURE__ */ phrase(' == ', 1);
const stat = /* @__PURE__ */ phrase(' stat=', 1);
const reject = /* @__PURE__ */ phrase(' reject: ', 1);
const smtp = /* @__PURE__ */ phrase('smtp;', 4);

/** Where `mark` is first found in `text` from `from` on, if before `end`, else `end`. */
function endAt(text: string, mark: Phrase | string | undefined, from: number, end: number): number {
  if (mark === undefined) return end;
  const at = typeof mark === 'string' ? text.indexOf(mark, from) : find(text, mark, from);
  return at !== -1 && at < end ? at : end;
}

/**
 * The text from `from` to the first of the marks found (or the end), trimmed. Three marks at most,
 * as parameters: a rest parameter made an array on every call, and this runs several times a line.
 */
function until(text: string, from: number, first: Phrase | string, second?: string, third?: string): string {
  const end = endAt(text, third, from, endAt(text, second, from, endAt(text, first, from, text.length)));
  return text.slice(from, end).trim();
}

/** `user@example.org` from `<user@example.org>` at `from` (or a bare address up to `,` or a space). */
function addressAt(line: string, from: number): string | undefined {
  if (line.charCodeAt(from) === 60) {
    const end = line.indexOf('>', from);
    return end > from + 1 ? line.slice(from + 1, end) : undefined;
  }
  const address = until(line, from, ',', ' ', ')');
  return address.includes('@') ? address : undefined;
}

function recipientOf(line: string): string | undefined {
  // Postfix and Sendmail: `to=<a@b.c>`; Exim: `after RCPT TO:<a@b.c>`, else the address after `** ` or `== `.
  let at = find(line, to);
  if (at !== -1) return addressAt(line, at + 4);
  at = line.indexOf('RCPT TO:');
  if (at !== -1) return addressAt(line, at + 8);
  at = find(line, stars);
  if (at === -1) at = find(line, equals);
  return at === -1 ? undefined : addressAt(line, at + 4);
}

function dsnOf(line: string): string | undefined {
  const at = line.indexOf('dsn=');
  return at === -1 ? undefined : enhancedCodePrefix.exec(line.slice(at + 4, at + 16))?.[0];
}

/** A reply quoted from `from`: up to Postfix's ` (in reply to … command)`, a closing `)` or `'`, or Postfix's `; from=<`. */
function replyFrom(line: string, from: number, close?: string): string | undefined {
  return replyCodeAt(line, from) ? until(line, from, inReplyTo, '; from=<', close) : undefined;
}

// Where each format quotes the server's reply, and what closes the quote. Postfix's other
// phrases before a reply (`refused to talk to me:`) are read by `replyAfterWords`.
const quotes: readonly [marker: Phrase, close?: string][] = [
  [said, ')'], // Postfix: `(host mx[…] said: 550 5.1.1 … (in reply to RCPT TO command))`
  [/* @__PURE__ */ phrase('The response was: ', 0)], // Gmail bounces
  [/* @__PURE__ */ phrase('The response from the remote server was: ', 0)],
];

/** The first reply that follows a `: ` from `from` on (`Deferred: 421 …`, `… refused to talk to me: 421 …`). */
function replyAfterWords(line: string, from: number, close?: string): string | undefined {
  // Each `: ` is looked at once and `replyCodeAt` reads four characters: linear in the line.
  for (let at = line.indexOf(': ', from); at !== -1; at = line.indexOf(': ', at + 2)) {
    if (replyCodeAt(line, at + 2)) return replyFrom(line, at + 2, close);
  }
  return undefined;
}

// Exchange and Microsoft 365 write "Remote Server returned" or "Remote server returned"; matched
// in any case, as a literal (no backtracking).
const exchangeMarker = /remote server returned '/iu;

/** Whether the character after a `'` closes a quote: the end, a space, `,` `.` `;` `>` or `)`. */
function endsQuote(char: number): boolean {
  return (
    Number.isNaN(char) ||
    char === 32 ||
    char === 9 ||
    char === 44 ||
    char === 46 ||
    char === 59 ||
    char === 62 ||
    char === 41
  );
}

/**
 * Exchange NDR: `Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'`. The
 * quote closes at a `'` that ends a word (followed by the end, a space or punctuation), so the
 * apostrophe of "can't" inside the server's text does not cut it short.
 */
function exchangeReply(line: string): string | undefined {
  // Most lines hold no quote at all: one `indexOf` spares them the case-insensitive search.
  const found = line.includes("'") ? exchangeMarker.exec(line) : null;
  if (found === null) return undefined;
  const from = found.index + found[0].length;
  let end = line.indexOf("'", from);
  while (end !== -1 && !endsQuote(line.charCodeAt(end + 1))) end = line.indexOf("'", end + 1);
  const quoted = end === -1 ? line.slice(from) : line.slice(from, end);
  return replyCodeAt(quoted, 0) ? replyFrom(quoted, 0) : smtpSemicolon(quoted);
}

/** Exim: `SMTP error from remote mail server after RCPT TO:<a@b.c>: 550 …` (the command may hold `:`). */
function eximReply(line: string): string | undefined {
  const at = line.indexOf('SMTP error from remote mail server after ');
  if (at === -1) return undefined;
  const angle = line.indexOf('>: ', at);
  let from = angle === -1 ? line.indexOf(': ', at + 41) : angle + 1;
  while (from !== -1) {
    if (replyCodeAt(line, from + 2)) return replyFrom(line, from + 2);
    // `host mx.example.org [192.0.2.25]: 550 …`, as bounces write it.
    from = line.indexOf(': ', from + 2);
  }
  return undefined;
}

/** Exchange's older form: `#5.1.1 smtp;550 5.1.1 User unknown`, `<#4.4.7>`. */
function smtpSemicolon(line: string): string | undefined {
  const at = find(line, smtp);
  return at === -1 ? undefined : replyFrom(line, at + 5, '>');
}

/**
 * Postfix's `status=… (…)`: a reply alone (`status=sent (250 2.0.0 Ok: queued as …)`) or after
 * other words than `said:`; Sendmail's `stat=` likewise; else Postfix's NOQUEUE
 * `reject: RCPT from …: 554 …`.
 */
function postfixReply(line: string): string | undefined {
  const status = line.indexOf('status=');
  if (status !== -1) {
    const open = line.indexOf('(', status);
    if (open === -1) return undefined;
    // `(250 2.0.0 Ok)`, else a reply after Postfix's words: `(host mx[…] refused to talk to me: 421 …)`.
    return replyFrom(line, open + 1, ')') ?? replyAfterWords(line, open + 1, ')');
  }
  // Sendmail: `stat=Deferred: 421 4.3.2 Service not available` (the reply runs to the end).
  const statAt = find(line, stat);
  if (statAt !== -1) return replyFrom(line, statAt + 6) ?? replyAfterWords(line, statAt + 6);
  const rejectAt = find(line, reject);
  if (rejectAt === -1) return undefined;
  const colon = line.indexOf(']: ', rejectAt);
  return colon === -1 ? undefined : replyFrom(line, colon + 3);
}

function quotedReply(line: string): string | undefined {
  for (const [marker, close] of quotes) {
    const at = find(line, marker);
    if (at !== -1) {
      const reply = replyFrom(line, at + marker.text.length, close);
      if (reply !== undefined) return reply;
    }
  }
  return exchangeReply(line) ?? eximReply(line) ?? smtpSemicolon(line) ?? postfixReply(line);
}

/** What the log says instead of a reply: Postfix's `status=deferred (…)`, Sendmail's `stat=Deferred: …`. */
function detailOf(line: string): string | undefined {
  let at = line.indexOf('status=');
  if (at !== -1) {
    const open = line.indexOf('(', at);
    if (open !== -1) {
      const words = until(line, open + 1, inReplyTo);
      return words.endsWith(')') ? words.slice(0, -1) : words;
    }
  }
  at = find(line, stat);
  return at === -1 ? undefined : line.slice(at + 6).trim();
}

/**
 * Reads one line of a mail log, or a reply alone: the recipient it names, the server's reply it
 * quotes (Postfix `… said: 550 5.1.1 …` or after other words, `… refused to talk to me: 421 …`;
 * Sendmail `stat=Deferred: 421 …`; Exim `SMTP error from remote mail server after RCPT
 * TO:<…>: 550 …`; Exchange `Remote Server returned '550 5.1.1 …'` in any case; bounces `The
 * response was: 550 …`), else the enhanced status code the log gives (Postfix and Sendmail
 * `dsn=4.4.1`) and what it says instead. `undefined` for a line that has neither a reply nor an enhanced code.
 * Throws a `TypeError` naming what is not a string.
 *
 * @example parseLogLine('… to=<a@b.c>, … dsn=5.1.1, status=bounced (host mx[192.0.2.1] said: 550 5.1.1 Unknown (in reply to RCPT TO command))') // { recipient: 'a@b.c', reply: '550 5.1.1 Unknown' }
 */
export function parseLogLine(line: string): LogEntry | undefined {
  if (typeof line !== 'string') {
    throw new TypeError(
      `Not a mail log line: ${show(line)} (expected a string, got ${line === null ? 'null' : typeof line})`,
    );
  }
  if (replyCodeAt(line, 0)) return { reply: line.trim() };
  const recipient = recipientOf(line);
  const reply = quotedReply(line);
  if (reply !== undefined) return recipient === undefined ? { reply } : { recipient, reply };
  const enhanced = dsnOf(line);
  if (enhanced === undefined) return undefined;
  const detail = detailOf(line);
  // Fields set one by one: spreading `false` (`...(recipient && { recipient })`) took V8's slow
  // path, five times the cost of reading the rest of the line.
  const entry: LogEntry = recipient === undefined ? { enhanced } : { recipient, enhanced };
  if (detail !== undefined && detail !== '') entry.detail = detail;
  return entry;
}
