// The one module that imports postal-mime: a message's MIME structure, transfer encodings and
// charsets decoded within the bounds of `bounceLimits`.
import PostalMime, { type Email } from 'postal-mime';
import { bounceLimits } from './limits.js';
import type { MessageBytes } from './message-bytes.js';

export type { Attachment, Email } from 'postal-mime';

/**
 * A message parsed by postal-mime: every `message/rfc822` part kept as an attachment (its bytes),
 * not read into the text (an `ArrayBuffer` is read in place, a view copied first); rejects past
 * `bounceLimits.maxNesting` or `bounceLimits.maxHeaderBytes`.
 *
 * @example (await parseMime(new TextEncoder().encode('Subject: Hi\n\nHello\n'))).subject // 'Hi'
 */
export function parseMime(bytes: MessageBytes): Promise<Email> {
  return new PostalMime({
    rfc822Attachments: true,
    attachmentEncoding: 'arraybuffer',
    maxNestingDepth: bounceLimits.maxNesting,
    maxHeadersSize: bounceLimits.maxHeaderBytes,
    maxRfc822NestingDepth: 0,
  }).parse(bytes);
}
