// One message read into what it says about each recipient: the delivery-status part of a
// report (RFC 3464, RFC 6533), else a feedback report (RFC 5965), else the text of a
// human-readable bounce (`human-formats.ts`), else an auto-reply (RFC 3834). postal-mime decodes
// MIME, transfer encodings and charsets; the rest is a few lines per part.
import { bounceLimits } from './limits.js';
import { messageBytes } from './message-bytes.js';
import { type Attachment, type Email, parseMime } from './parse-mime.js';
import { readHumanBounce } from './read-human.js';
import { type RecipientFacts, readReportFields } from './report-fields.js';
import { type ReturnedMessage, readReturnedMessage } from './returned-message.js';

/** What a message is, as a report. */
export type ReportKind = 'delivery-status' | 'global-delivery-status' | 'feedback' | 'auto-reply' | 'human-readable';

/** What one message says about its recipients, before any explaining. */
export interface BounceFacts {
  report: ReportKind;
  /** For a human-readable bounce: the format read (`'postfix'`, `'exim'`…; `human-formats.ts`). */
  format?: string;
  /** The system that wrote the report (`Reporting-MTA`), when it says. */
  reportingMta?: string;
  /** When the reporting system received the message (`Arrival-Date`), as written. */
  arrivalDate?: string;
  /** For a feedback report: its `Feedback-Type` (`abuse`, `fraud`…). */
  feedbackType?: string;
  /** The message the report is about. */
  message?: ReturnedMessage;
  recipients: RecipientFacts[];
  /** Recipients past `bounceLimits.maxRecipients`, not read. */
  omitted: number;
}

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

function textOf(attachment: Attachment): string {
  const { content } = attachment;
  return typeof content === 'string' ? content : decoder.decode(content);
}

function bytesOf(attachment: Attachment): Uint8Array {
  const { content } = attachment;
  return typeof content === 'string' ? encoder.encode(content) : new Uint8Array(content);
}

const statusTypes = new Set(['message/delivery-status', 'message/global-delivery-status']);
const returnedTypes = new Set(['message/rfc822', 'message/global', 'text/rfc822-headers', 'message/global-headers']);

function headerOf(email: Email, name: string): string | undefined {
  return email.headers.find((header) => header.key === name)?.value;
}

/** RFC 3834 §5: `Auto-Submitted: auto-replied`; the common `X-Autoreply`, `Precedence: auto_reply`. */
function isAutoReply(email: Email): boolean {
  const auto = headerOf(email, 'auto-submitted')?.trim().toLowerCase();
  if (auto?.startsWith('auto-replied')) return true;
  return (
    headerOf(email, 'x-autoreply') !== undefined ||
    headerOf(email, 'x-autorespond') !== undefined ||
    headerOf(email, 'precedence')?.trim().toLowerCase() === 'auto_reply'
  );
}

const daemons = /^(?:mailer-daemon|postmaster|mail-daemon|mailerdaemon)@/iu;

function returnedOf(email: Email): ReturnedMessage | undefined {
  const part = email.attachments.find((attachment) => returnedTypes.has(attachment.mimeType));
  return part === undefined ? undefined : readReturnedMessage(bytesOf(part));
}

function withMessage(facts: BounceFacts, message: ReturnedMessage | undefined): BounceFacts {
  if (message !== undefined) facts.message = message;
  return facts;
}

/** The delivery-status part's facts, completed by the text where the part names no recipient. */
function fromStatusPart(email: Email, part: Attachment): BounceFacts | undefined {
  const fields = readReportFields(textOf(part));
  const facts: BounceFacts = {
    report: part.mimeType === 'message/global-delivery-status' ? 'global-delivery-status' : 'delivery-status',
    recipients: fields.recipients,
    omitted: fields.omitted,
  };
  if (fields.reportingMta !== undefined) facts.reportingMta = fields.reportingMta;
  if (fields.arrivalDate !== undefined) facts.arrivalDate = fields.arrivalDate;
  if (facts.recipients.length === 0) {
    // A poor report (no recipient block): what its text says, if a format reads it.
    const human = readHumanBounce(email.text ?? '', email.from?.address ?? '', email.subject ?? '');
    if (human === undefined) return undefined;
    facts.format = human.format;
    facts.recipients = human.recipients;
    facts.omitted = human.omitted;
  }
  return withMessage(facts, returnedOf(email));
}

