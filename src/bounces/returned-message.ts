// The message a report returns (`message/rfc822`, RFC 6533's `message/global`) or its headers
// alone (`text/rfc822-headers`, `message/global-headers`): only its headers are read.
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

/** The header block of a message: up to its first empty line (LF line endings). */
function headerBlock(bytes: Uint8Array): Uint8Array {
  for (let index = 0; index < bytes.length - 1; index++) {
    if (bytes[index] === 10 && bytes[index + 1] === 10) return bytes.subarray(0, index + 2);
  }
  return bytes;
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

/**
 * The headers of a returned message (or of a header block alone); `undefined` when they say
 * none of these things.
 *
 * @example await readReturnedMessage(new TextEncoder().encode('Subject: Hello\nMessage-ID: <1@example.org>\n\n')) // { messageId: '<1@example.org>', subject: 'Hello' }
 */
export async function readReturnedMessage(bytes: Uint8Array): Promise<ReturnedMessage | undefined> {
  try {
    const email = await parseMime(headerBlock(bytes));
    const found: ReturnedMessage = {};
    if (email.messageId) found.messageId = email.messageId;
    if (email.subject) found.subject = email.subject;
    if (email.date) found.date = email.date;
    const recipients = [...addressesOf(email.to), ...addressesOf(email.cc)];
    if (recipients.length > 0) found.recipients = recipients;
    return Object.keys(found).length > 0 ? found : undefined;
  } catch {
    return undefined;
  }
}
