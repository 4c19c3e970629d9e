// The streaming CLI keeps answers by what `explain` is given (src/cli/explain-stream.ts): its
// output must be, byte for byte, what the stream writes when it keeps nothing and writes every
// line from its answer alone.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { mailLogLines } from '../../bench/mail-log-lines.ts';
import { createCatalogOfParts } from '../../src/catalog/create-catalog.ts';
import type { Catalog } from '../../src/catalog/types.ts';
import { explainStream } from '../../src/cli/explain-stream.ts';
import { localeParts } from '../../src/internal/locale-parts.ts';
import { maskedReply } from '../../src/replies/masked-reply.ts';
import { projectRoot } from '../helpers/temp-dir.ts';

const catalog = createCatalogOfParts(localeParts);
const fixtures = join(projectRoot, 'test', 'fixtures', 'mail-logs');
const fixtureLines = readdirSync(fixtures)
  .filter((name) => name.endsWith('.log'))
  .flatMap((name) => readFileSync(join(fixtures, name), 'utf8').split('\n'));

// Replies alone and log lines that repeat, that share codes with other words, that quote what is
// no reply, that carry terminal controls and quotes in their own fields, and blank lines.
const postfix = (recipient: string, reply: string) =>
  `Jun 17 10:23:09 mx postfix/smtp[1]: 4F1A: to=<${recipient}>, relay=mx.example.com[198.51.100.9]:25, dsn=4.2.2, status=deferred (host mx.example.com[198.51.100.9] said: ${reply} (in reply to RCPT TO command))`;
const made = [
  '550 5.1.1 User unknown',
  '550 5.1.1 User unknown',
  '550 5.1.1 <a@example.com>: Recipient address rejected: User unknown',
  '550 5.7.1 Service unavailable; Client host [192.0.2.30] blocked using zen.spamhaus.org',
  '550 5.7.1 Service unavailable; Client host [192.0.2.30] blocked using zen.spamhaus.org',
  '452 4.2.2 Mailbox full\r',
  '452 4.2.2 Try again later',
  '250 OK',
  '550 x\u009b2J "quoted" \\ back',
  '  ',
  '',
  'not a reply at all',
  postfix('a@example.com', '452 4.2.2 Mailbox full'),
  postfix('b"\u001b[31m@example.com', '452 4.2.2 Mailbox full'),
  postfix('c@example.com', '452 4.2.2 Try again later'),
  postfix('c@example.com', '550 4.x cut short'),
  'Jun 17 10:23:01 mx postfix/smtp[2]: 4F1B: to=<d@example.org>, relay=none, delay=30, dsn=4.4.1, status=deferred (connect to mx.example.org[203.0.113.5]:25: Connection timed out)',
  'Jun 17 10:23:02 mx postfix/smtp[3]: 4F1C: to=<e@example.org>, relay=none, delay=30, dsn=4.4.1, status=deferred (connect to mx.example.org[203.0.113.6]:25: Connection refused)',
];

const input = [...made, ...fixtureLines, ...mailLogLines(2200).trimEnd().split('\n'), ...made].join('\n');

/** What the stream writes to a test double that takes text, in chunks of `size` characters. */
async function asText(
  options: { lang: string; json: boolean; keep?: boolean },
  size: number,
  over: Pick<Catalog, 'explain'> = catalog,
): Promise<string> {
  const written: string[] = [];
  async function* chunks() {
    for (let at = 0; at < input.length; at += size) yield input.slice(at, at + size);
  }
  await explainStream(chunks(), { write: (text: string) => written.push(text) }, options, over);
  return written.join('');
}

/**
 * What the stream writes to a Node stream (which takes bytes), from the input as UTF-8. `held`:
 * the stream keeps each chunk it is given, uncopied, and takes it later (as a pipe may), so a
 * buffer the stream gathers into again while the output holds it would change what was written.
 */
async function asBytes(options: { lang: string; json: boolean; keep?: boolean }, held = false): Promise<Buffer> {
  const written: Buffer[] = [];
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (held) {
        written.push(chunk);
        setImmediate(done);
      } else {
        written.push(Buffer.from(chunk));
        done();
      }
    },
  });
  async function* chunks() {
    const bytes = Buffer.from(input);
    for (let at = 0; at < bytes.length; at += 4093) yield bytes.subarray(at, at + 4093);
  }
  await explainStream(chunks(), output, options, catalog);
  // What the output still holds reaches `write` before it finishes.
  await new Promise((finished) => output.end(finished));
  return Buffer.concat(written);
}

