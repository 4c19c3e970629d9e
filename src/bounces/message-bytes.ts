// One message as bytes, at most `bounceLimits.maxMessageBytes` of them, copied at most once on
// the way to postal-mime: a message saved with CRLF, LF or CR alone reads the same.
import { bounceLimits } from './limits.js';

/** What `explainBounce` takes: one message, as text or bytes. */
export type RawMessage = string | Uint8Array | ArrayBuffer;

/**
 * A message as postal-mime takes it: an `ArrayBuffer` this module wrote (postal-mime reads one in
 * place), or a view of the caller's bytes, which postal-mime copies before reading.
 */
export type MessageBytes = ArrayBuffer | Uint8Array;

const cr = 13;
const lf = 10;
const encoder = new TextEncoder();

/** Where the first CR that no LF follows is, from `from` on; -1 when there is none. */
function loneCr(bytes: Uint8Array, from: number): number {
  for (let at = bytes.indexOf(cr, from); at !== -1; at = bytes.indexOf(cr, at + 1)) {
    if (bytes[at + 1] !== lf) return at;
  }
  return -1;
}

/**
 * Each CR that no LF follows made LF, in place, from `first` (one such CR) on: `indexOf` skips
 * the runs between them. CRLF stays: postal-mime ends a line at LF and drops the CRs before it,
 * so a CRLF message reads as the same message with LF alone, and needs no copy of its own.
 */
function loneCrToLf(bytes: Uint8Array, first: number): void {
  for (let at = first; at !== -1; at = loneCr(bytes, at + 1)) bytes[at] = lf;
}

/** Bytes this module wrote, as the `ArrayBuffer` they fill, when they fill one. */
function handedOver(bytes: Uint8Array): MessageBytes {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : bytes;
}

/**
 * The message's first `bounceLimits.maxMessageBytes` bytes, each CR alone made LF; `undefined` for
 * a value that is no message (neither a string nor bytes). A string is encoded once, into bytes
 * handed over as they are; the caller's bytes are copied once, by postal-mime or, when they hold
 * a CR alone, here; they are never written to.
 *
 * @example new TextDecoder().decode(messageBytes('Subject: x\r\rHello\r')) // 'Subject: x\n\nHello\n'
 */
export function messageBytes(message: unknown, limit: number = bounceLimits.maxMessageBytes): MessageBytes | undefined {
  if (typeof message === 'string') {
    // A UTF-16 unit is at most 3 UTF-8 bytes: cut before encoding a huge string, then at `limit` bytes.
    const encoded = encoder.encode(message.length > limit ? message.slice(0, limit) : message);
    const bytes = encoded.length > limit ? encoded.subarray(0, limit) : encoded;
    loneCrToLf(bytes, loneCr(bytes, 0));
    return handedOver(bytes);
  }
  let view: Uint8Array;
  if (message instanceof Uint8Array) view = message.length > limit ? message.subarray(0, limit) : message;
  else if (message instanceof ArrayBuffer) view = new Uint8Array(message, 0, Math.min(limit, message.byteLength));
  else return undefined;
  const first = loneCr(view, 0);
  if (first === -1) return view;
  // `new Uint8Array(view)` copies (a Buffer's `slice` would not).
  const copy = new Uint8Array(view);
  loneCrToLf(copy, first);
  return copy.buffer;
}
