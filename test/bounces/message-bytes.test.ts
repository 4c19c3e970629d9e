// A message's bytes on the way to postal-mime: LF, CRLF and CR alone, as a string or as bytes,
// read as the same message; a CR alone made LF, CRLF left to postal-mime; the caller's bytes
// never written to, and copied at most once.
import { describe, expect, it } from 'vitest';
import { messageBytes } from '../../src/bounces/message-bytes.js';
import { parseMime } from '../../src/bounces/parse-mime.js';

const message = [
  'From: Mail Delivery System <MAILER-DAEMON@example.org>',
  'Subject: Undelivered Mail',
  'Content-Type: multipart/mixed; boundary=b',
  '',
  '--b',
  'Content-Type: text/plain',
  '',
  'I could not deliver it.',
  '',
  '--b',
  'Content-Type: message/rfc822',
  '',
  'Subject: Hello',
  'Message-ID: <1@example.org>',
  '',
  'Body.',
  '--b--',
  '',
].join('\n');

const endings = { LF: '\n', CRLF: '\r\n', CR: '\r' } as const;
const withEnding = (ending: string) => message.replaceAll('\n', ending);

/** Each way a caller may hand the message over. */
const forms = {
  string: (text: string) => text,
  Uint8Array: (text: string) => new TextEncoder().encode(text),
  Buffer: (text: string) => Buffer.from(text),
  'a Buffer in a larger pool': (text: string) => {
    const pool = Buffer.from(`xx${text}yy`);
    return pool.subarray(2, pool.length - 2);
  },
  ArrayBuffer: (text: string) => new TextEncoder().encode(text).buffer,
} as const;

const text = (bytes: ArrayBuffer | Uint8Array | undefined) => new TextDecoder().decode(bytes);

describe('messageBytes', () => {
  describe.each(Object.entries(forms))('from a %s', (_form, make) => {
    it.each(Object.entries(endings))('%s line endings: the lines of the LF message', (_label, ending) => {
      const bytes = messageBytes(make(withEnding(ending)));
      // CRLF stays (postal-mime drops a CR before LF); a CR alone is LF.
      expect(text(bytes)).toBe(ending === '\r\n' ? withEnding('\r\n') : message);
    });

    it.each(Object.entries(endings))('%s line endings: postal-mime reads the same message', async (_label, ending) => {
      const expected = await parseMime(new TextEncoder().encode(message));
      const read = await parseMime(messageBytes(make(withEnding(ending))) as ArrayBuffer | Uint8Array);
      expect(read.headers).toEqual(expected.headers);
      expect(read.text).toBe(expected.text);
      expect(read.attachments.map((part) => text(part.content as ArrayBuffer))).toEqual(
        expected.attachments.map((part) => text(part.content as ArrayBuffer)),
      );
    });

    it('never writes to the caller’s bytes, and hands them over as its own only when it wrote them', () => {
      const given = make(withEnding('\r'));
      const before = typeof given === 'string' ? given : Buffer.from(new Uint8Array(given as ArrayBuffer)).toString();
      const bytes = messageBytes(given);
      const after = typeof given === 'string' ? given : Buffer.from(new Uint8Array(given as ArrayBuffer)).toString();
      expect(after).toBe(before);
      expect(bytes).toBeInstanceOf(ArrayBuffer);
      if (typeof given !== 'string') expect(bytes).not.toBe(given instanceof ArrayBuffer ? given : given.buffer);
    });
  });

  it('a CR alone is LF wherever it is, CR CR LF included; a CR before LF stays', () => {
    expect(text(messageBytes('a\rb\r\nc\r\r\nd\r'))).toBe('a\nb\r\nc\n\r\nd\n');
  });

  it('bytes without a CR alone are the caller’s view, not a copy (postal-mime copies them once)', () => {
    const given = Buffer.from(withEnding('\r\n'));
    const bytes = messageBytes(given);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect((bytes as Uint8Array).buffer).toBe(given.buffer);
  });

  it('a string is encoded once, into an ArrayBuffer of exactly its bytes', () => {
    const bytes = messageBytes('Subject: naïve\r\rBody\r');
    expect(bytes).toBeInstanceOf(ArrayBuffer);
    expect(text(bytes)).toBe('Subject: naïve\n\nBody\n');
  });

  it('cuts at the limit, before a CR alone is made LF', () => {
    expect(text(messageBytes('abc\rdef', 4))).toBe('abc\n');
    expect(text(messageBytes(Buffer.from('abc\r\ndef'), 4))).toBe('abc\n');
    expect(text(messageBytes(new TextEncoder().encode('abcdef').buffer, 4))).toBe('abcd');
    // Three bytes a character: the string is cut at the limit in bytes, not in characters.
    expect(text(messageBytes('€€€', 6))).toBe('€€');
  });

  it('is undefined for what is no message', () => {
    for (const value of [undefined, null, 42, {}, [13, 10], new Uint16Array(2)]) {
      expect(messageBytes(value)).toBeUndefined();
    }
  });
});