function fromFeedback(email: Email, part: Attachment): BounceFacts {
  const message = returnedOf(email);
  const block = textOf(part);
  const type = /^Feedback-Type:[ \t]*([^\s;]+)/imu.exec(block)?.[1]?.toLowerCase();
  const reportedTo = [...block.matchAll(/^Original-Rcpt-To:[ \t]*<?([^\s<>]+)>?/gimu)].map(
    (match) => match[1] as string,
  );
  const recipients = (reportedTo.length > 0 ? reportedTo : (message?.recipients ?? [undefined])).slice(
    0,
    bounceLimits.maxRecipients,
  );
  const facts: BounceFacts = {
    report: 'feedback',
    recipients: recipients.map((recipient) =>
      recipient === undefined ? { action: 'delivered' } : { recipient, action: 'delivered' },
    ),
    omitted: 0,
  };
  const reporter = /^Reporting-MTA:[ \t]*(?:dns;)?[ \t]*(\S+)/imu.exec(block)?.[1];
  if (reporter !== undefined) facts.reportingMta = reporter;
  if (type !== undefined) facts.feedbackType = type;
  return withMessage(facts, message);
}

function fromText(email: Email): BounceFacts | undefined {
  const text = email.text ?? '';
  const human = readHumanBounce(text, email.from?.address ?? '', email.subject ?? '');
  if (human === undefined) return undefined;
  const facts: BounceFacts = {
    report: 'human-readable',
    format: human.format,
    recipients: human.recipients,
    omitted: human.omitted,
  };
  let message = returnedOf(email);
  if (message === undefined && human.returnedAt !== undefined) {
    const returned = text.slice(human.returnedAt).trimStart();
    // Only its headers are read: the text up to its first empty line is encoded, not the whole copy.
    const blank = returned.indexOf('\n\n');
    message = readReturnedMessage(encoder.encode(blank === -1 ? returned : returned.slice(0, blank + 2)));
  }
  return withMessage(facts, message);
}

/**
 * Reads one message as a report: its kind, the reporting system, the returned message and each
 * recipient's facts in the order the report lists them. `undefined` for an ordinary message,
 * for anything that is no message, and for a message past the bounds of `bounceLimits`.
 * Never throws.
 *
 * @example (await readBounce(raw))?.recipients[0]?.status // '5.1.1'
 */
export async function readBounce(message: unknown): Promise<BounceFacts | undefined> {
  const bytes = messageBytes(message);
  if (bytes === undefined) return undefined;
  let email: Email;
  try {
    email = await parseMime(bytes);
  } catch {
    return undefined;
  }
  try {
    const status = email.attachments.find((attachment) => statusTypes.has(attachment.mimeType));
    if (status !== undefined) return fromStatusPart(email, status);
    const feedback = email.attachments.find((attachment) => attachment.mimeType === 'message/feedback-report');
    if (feedback !== undefined) return fromFeedback(email, feedback);
    const human = fromText(email);
    if (human !== undefined) return human;
    const from = email.from?.address ?? '';
    if (isAutoReply(email) && !daemons.test(from)) {
      return withMessage(
        {
          report: 'auto-reply',
          recipients: [from === '' ? { action: 'delivered' } : { recipient: from, action: 'delivered' }],
          omitted: 0,
        },
        email.inReplyTo ? { messageId: email.inReplyTo } : undefined,
      );
    }
    return undefined;
  } catch {
    return undefined;
  }
}
