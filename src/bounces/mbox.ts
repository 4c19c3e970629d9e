// The messages of an mbox, one at a time, in constant memory: a line starting `From ` starts a
// message; mboxrd's quoting (`>From `, `>>From `…) loses one `>`. Read as bytes, so a message in
// any charset comes out as it went in. Each message is cut at `limit` bytes, as `explainBounce`
// would cut it; a line without end costs no more.

import { joinBytes } from '../inputs/join-bytes.js';
import { bounceLimits } from './limits.js';

const from = [0x46, 0x72, 0x6f, 0x6d, 0x20]; // `From `

function fromAt(bytes: Uint8Array, at: number): boolean {
  for (let index = 0; index < 5; index++) if (bytes[at + index] !== from[index]) return false;
  return true;
}

/** Whether a line is mboxrd-quoted: one or more `>`, then `From `. */
function quotedFrom(bytes: Uint8Array, at: number, end: number): boolean {
  let index = at;
  while (index < end && bytes[index] === 0x3e) index++;
  return index > at && index + 5 <= end && fromAt(bytes, index);
}

/** One message being collected, at most `limit` bytes of it. */
class Collector {
  parts: Uint8Array[] = [];
  size = 0;
  readonly limit: number;
  constructor(limit: number) {
    this.limit = limit;
  }
  add(bytes: Uint8Array): void {
    const room = this.limit - this.size;
    if (room <= 0) return;
    const kept = bytes.length > room ? bytes.subarray(0, room) : bytes;
    // A copy: the stream may reuse its buffers.
    this.parts.push(kept.slice());
    this.size += kept.length;
  }
  take(): Uint8Array {
    const message = joinBytes(this.parts);
    this.parts = [];
    this.size = 0;
    return message;
  }
}

/** Longest start of a line held back before it is passed on in pieces. */
const heldBack = 64;

/** Chunks in, messages out: a `From ` line ends the message before it. */
class Splitter {
  private readonly message: Collector;
  private started = false;
  // The start of a line not yet ended, and whether the bytes now arriving carry on a line
  // already passed on in pieces (so cannot start a message).
  private pending: Uint8Array = new Uint8Array(0);
  private continues = false;
  constructor(limit: number) {
    this.message = new Collector(limit);
  }

  /** One line, or a piece of a long one; the message it ends, if it starts the next. */
  private line(bytes: Uint8Array, ended: Uint8Array[]): void {
    if (!this.continues && fromAt(bytes, 0)) {
      if (this.started) ended.push(this.message.take());
      this.started = true;
    } else if (this.started) {
      this.message.add(!this.continues && quotedFrom(bytes, 0, bytes.length) ? bytes.subarray(1) : bytes);
    }
  }

  /** The messages a chunk ends. */
  push(chunk: Uint8Array): Uint8Array[] {
    const ended: Uint8Array[] = [];
    const data = this.pending.length === 0 ? chunk : joinBytes([this.pending, chunk]);
    let start = 0;
    for (let end = data.indexOf(10); end !== -1; end = data.indexOf(10, start)) {
      this.line(data.subarray(start, end + 1), ended);
      this.continues = false;
      start = end + 1;
    }
    this.pending = data.subarray(start);
    if (this.pending.length > heldBack) {
      // A long line: what we have of it is passed on now, so memory stays bounded.
      this.line(this.pending, ended);
      this.pending = new Uint8Array(0);
      this.continues = true;
    } else this.pending = this.pending.slice();
    return ended;
  }

  /** The messages the end of the mbox ends. */
  finish(): Uint8Array[] {
    const ended: Uint8Array[] = [];
    if (this.pending.length > 0) this.line(this.pending, ended);
    if (this.started) ended.push(this.message.take());
    this.started = false;
    return ended;
  }
}

/**
 * The messages of an mbox (mboxo or mboxrd), in order, each at most `limit` bytes; what comes
 * before the first `From ` line is no message.
 *
 * @example for await (const message of readMbox(createReadStream('bounces.mbox'))) await explainBounce(message)
 */
export async function* readMbox(
  chunks: AsyncIterable<Uint8Array>,
  limit: number = bounceLimits.maxMessageBytes,
): AsyncGenerator<Uint8Array> {
  const splitter = new Splitter(limit);
  for await (const chunk of chunks) yield* splitter.push(chunk);
  yield* splitter.finish();
}
