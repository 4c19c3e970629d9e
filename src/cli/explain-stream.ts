// `smtp-status explain < mail.log`: one reply or mail log line per input line, one result per
// output line, in constant memory whatever the input holds (no line is kept beyond `maxLineLength`).
import type { Catalog } from '../catalog/create-catalog.js';
import type { LanguagePreference } from '../catalog/negotiate-language.js';
import { type LogEntry, parseLogLine } from '../replies/mail-log.js';
import { formatEnhanced, type SmtpReply, safeParseReply } from '../replies/parse-reply.js';

/** What the stream needs of an output: `process.stdout`, or a test double. */
export interface StreamOutput {
  write(text: string): unknown;
  once?(event: 'drain', listener: () => void): unknown;
}

/** What a stream run found. */
export interface StreamSummary {
  lines: number;
  /** Lines that were neither SMTP replies nor mail log lines with one (or longer than `maxLineLength`). */
  unreadable: number;
  /** The first of them, 1-based. */
  firstUnreadable?: number;
}

/** Longer lines are not replies anyone sends; they are skipped without being kept in memory. */
export const maxLineLength = 64 * 1024;

async function flush(output: StreamOutput, text: string): Promise<void> {
  if (output.write(text) === false && output.once) {
    await new Promise<void>((resolve) => output.once?.('drain', resolve));
  }
}

const lenient = { lenient: true } as const;

/**
 * The log's own text as a terminal may show it: control characters (ANSI escapes, tabs) and
 * bidirectional controls become U+FFFD, so a hostile log cannot drive the terminal or the columns.
 */
const printable = (text: string) => text.replace(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/gu, '\uFFFD');

/** A JSON string for a text: one line, as every output line must be. */
const quoted = (text: string) => JSON.stringify(text);

/**
 * Explains every line of `input` and writes one line per input line. A reply alone gives its
 * description; a mail log line (`parseLogLine`) gives tab-separated fields: the recipient, the
 * reply code, the enhanced code (`-` for what the line lacks), the kind, `retryable` or `final`,
 * and the description. A line with nothing to explain gives an empty line. With `json`: the
 * `explain` object with `line` (the input line number) and, from a log line, `recipient` and
 * `detail`; `{"error": …, "line": N}` for a line with nothing to explain.
 *
 * @example await explainStream(process.stdin, process.stdout, { lang: 'fr', json: false }, catalog)
 */
export async function explainStream(
  input: AsyncIterable<Uint8Array | string>,
  output: StreamOutput,
  options: { lang: LanguagePreference; json: boolean },
  catalog: Pick<Catalog, 'describe' | 'explain'>,
): Promise<StreamSummary> {
  const decoder = new TextDecoder('utf-8');
  const summary: StreamSummary = { lines: 0, unreadable: 0 };
  let pending = '';
  let skipping = false;
  let out = '';

  const answerOf = lineAnswers(options, catalog);
  const answer = (line: string, tooLong: boolean) => {
    summary.lines++;
    const answered = tooLong ? undefined : answerOf(line.endsWith('\r') ? line.slice(0, -1) : line, summary.lines);
    if (answered !== undefined) {
      out += answered;
      return;
    }
    summary.unreadable++;
    summary.firstUnreadable ??= summary.lines;
    out += options.json ? `{"error":"no SMTP reply or status code","line":${summary.lines}}\n` : '\n';
  };

  const take = (text: string) => {
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      const piece = text.slice(start, end);
      answer(skipping ? '' : pending + piece, skipping || pending.length + piece.length > maxLineLength);
      pending = '';
      skipping = false;
      start = end + 1;
    }
    const rest = text.slice(start);
    if (skipping) return;
    if (pending.length + rest.length > maxLineLength) {
      pending = '';
      skipping = true;
    } else {
      pending += rest;
    }
  };

  for await (const chunk of input) {
    take(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    // Written after every chunk read: a live log (`tail -f … |`) gets its answers at once.
    if (out !== '') {
      await flush(output, out);
      out = '';
    }
  }
  take(decoder.decode());
  if (pending !== '' || skipping) answer(pending, skipping);
  if (out !== '') await flush(output, out);
  return summary;
}

/**
 * The output line for one input line (its number is `line`), or `undefined` when it has nothing
 * to explain. Everything but the server's own words and the recipient depends only on the codes:
 * that part is kept per code pair (a bounded map: the reply code and the enhanced code are short).
 */
function lineAnswers(
  options: { lang: LanguagePreference; json: boolean },
  { describe, explain }: Pick<Catalog, 'describe' | 'explain'>,
): (text: string, line: number) => string | undefined {
  // A stream has one output form, so a key is the code pair alone (no string built per line).
  const heads = new Map<string, string>();
  const cached = (key: string, make: () => string): string => {
    let value = heads.get(key);
    if (value === undefined) {
      value = make();
      if (heads.size >= 4096) heads.clear();
      heads.set(key, value);
    }
    return value;
  };
  const keyOf = (reply: SmtpReply) =>
    reply.enhanced ? `${reply.code} ${formatEnhanced(reply.enhanced)}` : String(reply.code);
  const jsonOf = (reply: SmtpReply): string => {
    const head = cached(keyOf(reply), () => {
      const { reply: _, ...fixed } = explain(reply, options.lang);
      return JSON.stringify(fixed).slice(0, -1);
    });
    return `${head},"reply":${JSON.stringify({ text: reply.text, lines: reply.lines })}`;
  };
  const enhancedHead = (entry: LogEntry): string =>
    cached(entry.enhanced as string, () => JSON.stringify(explain(entry.enhanced, options.lang)).slice(0, -1));
  const tail = (line: number, entry?: LogEntry): string => {
    let text = '';
    if (entry?.recipient !== undefined) text += `,"recipient":${quoted(entry.recipient)}`;
    if (entry?.detail !== undefined) text += `,"detail":${quoted(entry.detail)}`;
    return `${text},"line":${line}}\n`;
  };
  /** Code, enhanced code, kind, retryable, description: tab-separated, per code pair. */
  const fields = (reply: SmtpReply | undefined, entry: LogEntry): string =>
    cached(reply ? keyOf(reply) : (entry.enhanced as string), () => {
      const input = reply ?? entry.enhanced;
      const { code, enhanced, kind, retryable } = explain(input, options.lang);
      const shown = [code === 0 ? '-' : String(code), enhanced?.code ?? '-', kind, retryable ? 'retryable' : 'final'];
      return `${shown.join('\t')}\t${describe(input as SmtpReply, options.lang)}\n`;
    });

  const logLine = (entry: LogEntry, line: number): string | undefined => {
    const reply = entry.reply === undefined ? undefined : safeParseReply(entry.reply, lenient);
    if (entry.reply !== undefined && reply === undefined) return undefined;
    if (options.json) return (reply ? jsonOf(reply) : enhancedHead(entry)) + tail(line, entry);
    return `${entry.recipient === undefined ? '-' : printable(entry.recipient)}\t${fields(reply, entry)}`;
  };

  return (text, line) => {
    // A reply alone, the common case of a file of replies: no log format to look for.
    const bare = safeParseReply(text, lenient);
    if (bare !== undefined) return options.json ? jsonOf(bare) + tail(line) : `${describe(bare, options.lang)}\n`;
    const entry = parseLogLine(text);
    return entry === undefined ? undefined : logLine(entry, line);
  };
}
