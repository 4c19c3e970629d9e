// The returned message's headers, read without a second postal-mime run: the same answer as
// postal-mime's own parse of the block (the independent reading), for header blocks written to
// probe each rule it applies (folding, encoded words, groups, the first of a field, dates, the
// header-size bound, a CR before LF or inside a line, no empty line), in LF, CRLF and CR; and
// reports whose returned message or headers come in base64, with LF or CRLF inside.
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { bounceLimits, explainBounce } from '../../src/bounce.js';
import { readReturnedMessage } from '../../src/bounces/returned-message.js';
import { deliveryReport, recipientBlock } from '../helpers/delivery-report.ts';

const encoder = new TextEncoder();

/** What postal-mime's `Email` says of the block, in the shape `readReturnedMessage` answers. */
async function postalMimeReading(block: string): Promise<Record<string, unknown> | undefined> {
  let email: Awaited<ReturnType<typeof PostalMime.parse>>;
  try {
    email = await PostalMime.parse(block, { maxHeadersSize: bounceLimits.maxHeaderBytes });
  } catch {
    return undefined;
  }
  const addresses = [...(email.to ?? []), ...(email.cc ?? [])].flatMap((entry) => [
    ...(entry.address ? [entry.address] : []),
    ...(entry.group ?? []).map((member) => member.address).filter((address) => address !== ''),
  ]);
  const found: Record<string, unknown> = {};
  if (email.messageId) found.messageId = email.messageId;
  if (email.subject) found.subject = email.subject;
  if (email.date) found.date = email.date;
  if (addresses.length > 0) found.recipients = addresses;
  return Object.keys(found).length > 0 ? found : undefined;
}

const blocks: Record<string, string> = {
  'plain fields':
    'Message-ID: <1@example.org>\nSubject: Hello\nDate: Tue, 1 Dec 2026 10:00:00 +0000\nTo: a@example.net\n\n',
  'a folded subject keeps its folding space': 'Subject: Quarterly\n   figures\n\tand more\n\n',
  'encoded words': 'Subject: =?UTF-8?Q?Caf=C3=A9?= =?ISO-8859-1?B?R3L832U=?=\n\n',
  'raw UTF-8 (RFC 6532) and a leading U+FEFF kept': '\uFEFFSubject: naïve\nSubject: second\nTo: josé@example.net\n\n',
  'the first field of a name, even empty': 'Subject:\nSubject: second\nMessage-ID:   \nMessage-ID: <2@x>\n\n',
  'every To and Cc, groups opened':
    'To: a@x.example, "B, C" <b@x.example>\nCc: team: c@x.example, d@x.example;\nTo: e@x.example\nCc:\n\n',
  'a date that reads as none is kept as written': 'Date: yesterday at noon\n\n',
  'an empty date': 'Date:\nSubject: s\n\n',
  'names with spaces and case': 'SUBJECT : upper\n  Message-Id :<3@x>\n\n',
  'a line without a colon': 'Subject\nTo: a@x.example\n\n',
  'a continuation first': ' folded: first\nSubject: s\n\n',
  'nothing it reads': 'X-Mailer: test\nReceived: from a by b\n\n',
  'an empty line first': '\nSubject: after\n\n',
  // Two header lines of 10 and 8 + n bytes (the empty line ends them): exactly the bound, then one byte past.
  'headers up to the bound': `Subject: s\nX-Long: ${'x'.repeat(bounceLimits.maxHeaderBytes - 18)}\n\n`,
  'headers past the bound': `Subject: s\nX-Long: ${'x'.repeat(bounceLimits.maxHeaderBytes - 17)}\n\n`,
  'a CR kept by a decoded part': 'Subject: with CR\r\nTo: a@x.example\r\n\r\n',
  'CRs inside a line and before its end': 'Subject: one\rtwo\r\r\nTo: a@x.example\r\n\r\r\nCc: b@x.example\n\n',
  'no empty line': 'Subject: no end\nTo: a@x.example',
  'a message with its body': 'Subject: s\nTo: a@x.example\n\nBody\nTo: not-a-header@x.example\n',
};

const endings = { LF: '\n', CRLF: '\r\n', CR: '\r' } as const;

describe('the returned message’s headers', () => {
  describe.each(Object.entries(endings))('%s line endings', (_label, ending) => {
    it.each(Object.entries(blocks))('%s: as postal-mime reads them', async (_name, block) => {
      const written = block.replaceAll('\n', ending);
      expect(readReturnedMessage(encoder.encode(written))).toEqual(await postalMimeReading(written));
    });
  });

  it('reads what each rule says (folding joined, encoded words decoded, the first field, every address)', () => {
    const read = (name: string) => readReturnedMessage(encoder.encode(blocks[name] as string));
    expect(read('a folded subject keeps its folding space')).toEqual({
      subject: 'Quarterly   figures\tand more',
    });
    // RFC 2047 §6.2: the space between two encoded words is not displayed.
    expect(read('encoded words')).toEqual({ subject: 'CaféGrüße' });
    expect(read('the first field of a name, even empty')).toBeUndefined();
    expect(read('every To and Cc, groups opened')).toEqual({
      recipients: ['a@x.example', 'b@x.example', 'e@x.example', 'c@x.example', 'd@x.example'],
    });
    expect(read('a date that reads as none is kept as written')).toEqual({ date: 'yesterday at noon' });
    expect(read('plain fields')).toMatchObject({ date: '2026-12-01T10:00:00.000Z' });
    expect(read('headers up to the bound')).toEqual({ subject: 's' });
    expect(read('headers past the bound')).toBeUndefined();
  });
});

