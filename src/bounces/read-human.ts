// One matcher for the formats of `human-formats.ts`: the first format whose `detect` matches reads
// the text into per-recipient facts, as a delivery-status part would give them.
import { type HumanFormat, humanFormats } from './human-formats.js';
import { bounceLimits } from './limits.js';
import type { RecipientFacts } from './report-fields.js';

/** What a human-readable bounce says. */
export interface HumanReport {
  /** The format's `id`, e.g. `'postfix'`. */
  format: string;
  recipients: RecipientFacts[];
  /** Recipients past `bounceLimits.maxRecipients`, not read. */
  omitted: number;
  /** Where in the text the returned message's headers start, when the format says. */
  returnedAt?: number;
}

const enhancedPattern = /(?:^|[\s(#[])([245]\.\d{1,3}\.\d{1,3})(?=$|[\s).\]:;,])/u;
// A reply quoted in a diagnostic: a code at the start of a line or after a space.
const replyPattern = /(?:^|[\s:'"])([2-5]\d\d[ -][\s\S]*)$/u;

/** The diagnostic made one reply: `<<< ` quoting and indentation gone, reply lines kept apart. */
function cleanDiagnostic(text: string): string {
  const lines = text
    .split('\n')
    .map((line) => line.replace(/^<<< /u, '').trim())
    .filter((line) => line !== '');
  let joined = '';
  for (const line of lines) joined += joined === '' ? line : /^[2-5]\d\d[ -]/u.test(line) ? `\n${line}` : ` ${line}`;
  return joined.length > bounceLimits.maxDiagnosticChars
    ? `${joined.slice(0, bounceLimits.maxDiagnosticChars)}…`
    : joined;
}

/** A recipient's facts from its block of text, by the format's patterns. */
function readBlock(format: HumanFormat, recipient: string, block: string, delayed: boolean): RecipientFacts {
  const facts: RecipientFacts = { recipient, action: delayed ? 'delayed' : 'failed' };
  for (const pattern of format.diagnostic) {
    const found = pattern.exec(block)?.[1];
    if (found !== undefined && found.trim() !== '') {
      facts.diagnostic = cleanDiagnostic(found);
      break;
    }
  }
  const said = facts.diagnostic ?? block;
  // The status: an enhanced code the diagnostic gives (`(#5.1.1)`, `550 5.1.1 …`), else the
  // phrase the system documents, else the class the notice states.
  const reply = facts.diagnostic === undefined ? undefined : replyPattern.exec(facts.diagnostic)?.[1];
  const enhanced = enhancedPattern.exec(said)?.[1];
  const phrase = format.phrases?.find(([pattern]) => pattern.test(said))?.[1];
  facts.status =
    enhanced ?? phrase ?? (reply !== undefined ? `${reply[0]}.0.0` : undefined) ?? (delayed ? '4.0.0' : '5.0.0');
  return facts;
}

/** The part of the text that lists the recipients: between the format's `start` and `end`. */
function listOf(format: HumanFormat, text: string): string {
  const opened = format.start?.exec(text);
  const from = opened ? opened.index + opened[0].length : 0;
  const closed = format.end?.exec(text.slice(from));
  return text.slice(from, closed ? from + closed.index : text.length);
}

/** Where each recipient's block starts in the list, with its address. */
function recipientStarts(format: HumanFormat, list: string): { at: number; recipient: string }[] {
  const pattern = new RegExp(format.recipient.source, format.recipient.flags);
  const starts: { at: number; recipient: string }[] = [];
  for (let match = pattern.exec(list); match !== null; match = pattern.exec(list)) {
    if (match[0] === '') pattern.lastIndex++;
    if (match[1] !== undefined) starts.push({ at: match.index, recipient: match[1] });
  }
  return starts;
}

/**
 * Reads a human-readable bounce by the first format of `humanFormats` that matches: one entry per
 * recipient the text lists, in order. `undefined` when no format matches or none lists a recipient.
 *
 * @example readHumanBounce('Hi. This is the qmail-send program at mx.example.org.\n…\n<a@example.net>:\nRemote host said: 550 5.1.1 No such user\n', 'MAILER-DAEMON@example.org', 'failure notice')?.format // 'qmail'
 */
export function readHumanBounce(text: string, from = '', subject = ''): HumanReport | undefined {
  const head = `${from}\n${subject}\n${text}`;
  const format = humanFormats().find((row) => row.detect.test(head));
  if (format === undefined) return undefined;
  const list = listOf(format, text);
  const delayed = format.delayed?.test(head) ?? false;
  const report: HumanReport = { format: format.id, recipients: [], omitted: 0 };
  const starts = recipientStarts(format, list);
  for (const [index, start] of starts.entries()) {
    if (report.recipients.length >= bounceLimits.maxRecipients) {
      report.omitted++;
      continue;
    }
    const block = list.slice(start.at, starts[index + 1]?.at ?? list.length);
    report.recipients.push(readBlock(format, start.recipient, block, delayed));
  }
  if (report.recipients.length === 0) return undefined;
  const returned = format.returned?.exec(text);
  if (returned) report.returnedAt = returned.index + returned[0].length + 1;
  return report;
}
