// `smtp-status explain < replies.log`: one reply per input line, one result per output line,
// in constant memory whatever the input holds (no line is kept beyond `maxLineLength`).
import type { Catalog } from '../catalog/create-catalog.js';
import type { LanguagePreference } from '../catalog/negotiate-language.js';
import { formatEnhanced, type SmtpReply, safeParseReply } from '../replies/parse-reply.js';

/** What the stream needs of an output: `process.stdout`, or a test double. */
export interface StreamOutput {
  write(text: string): unknown;
  once?(event: 'drain', listener: () => void): unknown;
}

/** What a stream run found. */
export interface StreamSummary {
  lines: number;
  /** Lines that were not SMTP replies (or longer than `maxLineLength`). */
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

/**
 * Explains every line of `input` and writes one line per input line: the description (an empty
 * line for a line that is not a reply), or with `json` the `explain` object (`{"error": …}`
 * for a line that is not a reply).
 *
 * @example await explainStream(process.stdin, process.stdout, { lang: 'fr', json: false }, catalog)
 */
export async function explainStream(
  input: AsyncIterable<Uint8Array | string>,
  output: StreamOutput,
  options: { lang: LanguagePreference; json: boolean },
  { describe, explain }: Pick<Catalog, 'describe' | 'explain'>,
): Promise<StreamSummary> {
  const decoder = new TextDecoder('utf-8');
  const summary: StreamSummary = { lines: 0, unreadable: 0 };
  let pending = '';
  let skipping = false;
  let out = '';

  const answer = (line: string, tooLong: boolean) => {
    summary.lines++;
    const reply = tooLong ? undefined : safeParseReply(line.endsWith('\r') ? line.slice(0, -1) : line);
    if (reply === undefined) {
      summary.unreadable++;
      summary.firstUnreadable ??= summary.lines;
      out += options.json ? `{"error":"not an SMTP reply","line":${summary.lines}}\n` : '\n';
      return;
    }
    out += options.json ? `${jsonOf(reply)}\n` : `${describe(reply, options.lang)}\n`;
  };

  // In JSON, everything but the server's own words depends only on the codes: that part is
  // kept per code pair (a bounded map: the reply code and the enhanced code are short strings).
  const heads = new Map<string, string>();
  const jsonOf = (reply: SmtpReply): string => {
    const key = reply.enhanced ? `${reply.code} ${formatEnhanced(reply.enhanced)}` : String(reply.code);
    let head = heads.get(key);
    if (head === undefined) {
      const { reply: _, ...fixed } = explain(reply, options.lang);
      head = JSON.stringify(fixed).slice(0, -1);
      if (heads.size >= 4096) heads.clear();
      heads.set(key, head);
    }
    return `${head},"reply":${JSON.stringify({ text: reply.text, lines: reply.lines })}}`;
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
