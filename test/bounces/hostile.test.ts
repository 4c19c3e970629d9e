// What a mailbox may hold, generated here: each answers `undefined` or a report cut at the bounds
// of `bounceLimits` (SECURITY.md), never a rejection nor a hang.
import { describe, expect, it } from 'vitest';
import { bounceLimits, explainBounce } from '../../src/bounce.js';
import { deliveryReport, recipientBlock } from '../helpers/delivery-report.ts';

// Time for one hostile message: postal-mime reads up to 1 MiB, on a shared 2-core machine.
const hostile = 60_000;

const report = (blocks: string) => deliveryReport(blocks);

const block = (index: number) => recipientBlock(`r${index}@example.net`);

describe('hostile messages', () => {
  it(
    'a 50 MB message is read up to its first 1 MiB: the report before the returned message still reads',
    async () => {
      const head = report(block(1)).replace('--b--', '--b\nContent-Type: message/rfc822\n\nSubject: big\n\n');
      const message =
        head +
        'x'
          .repeat(76)
          .concat('\n')
          .repeat(Math.ceil((50 * 1024 * 1024) / 77));
      expect(message.length).toBeGreaterThan(50 * 1024 * 1024);
      const explained = await explainBounce(message);
      expect(explained?.recipients.map((entry) => entry.recipient)).toEqual(['r1@example.net']);
    },
    hostile,
  );

  it(
    'five thousand nested multiparts read as no report',
    async () => {
      let message = '';
      for (let depth = 0; depth < 5000; depth++)
        message += `Content-Type: multipart/mixed; boundary=d${depth}\n\n--d${depth}\n`;
      message += `${report(block(1))}`;
      expect(await explainBounce(`From: a@example.org\n${message}`)).toBeUndefined();
    },
    hostile,
  );

  it(
    `100,000 recipient blocks report the first ${bounceLimits.maxRecipients} and count the rest read`,
    async () => {
      const blocks = Array.from({ length: 100_000 }, (_, index) => block(index)).join('');
      const explained = await explainBounce(report(blocks));
      expect(explained?.recipients).toHaveLength(bounceLimits.maxRecipients);
      expect(explained?.recipients.at(-1)?.recipient).toBe(`r${bounceLimits.maxRecipients - 1}@example.net`);
      // The message is cut at 1 MiB (about 16,000 blocks): the blocks past it are not counted either.
      expect(explained?.omitted).toBeGreaterThan(10_000);
      expect(explained?.omitted).toBeLessThan(100_000 - bounceLimits.maxRecipients);
    },
    hostile,
  );

  it(
    'headers without end read as no report',
    async () => {
      const message = `From: a@example.org\n${'X-Filler: 0123456789abcdef\n'.repeat(400_000)}`;
      expect(await explainBounce(message)).toBeUndefined();
    },
    hostile,
  );

  it('a charset no decoder knows still reads (its ASCII words do)', async () => {
    const message = [
      'From: MAILER-DAEMON@example.org',
      'Content-Type: text/plain; charset=x-no-such-charset',
      '',
      'Hi. This is the qmail-send program at example.org.',
      '<a@example.net>:',
      'Remote host said: 550 5.1.1 No such user',
      '',
    ].join('\n');
    expect((await explainBounce(message))?.recipients[0]).toMatchObject({ recipient: 'a@example.net', code: 550 });
  });

  it('broken base64 in the delivery-status part and in the returned message answers, without a rejection', async () => {
    const message = report('')
      .replace(
        'Content-Type: message/delivery-status',
        'Content-Type: message/delivery-status\nContent-Transfer-Encoding: base64',
      )
      .replace('Reporting-MTA: dns; example.org', '!!!*** not base64 ===\n====\nRmluYWwtUmVjaXBpZW50')
      .replace('--b--', '--b\nContent-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\n%%%%\n--b--');
    const explained = await explainBounce(message);
    expect(explained === undefined || Array.isArray(explained.recipients)).toBe(true);
  });

  it.each([
    ['null', null],
    ['a number', 42],
    ['an object', { raw: 'x' }],
    ['an empty string', ''],
    ['binary noise', Uint8Array.from({ length: 4096 }, (_, index) => (index * 7919) % 256)],
  ])('%s is no report', async (_, value) => {
    expect(await explainBounce(value as string)).toBeUndefined();
  });
});
