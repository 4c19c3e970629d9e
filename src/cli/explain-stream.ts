// `smtp-status explain < mail.log`: one reply or mail log line per input line, one result per
// output line, in constant memory whatever the input holds (no line is kept beyond `maxLineLength`).
import type { Catalog } from '../catalog/create-catalog.js';
import type { LanguagePreference } from '../catalog/negotiate-language.js';
import type { Explanation, LogExplanation } from '../catalog/types.js';
import { explainLogLine, explainQuoted, quotedInput } from '../inputs/log-line.js';
import { detached } from '../replies/detached-text.js';
import { type LogEntry, parseLogLine } from '../replies/mail-log.js';
import { maskedReply } from '../replies/masked-reply.js';
import { safeParseReply } from '../replies/parse-reply.js';
import { replyCodeAt } from '../replies/syntax.js';
import { encoded, type OutputBytes, outputBytes } from './output-bytes.js';
import { codeColumn, reasonAndText, reasonColumn } from './reason-column.js';
import { jsonAsIs, terminalEscaped, terminalField, terminalJsonString } from './terminal-safe.js';
import { utf8Chunks } from './utf8-chunks.js';

/** What the stream needs of an output: `process.stdout`, or a test double. */
export interface StreamOutput {
  write(text: string): unknown;
  once?(event: 'drain', listener: () => void): unknown;
}

/** What a stream run found. */
export interface StreamSummary {
  lines: number;
  /** Lines that were neither SMTP replies nor mail log lines with one. */
  unreadable: number;
  /** The first of them, 1-based. */
  firstUnreadable?: number;
  /** Lines longer than `maxLineLength`, skipped unread. */
  tooLong: number;
  /** The first of them, 1-based. */
  firstTooLong?: number;
}

/** How a stream explains. */
export interface StreamOptions {
  lang: LanguagePreference;
  json: boolean;
  /**
   * `false`: explain and write every line anew, keeping nothing between lines (what the kept
   * answers must give byte for byte; the tests compare the two). Default `true`.
   */
  keep?: boolean;
}

/** Longer lines are not replies anyone sends; they are skipped without being kept in memory. */
export const maxLineLength = 64 * 1024;

async function flush(output: StreamOutput, out: OutputBytes): Promise<void> {
  if (out.writeTo(output) === false && output.once) {
    await new Promise<void>((resolve) => output.once?.('drain', resolve));
  }
}

const lenient = { lenient: true } as const;
const newline = encoded('\n');

/**
 * Explains every line of `input` and writes one line per input line. A reply alone gives its
 * reason and its description, tab-separated; a mail log line (`parseLogLine`) gives
 * tab-separated fields: the recipient, the reply code, the enhanced code, the kind, `retryable`
 * or `final`, the reason (`-` for what the line lacks), and the description. A line with nothing to explain gives an empty line. With `json`: the
 * `explain` object with `line` (the input line number) and, from a log line, `recipient` and
 * `detail`; `{"error": …, "line": N}` for a line with nothing to explain, and nothing for an
 * empty or blank line (so output stays within a bounded multiple of the input's non-blank
 * lines). Text is written terminal-safe (`terminalText`, JSON `terminalEscaped`), as UTF-8.
 *
 * @example await explainStream(process.stdin, process.stdout, { lang: 'fr', json: false }, catalog)
 */
export async function explainStream(
  input: AsyncIterable<Uint8Array | string>,
  output: StreamOutput,
  options: StreamOptions,
  catalog: Pick<Catalog, 'explain'>,
): Promise<StreamSummary> {
  const decoder = utf8Chunks();
  const summary: StreamSummary = { lines: 0, unreadable: 0, tooLong: 0 };
  let pending = '';
  let skipping = false;
  const out = outputBytes();

  const write = options.keep === false ? lineWriter(options, catalog, out) : keptLineWriter(options, catalog, out);
  /** A line not explained, counted by why (the first of each kept): an empty line in text, `{"error"…}` in JSON. */
  const skip = (why: 'tooLong' | 'unreadable', error: string) => {
    if (why === 'tooLong') {
      summary.tooLong++;
      summary.firstTooLong ??= summary.lines;
    } else {
      summary.unreadable++;
      summary.firstUnreadable ??= summary.lines;
    }
    if (options.json) out.addText(`{"error":"${error}","line":${summary.lines}}\n`);
    else out.addBytes(newline);
  };
  const answer = (line: string, tooLong: boolean) => {
    summary.lines++;
    if (tooLong) return skip('tooLong', `longer than ${maxLineLength} characters`);
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    // An empty or blank line holds nothing to explain and is no error: an empty line in text
    // (one output line per input line), nothing in JSON (each object names its line), so no
    // input makes more output than the lines that hold something.
    if (isBlank(text)) {
      if (!options.json) out.addBytes(newline);
      return;
    }
    if (!write(text, summary.lines)) skip('unreadable', 'no SMTP reply or status code');
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
    take(typeof chunk === 'string' ? chunk : decoder.text(chunk));
    // Written after every chunk read: a live log (`tail -f … |`) gets its answers at once.
    if (!out.isEmpty()) await flush(output, out);
  }
  take(decoder.end());
  if (pending !== '' || skipping) answer(pending, skipping);
  if (!out.isEmpty()) await flush(output, out);
  return summary;
}

