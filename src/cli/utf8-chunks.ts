// The text of a byte stream read in chunks, as one streaming `TextDecoder('utf-8')` gives it (a
// byte order mark dropped at the start, malformed bytes as U+FFFD), with a chunk of ASCII alone
// copied as it is: a mail log is ASCII almost everywhere, and Node's `TextDecoder` took six
// times as long as the copy (about a tenth of `smtp-status explain < mail.log`).
import { isAscii } from 'node:buffer';

/** Decodes the chunks of one stream in order: `text(chunk)` for each, then `end()`. */
export interface Utf8Chunks {
  text(chunk: Uint8Array): string;
  /** What the last chunks left (an incomplete character, as U+FFFD). */
  end(): string;
}

/** ASCII bytes as text: each byte one character (`latin1` reads them so without a check). */
const ascii = (chunk: Uint8Array) => Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');

/**
 * A decoder for one stream of UTF-8 chunks.
 *
 * @example const chunks = utf8Chunks(); chunks.text(Buffer.from('550 ')) + chunks.end() // '550 '
 */
export function utf8Chunks(): Utf8Chunks {
  // The byte order mark is dropped here, once, so that a chunk copied as ASCII and a chunk
  // decoded are alike to the decoder: every call is the middle of its stream.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let started = false;
  // Whether the decoder may hold the first bytes of a character: the last chunk it decoded ended
  // with a byte that is not ASCII. The next chunk then goes to the decoder, which completes it.
  let holding = false;
  const first = (text: string) => {
    if (started || text === '') return text;
    started = true;
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  };
  return {
    text(chunk) {
      if (!holding && isAscii(chunk)) return first(ascii(chunk));
      if (chunk.length > 0) holding = (chunk.at(-1) ?? 0) >= 0x80;
      return first(decoder.decode(chunk, { stream: true }));
    },
    end: () => first(decoder.decode()),
  };
}
