// The message a report returns (`message/rfc822`, RFC 6533's `message/global`) or its headers
// alone (`text/rfc822-headers`, `message/global-headers`): only its headers are read.
import { addressParser, decodeWords } from 'postal-mime';
import { bounceLimits } from './limits.js';
import { parseMime } from './parse-mime.js';

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

/** The header block of a message: up to and with its first empty line (LF line endings), `undefined` when it has none. */
function headerBlock(bytes: Uint8Array): Uint8Array | undefined {
  for (let at = bytes.indexOf(10); at !== -1 && at < bytes.length - 1; at = bytes.indexOf(10, at + 1)) {
    if (bytes[at + 1] === 10) return bytes.subarray(0, at + 2);
  }
  return undefined;
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
 * The fields of a header block that ends in an empty line and holds no CR, by lowercased name in
 * order, unfolded (RFC 5322 §2.2.3) and trimmed as postal-mime reads them; `undefined` past
 * `bounceLimits.maxHeaderBytes`, where postal-mime rejects the message. Reading the block here
 * spares a second postal-mime run per report (its decoders and a `Blob` for the empty body):
 * about a twentieth of reading a typical report.
 */
function headerFields(block: Uint8Array): { key: string; value: string }[] | undefined {
  const folded: string[][] = [];
  let size = 0;
  for (let start = 0, end = block.indexOf(10); end > start; start = end + 1, end = block.indexOf(10, start)) {
    size += end - start;
    if (size > bounceLimits.maxHeaderBytes) return undefined;
    const line = headerDecoder.decode(block.subarray(start, end));
    const last = folded.at(-1);
    if (last !== undefined && (line.charCodeAt(0) === 32 || line.charCodeAt(0) === 9)) last.push(line);
    else folded.push([line]);
  }
  return folded.map((parts) => {
    const line = parts.join('');
    const colon = line.indexOf(':');
    const key = trimWsp(colon < 0 ? line : line.slice(0, colon)).toLowerCase();
    return { key, value: colon < 0 ? '' : trimWsp(line.slice(colon + 1)) };
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

/** What the fields say, as postal-mime's `Email` gives it: the first of each field, encoded words decoded, every `To` and `Cc`. */
function fromFields(fields: { key: string; value: string }[]): ReturnedMessage {
  const first = (key: string) => fields.find((field) => field.key === key)?.value;
  const found: ReturnedMessage = {};
  const messageId = first('message-id');
  if (messageId) found.messageId = decodeWords(messageId);
  const subject = first('subject');
  if (subject) found.subject = decodeWords(subject);
  const date = first('date');
  if (date !== undefined) {
    const parsed = new Date(date);
    const written = parsed.toString() === 'Invalid Date' ? date : parsed.toISOString();
    if (written) found.date = written;
  }
  const recipients = ['to', 'cc'].flatMap((key) =>
    fields
      .filter((field) => field.key === key && field.value !== '')
      .flatMap((field) => addressesOf(addressParser(field.value))),
  );
  if (recipients.length > 0) found.recipients = recipients;
  return found;
}

/**
 * The headers of a returned message (or of a header block alone); `undefined` when they say
 * none of these things.
 *
 * @example await readReturnedMessage(new TextEncoder().encode('Subject: Hello\nMessage-ID: <1@example.org>\n\n')) // { messageId: '<1@example.org>', subject: 'Hello' }
 */
export async function readReturnedMessage(bytes: Uint8Array): Promise<ReturnedMessage | undefined> {
  try {
    const block = headerBlock(bytes);
    // A block with a CR (kept by a decoded part), or no empty line at all: postal-mime reads it.
    const fields =
      block !== undefined && block.indexOf(13) === -1 ? headerFields(block) : (await parseMime(block ?? bytes)).headers;
    if (fields === undefined) return undefined;
    const found = fromFields(fields);
    return Object.keys(found).length > 0 ? found : undefined;
  } catch {
    return undefined;
  }
}