/** Whether a line is empty or white space only (it says nothing). */
function isBlank(text: string): boolean {
  for (let at = 0; at < text.length; at++) {
    const char = text.charCodeAt(at);
    if (char !== 32 && char !== 9 && char !== 11 && char !== 12) return false;
  }
  return true;
}

/** Writes the output line of one input line (its number is `line`); `false` when it has nothing to explain. */
type LineWriter = (text: string, line: number) => boolean;

/** What a tab-separated line shows of an answer, after the recipient. */
const shownFields = (answer: Explanation) =>
  [
    codeColumn(answer),
    answer.enhanced?.code ?? '-',
    answer.kind,
    answer.retryable ? 'retryable' : 'final',
    reasonColumn(answer),
    answer.text,
  ] as const;

/**
 * The output of every line written from its answer alone, as it is defined: a reply alone,
 * `reasonAndText`; a log line, its recipient and `shownFields`; JSON, `JSON.stringify({ ...answer,
 * line })`. Nothing is kept from one line to the next.
 */
function lineWriter({ lang, json }: StreamOptions, catalog: Pick<Catalog, 'explain'>, out: OutputBytes): LineWriter {
  return (text, line) => {
    const reply = safeParseReply(text, lenient);
    const answer: LogExplanation | undefined =
      reply === undefined ? explainLogLine(catalog, text, lang) : catalog.explain(reply, lang);
    if (answer === undefined) return false;
    if (json) out.addText(terminalEscaped(`${JSON.stringify({ ...answer, line })}\n`));
    else if (reply !== undefined) out.addText(reasonAndText(answer));
    else {
      const recipient = answer.recipient === undefined ? '-' : terminalField(answer.recipient);
      out.addText(`${recipient}\t${shownFields(answer).map(terminalField).join('\t')}\n`);
    }
    return true;
  };
}

/** The fields of a log line's answer that come from the line itself, not from the catalog. */
const ownFields = new Set(['reply', 'recipient', 'detail']);

/**
 * Whether two values of an answer are equal: a text, a number, an `enhanced` or `cause` object
 * of them, or a `reason`, whose `advice` is one level deeper (built anew for every answer, so
 * comparing it by identity would never reuse a writing).
 */
function sameValue(a: unknown, b: unknown, depth = 1): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  let count = 0;
  for (const key in a) {
    const left = (a as Record<string, unknown>)[key];
    const right = (b as Record<string, unknown>)[key];
    if (left !== right && (depth === 0 || !sameValue(left, right, depth - 1))) return false;
    count++;
  }
  for (const _ in b) count--;
  return count === 0;
}

/** Whether two answers are equal in every field but the line's own. */
function sameAnswer(a: Explanation, b: Explanation): boolean {
  let count = 0;
  for (const key in a) {
    if (ownFields.has(key)) continue;
    if (!sameValue(a[key as keyof Explanation], b[key as keyof Explanation])) return false;
    count++;
  }
  for (const key in b) if (!ownFields.has(key)) count--;
  return count === 0;
}

/** What was written for one answer (terminal-safe, encoded), beside what it was written from. */
interface WrittenFrom<T> {
  from: T;
  bytes: Uint8Array;
}

/**
 * What a stream keeps of one input's answer: the bytes of what the answer writes of the catalog
 * (text: all of it; JSON: its fields before `reply`, without the closing brace), and, in JSON,
 * the input it was explained from with its `reply` field's bytes (`undefined`: no reply).
 */
interface Kept {
  head: Uint8Array;
  input: string;
  reply: Uint8Array | undefined;
  /**
   * JSON: what comes before the reply's text in the kept input, when the reply reads as
   * `parseReply` reads a one-line reply (its line is the input after the code, its text ends the
   * input). An input of the same mask has the same start (no mask reaches the codes, and each
   * masked span starts as its mask does), so its reply's text is what follows.
   */
  before?: string;
}

