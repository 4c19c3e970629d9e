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

/** The text from `from` to the first of `ends` found (or the end), trimmed. */
function until(text: string, from: number, ...ends: string[]): string {
  let end = text.length;
  for (const mark of ends) {
    const at = text.indexOf(mark, from);
    if (at !== -1 && at < end) end = at;
  }
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
  let at = line.indexOf(' to=');
  if (at !== -1) return addressAt(line, at + 4);
  at = line.indexOf('RCPT TO:');
  if (at !== -1) return addressAt(line, at + 8);
  at = line.indexOf(' ** ');
  if (at === -1) at = line.indexOf(' == ');
  return at === -1 ? undefined : addressAt(line, at + 4);
}

function dsnOf(line: string): string | undefined {
  const at = line.indexOf('dsn=');
  return at === -1 ? undefined : enhancedCodePrefix.exec(line.slice(at + 4, at + 16))?.[0];
}

/** A reply quoted from `from`: up to Postfix's ` (in reply to … command)`, a closing `)` or `'`, or Postfix's `; from=<`. */
function replyFrom(line: string, from: number, close?: string): string | undefined {
  if (!replyCodeAt(line, from)) return undefined;
  const ends = [' (in reply to ', '; from=<'];
  if (close !== undefined) ends.push(close);
  return until(line, from, ...ends);
}

// Where each format quotes the server's reply, and what closes the quote. Postfix's other
// phrases before a reply (`refused to talk to me:`) are read by `replyAfterWords`.
const quotes: readonly [marker: string, close?: string][] = [
  [' said: ', ')'], // Postfix: `(host mx[…] said: 550 5.1.1 … (in reply to RCPT TO command))`
  ['The response was: '], // Gmail bounces
  ['The response from the remote server was: '],
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
  const at = line.indexOf('smtp;');
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
  const stat = line.indexOf(' stat=');
  if (stat !== -1) return replyFrom(line, stat + 6) ?? replyAfterWords(line, stat + 6);
  const reject = line.indexOf(' reject: ');
  if (reject === -1) return undefined;
  const colon = line.indexOf(']: ', reject);
  return colon === -1 ? undefined : replyFrom(line, colon + 3);
}

function quotedReply(line: string): string | undefined {
  for (const [marker, close] of quotes) {
    const at = line.indexOf(marker);
    if (at !== -1) {
      const reply = replyFrom(line, at + marker.length, close);
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
      const said = until(line, open + 1, ' (in reply to ');
      return said.endsWith(')') ? said.slice(0, -1) : said;
    }
  }
  at = line.indexOf(' stat=');
  return at === -1 ? undefined : line.slice(at + 6).trim();
}

/**
 * Reads one line of a mail log, or a reply alone: the recipient it names, the server's reply it
 * quotes (Postfix `… said: 550 5.1.1 …` or after other words, `… refused to talk to me: 421 …`;
 * Sendmail `stat=Deferred: 421 …`; Exim `SMTP error from remote mail server after RCPT
 * TO:<…>: 550 …`; Exchange `Remote Server returned '550 5.1.1 …'` in any case; bounces `The
 * response was: 550 …`), else the enhanced status code the log gives (Postfix and Sendmail
 * `dsn=4.4.1`) and what it says instead. `undefined` for a line that has neither a reply nor an enhanced code.
 *
 * @example parseLogLine('… to=<a@b.c>, … dsn=5.1.1, status=bounced (host mx[192.0.2.1] said: 550 5.1.1 Unknown (in reply to RCPT TO command))') // { recipient: 'a@b.c', reply: '550 5.1.1 Unknown' }
 */
export function parseLogLine(line: string): LogEntry | undefined {
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
