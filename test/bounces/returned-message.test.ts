// The returned message's headers, read without a second postal-mime run: the same answer as
// postal-mime's own parse of the block (the independent reading), for header blocks written to
// probe each rule it applies (folding, encoded words, groups, the first of a field, dates, the
// header-size bound), and for the blocks it still reads itself (CR kept, no empty line).
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { bounceLimits } from '../../src/bounce.js';
import { readReturnedMessage } from '../../src/bounces/returned-message.js';

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
  'no empty line': 'Subject: no end\nTo: a@x.example',
};

describe('the returned message’s headers', () => {
  it.each(Object.entries(blocks))('%s: as postal-mime reads them', async (_name, block) => {
    expect(await readReturnedMessage(encoder.encode(block))).toEqual(await postalMimeReading(block));
  });

  it('reads what each rule says (folding joined, encoded words decoded, the first field, every address)', async () => {
    const read = (name: string) => readReturnedMessage(encoder.encode(blocks[name] as string));
    expect(await read('a folded subject keeps its folding space')).toEqual({
      subject: 'Quarterly   figures\tand more',
    });
    // RFC 2047 §6.2: the space between two encoded words is not displayed.
    expect(await read('encoded words')).toEqual({ subject: 'CaféGrüße' });
    expect(await read('the first field of a name, even empty')).toBeUndefined();
    expect(await read('every To and Cc, groups opened')).toEqual({
      recipients: ['a@x.example', 'b@x.example', 'e@x.example', 'c@x.example', 'd@x.example'],
    });
    expect(await read('a date that reads as none is kept as written')).toEqual({ date: 'yesterday at noon' });
    expect(await read('plain fields')).toMatchObject({ date: '2026-12-01T10:00:00.000Z' });
    expect(await read('headers up to the bound')).toEqual({ subject: 's' });
    expect(await read('headers past the bound')).toBeUndefined();
  });
});