/** How many writings and answers a stream keeps; past this, it forgets them all and starts again. */
const keptAtMost = 1024;

/**
 * Writings kept by a key that only finds a candidate: a kept writing is reused when `same` says
 * what it was written from equals what is to be written now, else written anew (and kept).
 */
function writings<T>(same: (kept: T, now: T) => boolean, write: (from: T) => string) {
  const kept = new Map<string, WrittenFrom<T>>();
  return (key: string, from: T): Uint8Array => {
    const found = kept.get(key);
    if (found !== undefined && same(found.from, from)) return found.bytes;
    const bytes = encoded(write(from));
    if (kept.size >= keptAtMost) kept.clear();
    kept.set(key, { from, bytes });
    return bytes;
  };
}

/** The longest input whose answer is kept: replies are a few hundred characters. */
const longestKept = 1000;

/**
 * `lineWriter`'s output, byte for byte, from answers kept by what `explain` is given, masked
 * (`maskedReply`: the addresses it quotes in angle brackets, a success's message ids): a line
 * that is a reply alone, by its text; a log line, by `quotedInput` (the reply it quotes, else its
 * enhanced code). `explain` is a function of that input and the stream's language (its answer
 * reads nothing else of the line; the catalog's languages do not change while the stream runs),
 * and of the input's mask but for the reply's own text (`reply`, which JSON writes and text does
 * not show): so a line whose mask was seen is not explained again. Its answer's bytes are copied,
 * and only the line's own fields (recipient, detail, line number, and in JSON a reply that
 * differs from the kept one) are written. The writing of an answer is also kept by its codes,
 * and reused for another input only when every value it writes is equal (the comparison
 * decides, never the key).
 */
