// The bytes `smtp-status explain < mail.log` writes for one chunk of input, gathered in one
// buffer: what repeats from line to line (an answer's fields, most of them non-ASCII) is encoded
// once and copied, and only each line's own words (a recipient, a line number) are encoded as
// they come. Writing the output as one string instead meant joining it from hundreds of pieces
// and encoding all of it again on every write, which cost more than explaining the lines.
import type { StreamOutput } from './explain-stream.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * A text as the bytes the output holds for it (UTF-8), made once and copied by `addBytes`.
 *
 * @example encoded('mailbox-full\t…\n')
 */
export function encoded(text: string): Uint8Array {
  return encoder.encode(text);
}

/** The size a buffer starts at: a chunk of input (64 KiB) makes about that much text output. */
const initialSize = 64 * 1024;

/** Bytes gathered for one write. */
export interface OutputBytes {
  /** Appends bytes made by `encoded`. */
  addBytes(bytes: Uint8Array): void;
  /** Appends a text, encoded as UTF-8 (lone surrogates as U+FFFD, as a stream writes a string). */
  addText(text: string): void;
  /** Whether nothing was gathered since the last `take`. */
  isEmpty(): boolean;
  /**
   * Writes what was gathered to `output` (as `writeBytes` does) and empties the gathering; returns
   * what the output's `write` returned (`false`: wait for `drain`). The next bytes are gathered in
   * the same buffer when the output holds none of it once the write returns (a file, which Node
   * writes at once; an output that takes text, which gets a copy), else in a new one of the size
   * this one grew to (a pipe may hold the bytes until it is drained).
   */
  writeTo(output: StreamOutput): unknown;
}

/**
 * An empty gathering of output bytes.
 *
 * @example const out = outputBytes(); out.addText('550\n'); process.stdout.write(out.take())
 */
export function outputBytes(): OutputBytes {
  let buffer = Buffer.allocUnsafe(initialSize);
  let length = 0;
  const room = (more: number) => {
    if (length + more <= buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(buffer.length * 2, length + more));
    buffer.copy(grown, 0, 0, length);
    buffer = grown;
  };
  return {
    addBytes(bytes) {
      room(bytes.length);
      buffer.set(bytes, length);
      length += bytes.length;
    },
    addText(text) {
      // A UTF-16 code unit is at most three bytes of UTF-8 (a surrogate pair, two units, is four).
      room(text.length * 3);
      length += buffer.write(text, length);
    },
    isEmpty: () => length === 0,
    writeTo(output) {
      const written = writeBytes(output, buffer.subarray(0, length));
      length = 0;
      if (takesBytes(output) && output.writableLength !== 0) buffer = Buffer.allocUnsafe(buffer.length);
      return written;
    },
  };
}

/** A Node writable stream, which takes bytes as well as text. */
interface ByteStream {
  writableLength: number;
  write(chunk: Uint8Array): unknown;
}

/** Told by `writableLength`, read without importing `node:stream` into the CLI. */
function takesBytes(output: StreamOutput | ByteStream): output is ByteStream {
  return 'writableLength' in output;
}

/**
 * Writes gathered bytes: as they are to a Node writable stream (`process.stdout`, whatever it is:
 * a file, a pipe, a terminal), decoded to text for any other output (a test double that takes text).
 *
 * @example writeBytes(process.stdout, bytes)
 */
function writeBytes(output: StreamOutput, bytes: Uint8Array): unknown {
  return takesBytes(output) ? output.write(bytes) : output.write(decoder.decode(bytes));
}