/** Base64 in lines of 76 characters, as RFC 2045 §6.8 writes it. */
function base64Lines(bytes: Uint8Array): string {
  return (
    Buffer.from(bytes)
      .toString('base64')
      .match(/.{1,76}/gu) ?? []
  ).join('\n');
}

/** A delivery report whose last part, of `type`, holds `body` (already encoded) in `encoding`. */
function reportWith(type: string, encoding: string, body: string): string {
  const part = ['--b', `Content-Type: ${type}`, `Content-Transfer-Encoding: ${encoding}`, '', body, ''].join('\n');
  return deliveryReport(`${recipientBlock('a@example.net')}${part}`);
}

const returnedHeaders = [
  'Message-ID: <r1@example.org>',
  'Subject: =?UTF-8?Q?R=C3=A9union?=',
  ' de lundi',
  'Date: Tue, 1 Dec 2026 10:00:00 +0100',
  'To: a@example.net, "B, C" <b@example.net>',
  'Cc: team: c@example.net;',
].join('\n');

const returnedFacts = {
  messageId: '<r1@example.org>',
  subject: 'Réunion de lundi',
  date: '2026-12-01T09:00:00.000Z',
  recipients: ['a@example.net', 'b@example.net', 'c@example.net'],
};

/** What a second postal-mime run over the decoded part says of it (the reading this module spares). */
async function secondRun(decoded: string): Promise<Record<string, unknown>> {
  const email = await PostalMime.parse(decoded);
  return {
    messageId: email.messageId,
    subject: email.subject,
    date: email.date,
    recipients: [...(email.to ?? []), ...(email.cc ?? [])].flatMap((entry) =>
      entry.address ? [entry.address] : (entry.group ?? []).map((member) => member.address),
    ),
  };
}

describe('a returned message in base64, read from the report', () => {
  const parts = {
    'message/rfc822 with its body': ['message/rfc822', `${returnedHeaders}\n\nHello,\nthe body.\n`],
    'text/rfc822-headers ending in an empty line': ['text/rfc822-headers', `${returnedHeaders}\n\n`],
    'text/rfc822-headers with no empty line': ['text/rfc822-headers', returnedHeaders],
  } as const;

  describe.each(Object.entries({ LF: '\n', CRLF: '\r\n' }))('%s inside', (_label, ending) => {
    it.each(Object.entries(parts))('%s', async (_name, [type, part]) => {
      const decoded = part.replaceAll('\n', ending);
      const explained = await explainBounce(reportWith(type, 'base64', base64Lines(encoder.encode(decoded))));
      expect(explained?.recipients.map((entry) => entry.recipient)).toEqual(['a@example.net']);
      expect(explained?.message).toEqual(returnedFacts);
      expect(explained?.message).toEqual(await secondRun(decoded));
    });
  });

  it('broken base64 (characters out of the alphabet, a line cut short) reads what decodes', async () => {
    const encoded = base64Lines(encoder.encode(`${returnedHeaders.replaceAll('\n', '\r\n')}\r\n\r\nBody.\r\n`));
    // postal-mime's decoder drops what is not base64: the `*`s go, the text around them decodes.
    const broken = encoded.replace(/^(.{8})/u, '$1**!!').concat('\n@@@@');
    const explained = await explainBounce(reportWith('message/rfc822', 'base64', broken));
    expect(explained?.recipients.map((entry) => entry.recipient)).toEqual(['a@example.net']);
    expect(explained?.message).toEqual(returnedFacts);
  });

  it('base64 that decodes to no headers gives no returned message, and the report still reads', async () => {
    const explained = await explainBounce(reportWith('message/rfc822', 'base64', '!!!! ****\n'));
    expect(explained?.recipients.map((entry) => entry.recipient)).toEqual(['a@example.net']);
    expect(explained?.message).toBeUndefined();
  });

  it('the report itself in CRLF, its part in base64 with CRLF inside', async () => {
    const decoded = `${returnedHeaders}\n\nBody.\n`.replaceAll('\n', '\r\n');
    const report = reportWith('message/rfc822', 'base64', base64Lines(encoder.encode(decoded))).replaceAll(
      '\n',
      '\r\n',
    );
    expect((await explainBounce(report))?.message).toEqual(returnedFacts);
  });
});