function keptLineWriter(
  { lang, json }: StreamOptions,
  catalog: Pick<Catalog, 'explain'>,
  out: OutputBytes,
): LineWriter {
  // Key: the reply code and the enhanced code, where answers are most often equal (the language
  // is the stream's own). A key only finds a candidate; the comparison of what is written decides.
  const keyOf = (answer: Explanation) =>
    answer.enhanced === undefined ? String(answer.code) : `${answer.code} ${answer.enhanced.code}`;
  // JSON: every field but the line's own (without the closing brace).
  const catalogJson = writings(sameAnswer, (answer: Explanation) => {
    const own = Object.fromEntries(Object.entries(answer).filter(([key]) => !ownFields.has(key)));
    return terminalEscaped(JSON.stringify(own).slice(0, -1));
  });
  // Text: the reason and the description (a reply alone), or the tab-separated fields after the recipient (a log line).
  const described = writings(
    (kept: Explanation, now: Explanation) => kept.text === now.text && kept.reason?.id === now.reason?.id,
    reasonAndText,
  );
  const fields = writings(
    (kept: ReturnType<typeof shownFields>, now: ReturnType<typeof shownFields>) =>
      kept.every((value, index) => value === now[index]),
    (shown: ReturnType<typeof shownFields>) => `\t${shown.map(terminalField).join('\t')}\n`,
  );

  /** The head of an answer's output: what it writes of the catalog, kept by its codes. */
  const headOf = (answer: Explanation, alone: boolean): Uint8Array => {
    if (json) return catalogJson(keyOf(answer), answer);
    return alone ? described(keyOf(answer), answer) : fields(keyOf(answer), shownFields(answer));
  };
  // The `reply` field, as `JSON.stringify` writes an answer's (its text, then its lines).
  const replyJson = ({ text, lines }: { text: string; lines: readonly string[] }) =>
    `,"reply":{"text":${terminalJsonString(text)},"lines":[${lines.map(terminalJsonString).join(',')}]}`;
  // `input` (detached) and its answer, as kept.
  const keep = (input: string, answer: Explanation, alone: boolean): Kept => {
    const kept: Kept = { head: headOf(answer, alone), input, reply: undefined };
    const reply = answer.reply;
    if (!json || reply === undefined) return kept;
    kept.reply = encoded(replyJson(reply));
    const trimmed = input.trimEnd();
    if (reply.lines.length === 1 && reply.lines[0] === trimmed.slice(4) && trimmed.endsWith(reply.text)) {
      kept.before = trimmed.slice(0, trimmed.length - reply.text.length);
    }
    return kept;
  };
  /**
   * The `reply` field of `input`, an input of `kept`'s mask: read from where the kept input's
   * text starts when it can be (one check of the line for what JSON escapes, no parse), else parsed.
   */
  const replyOf = (kept: Kept, input: string): string => {
    const { before } = kept;
    if (before !== undefined && input.startsWith(before)) {
      const trimmed = input.trimEnd();
      const line = trimmed.slice(4);
      // The text is the rest of the line: one check covers both.
      if (jsonAsIs(line) && trimmed.charCodeAt(before.length) === kept.input.charCodeAt(before.length)) {
        return `,"reply":{"text":"${trimmed.slice(before.length)}","lines":["${line}"]}`;
      }
    }
    // The same codes as the kept input's (no mask reaches them), so it reads as a reply too.
    const reply = safeParseReply(input, lenient) ?? catalog.explain(input, lang).reply;
    return reply === undefined ? '' : replyJson(reply);
  };
  /**
   * A kept answer's output for `input`, whose mask is the kept input's: the head, then (JSON)
   * the reply of this input, which may differ from the kept one by what the mask hides. A reply
   * that differs is returned as text, for the caller to write with the line's own fields (each
   * write of a text to the output has a cost of its own); else `''`.
   */
  const addKept = (kept: Kept, input: string): string => {
    out.addBytes(kept.head);
    if (kept.reply === undefined) return '';
    if (input === kept.input) {
      out.addBytes(kept.reply);
      return '';
    }
    return replyOf(kept, input);
  };
  /** Keeps `value` by `key` in a map of at most `keptAtMost` entries (all forgotten when full). */
  const remember = <T>(map: Map<string, T>, key: string, value: T) => {
    if (key.length > longestKept) return;
    if (map.size >= keptAtMost) map.clear();
    map.set(key, value);
  };

  // A reply alone, by its mask: `undefined` when the line is none.
  const alone = new Map<string, Kept>();
  const writeAlone = (text: string, line: number): boolean => {
    const short = text.length <= longestKept && replyCodeAt(text, 0);
    const found = short ? alone.get(maskedReply(text)) : undefined;
    if (found !== undefined) {
      if (json) out.addText(`${addKept(found, text)},"line":${line}}\n`);
      else addKept(found, text);
      return true;
    }
    const reply = safeParseReply(text, lenient);
    if (reply === undefined) return false;
    // Read again from a copy: neither the key nor the input kept holds the chunk.
    const own = detached(text);
    const kept = keep(own, catalog.explain(safeParseReply(own, lenient) ?? reply, lang), true);
    if (short) remember(alone, detached(maskedReply(own)), kept);
    if (json) out.addText(`${addKept(kept, own)},"line":${line}}\n`);
    else addKept(kept, own);
    return true;
  };
  // What a log line quotes (`quotedInput`), by its mask: `null` when it does not read as a reply.
  const quoted = new Map<string, Kept | null>();
  const keptQuoted = (input: string): Kept | null => {
    const key = input.length <= longestKept ? maskedReply(input) : undefined;
    const found = key === undefined ? undefined : quoted.get(key);
    if (found !== undefined) return found;
    const own = detached(input);
    const answer = explainQuoted(catalog, own, lang);
    const kept = answer === undefined ? null : keep(own, answer, false);
    if (key !== undefined) remember(quoted, detached(key), kept);
    return kept;
  };

  /** A log line's output: its own fields around its answer's kept bytes. */
  const writeLogLine = (entry: LogEntry, input: string, kept: Kept, line: number) => {
    const { recipient, detail } = entry;
    if (!json) {
      out.addText(recipient === undefined ? '-' : terminalField(recipient));
      addKept(kept, input);
      return;
    }
    // The line's own fields, last, as `JSON.stringify({ ...explainLogLine(line), line })` writes them.
    // One text, written once: each write of a text to the output has a cost of its own.
    let own = addKept(kept, input);
    if (recipient !== undefined) own += `,"recipient":${terminalJsonString(recipient)}`;
    if (detail !== undefined) own += `,"detail":${terminalJsonString(detail)}`;
    out.addText(`${own},"line":${line}}\n`);
  };

  return (text, line) => {
    // A reply alone, the common case of a file of replies: no log format to look for.
    if (writeAlone(text, line)) return true;
    // A log line, read by the log line adapter.
    const entry = parseLogLine(text);
    if (entry === undefined) return false;
    const input = quotedInput(entry);
    const kept = keptQuoted(input);
    if (kept === null) return false;
    writeLogLine(entry, input, kept, line);
    return true;
  };
}
