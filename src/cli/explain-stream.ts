// `smtp-status explain < mail.log`: one reply or mail log line per input line, one result per
// output line, in constant memory whatever the input holds (no line is kept beyond `maxLineLength`).
import type { Catalog } from '../catalog/create-catalog.js';
import type { LanguagePreference } from '../catalog/negotiate-language.js';
import type { LogExplanation } from '../catalog/types.js';
import { explainLogLine } from '../inputs/log-line.js';
import { safeParseReply } from '../replies/parse-reply.js';
import { reasonAndText, reasonColumn } from './reason-column.js';
import { terminalEscaped, terminalField } from './terminal-safe.js';

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
 * Explains every line of `input` and writes one line per input line. A reply alone gives its
 * reason and its description, tab-separated; a mail log line (`parseLogLine`) gives
 * tab-separated fields: the recipient, the reply code, the enhanced code, the kind, `retryable`
 * or `final`, the reason (`-` for what the line lacks), and the description. A line with nothing to explain gives an empty line. With `json`: the
 * `explain` object with `line` (the input line number) and, from a log line, `recipient` and
 * `detail`; `{"error": …, "line": N}` for a line with nothing to explain, and nothing for an
 * empty or blank line (so output stays within a bounded multiple of the input's non-blank
 * lines). Text is written terminal-safe (`terminalText`, JSON `terminalEscaped`).
 *
 * @example await explainStream(process.stdin, process.stdout, { lang: 'fr', json: false }, catalog)
 */
export async function explainStream(
  input: AsyncIterable<Uint8Array | string>,
  output: StreamOutput,
  options: { lang: LanguagePreference; json: boolean },
  catalog: Pick<Catalog, 'explain'>,
): Promise<StreamSummary> {
  const decoder = new TextDecoder('utf-8');
  const summary: StreamSummary = { lines: 0, unreadable: 0 };
  let pending = '';
  let skipping = false;
  let out = '';

  const answerOf = lineAnswers(options, catalog);
  const answer = (line: string, tooLong: boolean) => {
    summary.lines++;
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    // An empty or blank line holds nothing to explain and is no error: an empty line in text
    // (one output line per input line), nothing in JSON (each object names its line), so no
    // input makes more output than the lines that hold something.
    if (!tooLong && isBlank(text)) {
      if (!options.json) out += '\n';
      return;
    }
    const answered = tooLong ? undefined : answerOf(text, summary.lines);
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

/** Whether a line is empty or white space only (it says nothing). */
function isBlank(text: string): boolean {
  for (let at = 0; at < text.length; at++) {
    const char = text.charCodeAt(at);
    if (char !== 32 && char !== 9 && char !== 11 && char !== 12) return false;
  }
  return true;
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
function sameAnswer(a: LogExplanation, b: LogExplanation): boolean {
  let count = 0;
  for (const key in a) {
    if (ownFields.has(key)) continue;
    if (!sameValue(a[key as keyof LogExplanation], b[key as keyof LogExplanation])) return false;
    count++;
  }
  for (const key in b) if (!ownFields.has(key)) count--;
  return count === 0;
}

/** What was written for one answer (terminal-safe), beside what it was written from. */
interface Written<T> {
  from: T;
  out: string;
}

/**
 * Writings kept by a key that only finds a candidate: a kept writing is reused when `same` says
 * what it was written from equals what is to be written now, else written anew (and kept).
 */
function writings<T>(same: (kept: T, now: T) => boolean, write: (from: T) => string) {
  const kept = new Map<string, Written<T>>();
  return (key: string, from: T): string => {
    const found = kept.get(key);
    if (found !== undefined && same(found.from, from)) return found.out;
    const out = write(from);
    if (kept.size >= 4096) kept.clear();
    kept.set(key, { from, out });
    return out;
  };
}

/** What a tab-separated line shows of an answer, after the recipient. */
const shownFields = (answer: LogExplanation) =>
  [
    answer.code === 0 ? '-' : String(answer.code),
    answer.enhanced?.code ?? '-',
    answer.kind,
    answer.retryable ? 'retryable' : 'final',
    reasonColumn(answer),
    answer.text,
  ] as const;

/**
 * The output line for one input line (its number is `line`), or `undefined` when it has nothing
 * to explain. Every line is explained whole by `explain` (its answer may depend on anything the
 * line holds, the server's words too); only the writing of an answer is kept, and reused for a
 * later line only when every value it writes is equal: the cache cannot be wrong, whatever
 * `explain` reads.
 */
function lineAnswers(
  options: { lang: LanguagePreference; json: boolean },
  catalog: Pick<Catalog, 'explain'>,
): (text: string, line: number) => string | undefined {
  const { lang, json } = options;
  const { explain } = catalog;
  // Key: the reply code and the enhanced code, where answers are most often equal (the language
  // is the stream's own). A key only finds a candidate; the comparison of what is written decides.
  const keyOf = (answer: LogExplanation) =>
    answer.enhanced === undefined ? String(answer.code) : `${answer.code} ${answer.enhanced.code}`;
  // JSON: every field but the line's own (without the closing brace).
  const catalogJson = writings(sameAnswer, (answer: LogExplanation) => {
    const own = Object.fromEntries(Object.entries(answer).filter(([key]) => !ownFields.has(key)));
    return terminalEscaped(JSON.stringify(own).slice(0, -1));
  });
  // Text: the reason and the description (a reply alone), or the tab-separated fields (a log line).
  const described = writings(
    (kept: LogExplanation, now: LogExplanation) => kept.text === now.text && kept.reason?.id === now.reason?.id,
    reasonAndText,
  );
  const fields = writings(
    (kept: ReturnType<typeof shownFields>, now: ReturnType<typeof shownFields>) =>
      kept.every((value, index) => value === now[index]),
    (shown: ReturnType<typeof shownFields>) => `${shown.map(terminalField).join('\t')}\n`,
  );

  /** `explain`'s answer as JSON, with the line's own fields and its number last (as `JSON.stringify({ ...answer, line })` writes them). */
  const jsonLine = (answer: LogExplanation, line: number): string => {
    let text = catalogJson(keyOf(answer), answer);
    if (answer.reply !== undefined) text += `,"reply":${terminalEscaped(JSON.stringify(answer.reply))}`;
    if (answer.recipient !== undefined) text += `,"recipient":${terminalEscaped(JSON.stringify(answer.recipient))}`;
    if (answer.detail !== undefined) text += `,"detail":${terminalEscaped(JSON.stringify(answer.detail))}`;
    return `${text},"line":${line}}\n`;
  };

  return (text, line) => {
    // A reply alone, the common case of a file of replies: no log format to look for.
    const bare = safeParseReply(text, lenient);
    if (bare !== undefined) {
      const answer = explain(bare, lang);
      return json ? jsonLine(answer, line) : described(keyOf(answer), answer);
    }
    // A log line, read by the log line adapter.
    const answer = explainLogLine(catalog, text, lang);
    if (answer === undefined) return undefined;
    if (json) return jsonLine(answer, line);
    const recipient = answer.recipient === undefined ? '-' : terminalField(answer.recipient);
    return `${recipient}\t${fields(keyOf(answer), shownFields(answer))}`;
  };
}
