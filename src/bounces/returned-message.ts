// The message a report returns (`message/rfc822`, RFC 6533's `message/global`) or its headers
// alone (`text/rfc822-headers`, `message/global-headers`): only its headers are read.
import { addressParser, decodeWords } from 'postal-mime';
import { bounceLimits } from './limits.js';

/** What a report says about the message it is about. */
export interface ReturnedMessage {
  /** `Message-ID`, angle brackets kept as written. */
  messageId?: string;
  subject?: string;
  /** `Date`, as an ISO 8601 string when it reads as a date (postal-mime), else as written. */
  date?: string;
  /** The addresses of `To` and `Cc`. */
  recipients?: string[];
}

// As postal-mime decodes a header line: UTF-8 (RFC 6532), a leading U+FEFF kept as a character.
const headerDecoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** Spaces and tabs off both ends, as postal-mime trims a field's name and value (not `trim`'s Unicode spaces). */
function trimWsp(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9)) start++;
  while (end > start && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  return text.slice(start, end);
}

/**
 * The header lines of a message as postal-mime reads them: each line ends at LF, without the CRs
 * before it (CRLF and LF read the same; a CR inside a line stays); the first empty line ends them,
 * else the end of the bytes does (a header block alone). `undefined` past
 * `bounceLimits.maxHeaderBytes`, where postal-mime rejects the message.
 */
function headerLines(bytes: Uint8Array): string[] | undefined {
  const lines: string[] = [];
  let size = 0;
  for (let start = 0; start < bytes.length; ) {
    const lf = bytes.indexOf(10, start);
    const next = lf === -1 ? bytes.length : lf;
    let end = next;
    while (end > start && bytes[end - 1] === 13) end--;
    if (end === start) break;
    size += end - start;
    if (size > bounceLimits.maxHeaderBytes) return undefined;
    lines.push(headerDecoder.decode(bytes.subarray(start, end)));
    start = next + 1;
  }
  return lines;
}

/**
 * A message's header fields, by lowercased name in order, unfolded (RFC 5322 §2.2.3) and trimmed
 * as postal-mime reads them, a CR left inside a value read as a space; `undefined` past
 * `bounceLimits.maxHeaderBytes`. Reading them here spares a second postal-mime run per report (its
 * decoders, and a `Blob` for a body that is not read): for a returned message in base64 with CRLF
 * inside, a run over the whole message.
 */
function headerFields(bytes: Uint8Array): { key: string; value: string }[] | undefined {
  const lines = headerLines(bytes);
  if (lines === undefined) return undefined;
  const folded: string[][] = [];
  for (const line of lines) {
    const last = folded.at(-1);
    if (last !== undefined && (line.charCodeAt(0) === 32 || line.charCodeAt(0) === 9)) last.push(line);
    else folded.push([line]);
  }
  return folded.map((parts) => {
    const line = parts.join('');
    const colon = line.indexOf(':');
    const key = trimWsp(colon < 0 ? line : line.slice(0, colon)).toLowerCase();
    if (colon < 0) return { key, value: '' };
    const value = line.slice(colon + 1);
    return { key, value: trimWsp(value.includes('\r') ? value.replace(/\r+/gu, ' ') : value) };
  });
}

type Addresses = { address?: string | undefined; group?: { address: string }[] | undefined }[] | undefined;

function addressesOf(list: Addresses): string[] {
  const found: string[] = [];
  for (const entry of list ?? []) {
    if (entry.address) found.push(entry.address);
    for (const member of entry.group ?? []) if (member.address) found.push(member.address);
  }
  return found;
}

const firstOnly = new Set(['message-id', 'subject', 'date']);

/** The first value of `Message-ID`, `Subject` and `Date`, and every address of `To`, then of `Cc`: one pass over the fields. */
function collected(fields: { key: string; value: string }[]): { first: Map<string, string>; recipients: string[] } {
  const first = new Map<string, string>();
  const addresses = { to: [] as string[], cc: [] as string[] };
  for (const { key, value } of fields) {
    if (firstOnly.has(key)) {
      if (!first.has(key)) first.set(key, value);
    } else if ((key === 'to' || key === 'cc') && value !== '')
      addresses[key].push(...addressesOf(addressParser(value)));
  }
  return { first, recipients: [...addresses.to, ...addresses.cc] };
}

/** What the fields say, as postal-mime's `Email` gives it: the first of each field, encoded words decoded, every `To` and `Cc`. */
function fromFields(fields: { key: string; value: string }[]): ReturnedMessage {
  const { first, recipients } = collected(fields);
  const found: ReturnedMessage = {};
  const messageId = first.get('message-id');
  if (messageId) found.messageId = decodeWords(messageId);
  const subject = first.get('subject');
  if (subject) found.subject = decodeWords(subject);
  const date = first.get('date');
  if (date) {
    const parsed = new Date(date);
    found.date = Number.isNaN(parsed.getTime()) ? date : parsed.toISOString();
  }
  if (recipients.length > 0) found.recipients = recipients;
  return found;
}

/**
 * The headers of a returned message (or of a header block alone), read as postal-mime reads a
 * message's headers; `undefined` when they say none of these things.
 *
 * @example readReturnedMessage(new TextEncoder().encode('Subject: Hello\r\nMessage-ID: <1@example.org>\r\n\r\n')) // { messageId: '<1@example.org>', subject: 'Hello' }
 */
export function readReturnedMessage(bytes: Uint8Array): ReturnedMessage | undefined {
  try {
    const fields = headerFields(bytes);
    if (fields === undefined) return undefined;
    const found = fromFields(fields);
    return Object.keys(found).length > 0 ? found : undefined;
  } catch {
    // postal-mime's address and encoded-word readers on what a mailbox may hold: no headers read.
    return undefined;
  }
}