describe('the streaming CLI keeps answers without changing a byte', () => {
  it.each([
    ['fr', false],
    ['fr', true],
    ['ar', false],
    ['zh', true],
    ['de-CH', true],
  ])('%s, json %s: the same output kept and written anew, as text and as bytes', async (lang, json) => {
    const anew = await asText({ lang, json, keep: false }, 65_536);
    const kept = await asText({ lang, json }, 65_536);
    expect(kept).toBe(anew);
    expect(await asText({ lang, json }, 97)).toBe(anew);
    expect((await asBytes({ lang, json })).equals(Buffer.from(anew))).toBe(true);
    expect((await asBytes({ lang, json }, true)).equals(Buffer.from(anew))).toBe(true);
    // One output line per input line in text; per line that is not blank in JSON.
    const lines = input.split('\n');
    const answered = json ? lines.filter((line) => !/^[ \t\v\f]*\r?$/u.test(line)).length : lines.length;
    expect(anew.split('\n').length - 1).toBe(answered);
  });

  it('a catalog whose answers read the server words: kept answers follow the words, not the codes', async () => {
    const wordy: Pick<Catalog, 'explain'> = {
      explain(input, lang) {
        const answer = catalog.explain(input, lang);
        return /full/u.test(answer.reply?.text ?? '') ? { ...answer, text: `${answer.text} (full)` } : answer;
      },
    };
    for (const json of [false, true]) {
      const anew = await asText({ lang: 'en', json, keep: false }, 65_536, wordy);
      expect(await asText({ lang: 'en', json }, 65_536, wordy)).toBe(anew);
      expect(anew).toContain(' (full)');
    }
  });
});

describe('answers kept by the reply with its addresses and message ids masked', () => {
  // Replies that differ only by the addresses they quote, or (successes) by their message ids.
  const replies = [
    '550 5.1.1 <a@example.com>: Recipient address rejected: User unknown',
    '550 5.1.1 <gsmtp@example.org>: Recipient address rejected: User unknown',
    '550 5.1.1 <x@zen.spamhaus.org>: Recipient address rejected: User unknown',
    '550 5.1.1 <"\u009b2J"@example.com>: Recipient address rejected: User unknown',
    '250 2.0.0 OK 1700000000 a1b2c3d4e5f6.123 - gsmtp',
    '250 2.0.0 OK 1700000001 gsmtpqkj.98 - gsmtp',
    '250 2.0.0 Ok: queued as 4Xyz12AbC',
    '250 2.0.0 Ok: queued as 4Xyz12AbD',
    '250 2.6.0 <AM0PR01@AM0PR01.eurprd01.prod.outlook.com> [InternalId=12345678901234, Hostname=AM0PR01] Queued mail for delivery',
    '250 2.6.0 <AM0PR02@AM0PR01.eurprd01.prod.outlook.com> [InternalId=12345678901299, Hostname=AM0PR01] Queued mail for delivery',
  ];
  const sendmail = (recipient: string, reply: string) =>
    `Jun 17 10:23:09 host sm-mta[7]: 4F1A: to=<${recipient}>, delay=00:00:01, mailer=esmtp, relay=mx.example.org. [192.0.2.25], dsn=5.1.1, stat=Deferred: ${reply}`;
  const lines = replies.flatMap((reply, index) => [
    reply,
    postfix(`r${index}@example.com`, reply),
    sendmail(`s${index}@example.com`, reply),
  ]);
  const log = [...lines, ...lines].join('\n');

  async function written(options: { lang: string; json: boolean; keep?: boolean }, over: Pick<Catalog, 'explain'>) {
    const out: string[] = [];
    async function* chunks() {
      yield log;
    }
    await explainStream(chunks(), { write: (text: string) => out.push(text) }, options, over);
    return out.join('');
  }

  it('explains each mask once, and writes the same bytes as without keeping', async () => {
    for (const json of [false, true]) {
      let calls = 0;
      const counting: Pick<Catalog, 'explain'> = {
        explain(input, lang) {
          calls++;
          return catalog.explain(input, lang);
        },
      };
      const anew = await written({ lang: 'fr', json, keep: false }, catalog);
      expect(await written({ lang: 'fr', json }, counting)).toBe(anew);
      // Four masks (the unknown user, Gmail's success, Postfix's, Exchange Online's), each
      // explained once as a reply alone and once as what log lines quote.
      expect(calls).toBe(8);
      expect(anew.split('\n').length - 1).toBe(lines.length * 2);
      // JSON shows each line's own reply: its address or id is still there.
      if (json) {
        for (const fragment of ['gsmtp@example.org', 'gsmtpqkj.98', '4Xyz12AbD', '12345678901299', '\\u009b2J']) {
          expect(anew).toContain(fragment);
        }
      }
    }
  });

  it('replies with the same mask have the same answer but for their own reply', () => {
    // Each in a catalog of its own: `explain` keeps answers by mask too, so one catalog would say so by construction.
    const withoutReply = (reply: string) => {
      const { reply: _own, ...rest } = createCatalogOfParts(localeParts).explain(reply, 'de');
      return rest;
    };
    for (const reply of replies) {
      const same = replies.filter((other) => maskedReply(other) === maskedReply(reply));
      for (const other of same) expect(withoutReply(other)).toEqual(withoutReply(reply));
    }
  });
});
