// One message as bytes, at most `bounceLimits.maxMessageBytes` of them, with one kind of line
// ending: a message saved with CRLF, LF or CR alone reads the same.
import { bounceLimits } from './limits.js';

/** What `explainBounce` takes: one message, as text or bytes. */
export type RawMessage = string | Uint8Array | ArrayBuffer;

/** The bytes of a message, cut at `limit` bytes; `undefined` for anything else. */
function cappedBytes(message: unknown, limit: number): Uint8Array | undefined {
  if (typeof message === 'string') {
    // A character is at most 3 UTF-8 bytes in a UTF-16 unit: cut before encoding a huge string.
    const bytes = new TextEncoder().encode(message.length > limit ? message.slice(0, limit) : message);
    return bytes.length > limit ? bytes.subarray(0, limit) : bytes;
  }
  if (message instanceof Uint8Array) return message.length > limit ? message.subarray(0, limit) : message;
  if (message instanceof ArrayBuffer) return new Uint8Array(message, 0, Math.min(limit, message.byteLength));
  return undefined;
}

/** CRLF and a CR alone made LF (base64 and quoted-printable read the same either way). */
function toLf(bytes: Uint8Array): Uint8Array {
  if (bytes.indexOf(13) === -1) return bytes;
  const out = new Uint8Array(bytes.length);
  let length = 0;
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index] as number;
    if (byte === 13) {
      out[length++] = 10;
      if (bytes[index + 1] === 10) index++;
    } else out[length++] = byte;
  }
  return out.subarray(0, length);
}

/**
 * The message's first `bounceLimits.maxMessageBytes` bytes with LF line endings; `undefined`
 * for a value that is no message (neither a string nor bytes).
 *
 * @example messageBytes('Subject: x\r\n\r\nHello\r\n')?.length // 19
 */
export function messageBytes(message: unknown, limit: number = bounceLimits.maxMessageBytes): Uint8Array | undefined {
  const bytes = cappedBytes(message, limit);
  return bytes === undefined ? undefined : toLf(bytes);
}
