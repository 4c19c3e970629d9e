// The fields of a `message/delivery-status` part (RFC 3464 §2) or its UTF-8 form
// `message/global-delivery-status` (RFC 6533 §6): `Field: value` blocks separated by blank
// lines, the first per message, each following one per recipient. A few lines, not a parser:
// the part is plain text once postal-mime has decoded its transfer encoding.
import { bounceLimits } from './limits.js';

/** What a report says about one recipient (RFC 3464 §2.3), as written but for the address type. */
export interface RecipientFacts {
  /** `Final-Recipient`, without its address type (`rfc822;`). */
  recipient?: string;
  /** `Original-Recipient`, without its address type. */
  originalRecipient?: string;
  /** `Action`, lowercased: failed, delayed, delivered, relayed, expanded. */
  action?: string;
  /** `Status`: the enhanced status code, e.g. `'5.1.1'`. */
  status?: string;
  /** `Remote-MTA`, without its type (`dns;`). */
  remoteMta?: string;
  /** `Diagnostic-Code` without its type (`smtp;`): the remote server's reply, reply lines kept apart by `\n`. */
  diagnostic?: string;
  /** The type of `Diagnostic-Code` (`smtp`, `x-unix`…), lowercased. */
  diagnosticType?: string;
}

/** What a delivery-status part says: the per-message fields, and one entry per recipient in order. */
export interface ReportFields {
  /** `Reporting-MTA`, without its type. */
  reportingMta?: string;
  /** `Arrival-Date`, as written. */
  arrivalDate?: string;
  /** `Original-Envelope-Id`, as written. */
  envelopeId?: string;
  recipients: RecipientFacts[];
  /** Recipient blocks past `bounceLimits.maxRecipients`, not read. */
  omitted: number;
}

/** `rfc822; a@b.c` → `a@b.c`; RFC 6533's `utf-8;` addresses have their `\x{…}` escapes decoded. */
function typedValue(value: string): { type?: string; value: string } {
  const semicolon = value.indexOf(';');
  if (semicolon === -1) return { value: value.trim() };
  const type = value.slice(0, semicolon).trim().toLowerCase();
  const rest = value.slice(semicolon + 1).trim();
  return { type, value: type === 'utf-8' ? unescapeUtf8(rest) : rest };
}

/** RFC 6533 §3: `\x{HEXPOINT}` stands for one character in a `utf-8-addr-xtext`. */
function unescapeUtf8(text: string): string {
  return text.replace(/\\x\{([0-9A-Fa-f]{1,6})\}/gu, (whole, hex: string) => {
    const point = Number.parseInt(hex, 16);
    return point <= 0x10ffff ? String.fromCodePoint(point) : whole;
  });
}

const replyStart = /^[2-5]\d\d[ -]/u;

/**
 * A folded `Diagnostic-Code` made one value: a continuation that starts a reply line
 * (`550-5.1.1 …`, as servers fold multi-line replies) starts a new line; any other is joined
 * with a space (RFC 5322 unfolding).
 */
function joinDiagnostic(first: string, continuations: string[]): string {
  let text = first;
  for (const line of continuations) text += replyStart.test(line) ? `\n${line}` : ` ${line}`;
  return text.length > bounceLimits.maxDiagnosticChars ? `${text.slice(0, bounceLimits.maxDiagnosticChars)}…` : text;
}

/** One block's fields by lowercased name, the first occurrence kept; each value's folded lines kept apart. */
function readBlock(lines: string[], from: number, to: number): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  let current: string[] | undefined;
  for (let index = from; index < to; index++) {
    const line = lines[index] as string;
    if (line.charCodeAt(0) === 32 || line.charCodeAt(0) === 9) {
      current?.push(line.trim());
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) {
      current = undefined;
      continue;
    }
    const name = line.slice(0, colon).trim().toLowerCase();
    current = [line.slice(colon + 1).trim()];
    if (!fields.has(name)) fields.set(name, current);
  }
  return fields;
}

const flat = (value: string[] | undefined) => (value === undefined ? undefined : value.join(' ').trim());

function recipientOf(fields: Map<string, string[]>): RecipientFacts {
  const facts: RecipientFacts = {};
  const final = flat(fields.get('final-recipient'));
  if (final) facts.recipient = typedValue(final).value;
  const original = flat(fields.get('original-recipient'));
  if (original) facts.originalRecipient = typedValue(original).value;
  const action = flat(fields.get('action'));
  if (action) facts.action = action.split(/[\s(]/u, 1)[0]?.toLowerCase() ?? action;
  const status = flat(fields.get('status'));
  if (status) facts.status = status.split(/[\s(]/u, 1)[0] ?? status;
  const remote = flat(fields.get('remote-mta'));
  if (remote) facts.remoteMta = typedValue(remote).value;
  const diagnostic = fields.get('diagnostic-code');
  if (diagnostic?.[0] !== undefined) {
    const { type, value } = typedValue(diagnostic[0]);
    const text = joinDiagnostic(value, diagnostic.slice(1));
    if (text !== '') facts.diagnostic = text;
    if (type !== undefined) facts.diagnosticType = type;
  }
  return facts;
}

/** The line ranges of the blocks of a part: runs of lines between blank lines. */
function blocksOf(lines: string[]): [from: number, to: number][] {
  const blocks: [number, number][] = [];
  let start = 0;
  for (let index = 0; index <= lines.length; index++) {
    if (index < lines.length && (lines[index] as string).trim() !== '') continue;
    if (index > start) blocks.push([start, index]);
    start = index + 1;
  }
  return blocks;
}

const isRecipientBlock = (fields: Map<string, string[]>) =>
  fields.has('final-recipient') || fields.has('original-recipient');

/** The per-message fields (RFC 3464 §2.2) into `result`. */
function readMessageFields(fields: Map<string, string[]>, result: ReportFields): void {
  const reporting = flat(fields.get('reporting-mta'));
  if (reporting) result.reportingMta = typedValue(reporting).value;
  const arrival = flat(fields.get('arrival-date'));
  if (arrival) result.arrivalDate = arrival;
  const envelope = flat(fields.get('original-envelope-id'));
  if (envelope) result.envelopeId = envelope;
}

/**
 * Reads the text of a delivery-status part: the per-message fields and each recipient block in
 * the order written, at most `bounceLimits.maxRecipients` of them (the rest counted in `omitted`).
 *
 * @example readReportFields('Reporting-MTA: dns; mx.example.org\n\nFinal-Recipient: rfc822; a@example.net\nAction: failed\nStatus: 5.1.1\n').recipients[0]?.status // '5.1.1'
 */
export function readReportFields(text: string): ReportFields {
  const lines = text.split(/\r\n|\r|\n/u);
  const result: ReportFields = { recipients: [], omitted: 0 };
  for (const [index, [from, to]] of blocksOf(lines).entries()) {
    if (result.recipients.length >= bounceLimits.maxRecipients) {
      result.omitted++;
      continue;
    }
    const fields = readBlock(lines, from, to);
    // The first block holds the per-message fields; a report that starts with a recipient block has none.
    if (index === 0 && !isRecipientBlock(fields)) readMessageFields(fields, result);
    else if (isRecipientBlock(fields)) result.recipients.push(recipientOf(fields));
  }
  return result;
}
