// `smtp-status bounce [file|folder…]`: delivery reports read from one message (a file or stdin),
// an mbox, or a maildir folder; one line per recipient, or one JSON object per message. Messages
// are read one at a time, so an mbox of any length costs the memory of one message.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { type BounceExplanation, type BounceRecipient, createBounceExplainer } from '../../bounces/explain-bounce.js';
import { bounceLimits } from '../../bounces/limits.js';
import { isMaildir, readHead, readMaildir } from '../../bounces/maildir.js';
import { readMbox } from '../../bounces/mbox.js';
import type { Catalog } from '../../catalog/create-catalog.js';
import type { LanguagePreference } from '../../catalog/negotiate-language.js';
import { show } from '../../errors/show-value.js';
import { joinBytes } from '../../inputs/join-bytes.js';
import { codeColumn, reasonColumn } from '../reason-column.js';
import { terminalField } from '../terminal-safe.js';

/** What the command needs: its arguments, where it reads and writes, the language, the output form. */
export interface BounceCommandIo {
  /** Files (one message or an mbox) and maildir folders; none, or `-`, reads stdin. */
  args: string[];
  stdin: AsyncIterable<Uint8Array | string>;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  lang: LanguagePreference;
  /** One JSON object per message instead of one line per recipient. */
  json: boolean;
  /** The catalog whose languages explain each recipient (the CLI's, every shipped language). */
  catalog: Pick<Catalog, 'explain' | 'describeReason'>;
}

/** What was read: messages, those that were reports, recipients printed. */
interface Tally {
  messages: number;
  reports: number;
  recipients: number;
}

/** Recipient, code, enhanced code, kind, reason, text: tab-separated. */
function recipientLine(entry: BounceRecipient): string {
  return `${[
    entry.recipient === undefined ? '-' : terminalField(entry.recipient),
    codeColumn(entry),
    entry.enhanced?.code ?? '-',
    entry.kind,
    // The reason each recipient was given (its explanation's, or the report's for feedback and auto-replies).
    reasonColumn(entry),
    terminalField(entry.text),
  ].join('\t')}\n`;
}

/** Bytes of a chunk a stream gives (strings from a stdin set to an encoding). */
const bytesOf = (chunk: Uint8Array | string): Uint8Array =>
  typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;

/** The stream again, with its first chunk put back. */
async function* replay(first: Uint8Array, iterator: AsyncIterator<Uint8Array | string>): AsyncGenerator<Uint8Array> {
  yield first;
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield bytesOf(next.value);
}

/** One message from a stream: its first `bounceLimits.maxMessageBytes` bytes. */
async function readOne(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    parts.push(chunk.subarray(0, bounceLimits.maxMessageBytes - size));
    size += parts.at(-1)?.length ?? 0;
    if (size >= bounceLimits.maxMessageBytes) break;
  }
  return joinBytes(parts);
}

const fromLine = [0x46, 0x72, 0x6f, 0x6d, 0x20];

/** The messages of a stream: an mbox when it starts with a `From ` line, else one message. */
async function* messagesOf(stream: AsyncIterable<Uint8Array | string>): AsyncGenerator<Uint8Array> {
  const iterator = stream[Symbol.asyncIterator]();
  let first = new Uint8Array(0);
  // Enough bytes to tell an mbox (`From `) from a message.
  while (first.length < 5) {
    const next = await iterator.next();
    if (next.done) break;
    const bytes = bytesOf(next.value);
    const joined = new Uint8Array(first.length + bytes.length);
    joined.set(first);
    joined.set(bytes, first.length);
    first = joined;
  }
  if (first.length === 0) return;
  const chunks = replay(first, iterator);
  if (fromLine.every((byte, index) => first[index] === byte)) yield* readMbox(chunks);
  else yield await readOne(chunks);
}

/** Where the messages of one argument come from: stdin, a maildir folder, or a file. */
async function* messagesFrom(arg: string, stdin: AsyncIterable<Uint8Array | string>): AsyncGenerator<Uint8Array> {
  if (arg === '-') {
    yield* messagesOf(stdin);
    return;
  }
  const found = await stat(arg);
  if (found.isDirectory()) {
    if (!(await isMaildir(arg))) throw new Error(`${show(arg)} is a folder but no maildir (no cur/ or new/ in it)`);
    for await (const { bytes } of readMaildir(arg)) yield bytes;
    return;
  }
  const head = await readHead(arg, 5);
  if (fromLine.every((byte, index) => head[index] === byte)) yield* readMbox(createReadStream(arg));
  else yield await readHead(arg);
}

function write(io: BounceCommandIo, source: string, explained: BounceExplanation | undefined, tally: Tally): void {
  tally.messages++;
  if (explained === undefined) {
    if (io.json) io.stdout.write(`${JSON.stringify({ source, report: null })}\n`);
    return;
  }
  tally.reports++;
  tally.recipients += explained.recipients.length;
  if (io.json) io.stdout.write(`${JSON.stringify({ source, ...explained })}\n`);
  else io.stdout.write(explained.recipients.map(recipientLine).join(''));
}

/** What went wrong reading an argument: the system's code (`ENOENT`), else the message. */
function whyOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.message : String(error);
}

/** The line for stderr at the end: none for one report read. */
function summaryOf(tally: Tally): string {
  const messages = `${tally.messages} message${tally.messages === 1 ? '' : 's'}`;
  if (tally.reports === 0) return `smtp-status bounce: no delivery report in ${messages}\n`;
  return tally.messages > 1
    ? `smtp-status bounce: ${messages}, ${tally.reports} reports, ${tally.recipients} recipients\n`
    : '';
}

/**
 * Runs `smtp-status bounce`: 0 when at least one message was a report, 1 when none was, 2 when
 * an argument cannot be read (a line on stderr naming it; the other arguments are still read,
 * as `grep` goes on past a file it cannot open).
 *
 * @example await runBounceCommand({ args: ['bounces.mbox'], stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, lang: 'fr', json: false, catalog })
 */
export async function runBounceCommand(io: BounceCommandIo): Promise<number> {
  const explainBounce = createBounceExplainer(io.catalog);
  const tally: Tally = { messages: 0, reports: 0, recipients: 0 };
  let unreadable = false;
  for (const arg of io.args.length === 0 ? ['-'] : io.args) {
    let index = 0;
    try {
      for await (const bytes of messagesFrom(arg, io.stdin)) {
        index++;
        write(io, `${arg === '-' ? 'stdin' : arg}#${index}`, await explainBounce(bytes, io.lang), tally);
      }
    } catch (error) {
      io.stderr.write(`smtp-status bounce: cannot read ${show(arg)}: ${whyOf(error)}\n`);
      unreadable = true;
    }
  }
  if (unreadable) return 2;
  io.stderr.write(summaryOf(tally));
  return tally.reports === 0 ? 1 : 0;
}
