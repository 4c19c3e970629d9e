import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reasonRules } from '../../src/internal/reason-rules.ts';
import { classifyReason, maxReasonText, providerRuleFor } from '../../src/reasons/classify-reason.ts';
import { reasonIds } from '../../src/reasons/reason-ids.ts';
import { parseReply } from '../../src/replies/parse-reply.ts';
import { projectRoot } from '../helpers/temp-dir.ts';

interface Fixture {
  reply: string;
  host?: string;
  reason: string;
  by: string;
  provider?: string;
  list?: string;
  link?: string;
  disagrees?: boolean;
  source: string;
}

const dir = join(projectRoot, 'test', 'fixtures', 'reasons');
// Every fixture file of the folder: a new file is picked up without editing this test.
const fixtures: (Fixture & { file: string })[] = readdirSync(dir)
  .filter((name) => name.endsWith('.json'))
  .flatMap((file) =>
    (JSON.parse(readFileSync(join(dir, file), 'utf8')) as { replies: Fixture[] }).replies.map((fixture) => ({
      ...fixture,
      file,
    })),
  );

function inputOf(fixture: Fixture) {
  const reply = parseReply(fixture.reply, { lenient: true });
  return { code: reply.code, enhanced: reply.enhanced, text: reply.text, host: fixture.host };
}

describe('classifyReason on replies written from the providers and MTAs documentation', () => {
  it.each(fixtures.map((fixture) => [`${fixture.file}: ${fixture.reply}`, fixture] as const))('%s', (_, fixture) => {
    expect(fixture.source.length).toBeGreaterThan(10);
    const result = classifyReason(inputOf(fixture));
    expect(result).toMatchObject({
      id: fixture.reason,
      by: fixture.by,
      disagrees: fixture.disagrees ?? false,
      ...(fixture.provider && { provider: fixture.provider }),
      ...(fixture.list && { list: fixture.list }),
      ...(fixture.link && { link: fixture.link }),
    });
  });

  it('has a fixture for every reason a reply can give (feedback and vacation come as messages, not replies)', () => {
    const covered = new Set(fixtures.map((fixture) => fixture.reason));
    const fromReplies = reasonIds.filter((id) => id !== 'feedback' && id !== 'vacation');
    expect(fromReplies.filter((id) => !covered.has(id))).toEqual([]);
  });

  it('exercises every provider rule: each is the first rule that takes some fixture', () => {
    const hit = new Set(
      fixtures.flatMap((fixture) => {
        const rule = providerRuleFor(inputOf(fixture));
        return rule ? [`${rule.provider}#${rule.index}`] : [];
      }),
    );
    const all = Object.entries(reasonRules.providerRules).flatMap(([provider, rules]) =>
      rules.map(
        (rule, index) =>
          `${provider}#${index} (${rule.enhanced ? JSON.stringify(rule.enhanced) : ''} ${rule.words ?? ''})`,
      ),
    );
    expect(all.filter((name) => !hit.has(name.slice(0, name.indexOf(' '))))).toEqual([]);
  });
});

describe('classifyReason on its own terms', () => {
  it('reads the registered meaning when the provider is not recognised: the same 5.4.1 from another server', () => {
    expect(classifyReason({ code: 550, enhanced: '5.4.1', text: 'no answer' })).toMatchObject({
      id: 'network-error',
      by: 'enhanced',
    });
    expect(
      classifyReason({ code: 550, enhanced: '5.4.1', text: 'Recipient address rejected: Access denied' }),
    ).toMatchObject({
      id: 'policy-violation',
      by: 'words',
    });
  });

  it('recognises a provider from the remote host alone, and not from a look-alike host', () => {
    const reply = { code: 550, enhanced: '5.7.27', text: 'Go away' };
    expect(classifyReason({ ...reply, host: 'alt1.aspmx.l.google.com.' })).toMatchObject({
      id: 'auth-failure',
      provider: 'gmail',
    });
    expect(classifyReason({ ...reply, host: 'mx.notgoogle.com' })).toMatchObject({ id: 'rejected', by: 'enhanced' });
    expect(classifyReason({ ...reply, host: 'mx.notgoogle.com' })).not.toHaveProperty('provider');
  });

  it('takes the enhanced code as text or as parseReply gives it, and without a basic code (dsn=4.7.0)', () => {
    expect(classifyReason({ enhanced: '4.2.2' })).toMatchObject({ id: 'mailbox-full', by: 'enhanced' });
    expect(classifyReason({ enhanced: { class: 4, subject: 2, detail: 2 } })).toMatchObject({ id: 'mailbox-full' });
    expect(classifyReason({ enhanced: '2.0.0' })).toMatchObject({ id: 'delivered' });
    expect(classifyReason({ enhanced: 'not a code' })).toMatchObject({ id: 'unknown', by: 'code' });
  });

  it('a success is delivered, whatever its words say', () => {
    expect(classifyReason({ code: 250, text: 'user unknown, but accepted' })).toEqual({
      id: 'delivered',
      by: 'code',
      disagrees: false,
    });
  });

  it('reads only the first 1000 characters of a text, so hostile input costs bounded time', () => {
    const padding = 'x'.repeat(maxReasonText);
    expect(classifyReason({ code: 550, text: `${padding} user unknown` })).toMatchObject({ id: 'unknown' });
    expect(classifyReason({ code: 550, text: `user unknown ${padding}` })).toMatchObject({ id: 'user-unknown' });
    const hostile = `${'a'.repeat(200_000)}${' '.repeat(200_000)}`;
    expect(classifyReason({ code: 550, text: hostile })).toMatchObject({ id: 'unknown' });
  });

  it('never rests a reason on an address the reply quotes in angle brackets', () => {
    // A recipient named like a provider's sign, or at a block list's zone: the same reason as
    // with a plain address and with none, and neither the provider nor the list.
    const replies = [
      ['550 5.1.1', 'Recipient address rejected: User unknown'],
      ['550 5.7.1', 'Recipient address rejected: Access denied'],
      ['452 4.2.2', 'Mailbox full'],
      ['421 4.7.0', 'Try again later'],
    ] as const;
    for (const [codes, words] of replies) {
      const [code, enhanced] = codes.split(' ');
      const read = (text: string) => classifyReason({ code: Number(code), enhanced, text });
      const alone = read(words);
      for (const address of [
        'a@example.com',
        'gsmtp@example.org',
        'x@zen.spamhaus.org',
        'y@mail.protection.outlook.com',
      ]) {
        const quoted = read(`<${address}>: ${words}`);
        expect(quoted, address).toEqual(alone);
        expect(quoted).not.toHaveProperty('provider');
        expect(quoted).not.toHaveProperty('list');
      }
    }
  });

  it('still reads a provider and a block list named in the words, outside angle brackets', () => {
    expect(
      classifyReason({
        code: 450,
        enhanced: '4.2.1',
        text: '<gsmtp@example.org>: The user you are trying to contact is receiving mail too quickly. - gsmtp',
      }),
    ).toMatchObject({ id: 'rate-limited', provider: 'gmail', by: 'provider' });
    expect(
      classifyReason({
        code: 554,
        enhanced: '5.7.1',
        text: '<a@example.com>: Service unavailable; Client host [192.0.2.30] blocked using zen.spamhaus.org',
      }),
    ).toMatchObject({ id: 'blocked', list: 'zen.spamhaus.org', by: 'words' });
  });

  it('reads a success the same whatever message id it gives (Gmail, Postfix, Exchange Online)', () => {
    expect(classifyReason({ code: 250, enhanced: '2.0.0', text: 'OK 1700000000 a1b2c3d4e5f6.123 - gsmtp' })).toEqual(
      classifyReason({ code: 250, enhanced: '2.0.0', text: 'OK 1700000001 gsmtpqkj.98 - gsmtp' }),
    );
    expect(classifyReason({ code: 250, text: 'OK 1700000000 a1b2c3d4e5f6.123 - gsmtp' })).toMatchObject({
      id: 'delivered',
      provider: 'gmail',
    });
    // An id that holds a provider's sign names no provider.
    expect(classifyReason({ code: 250, text: 'Ok: queued as gsmtp' })).not.toHaveProperty('provider');
    expect(
      classifyReason({ code: 250, text: '<x@a.prod.outlook.com> [InternalId=1234, Hostname=a] Queued mail' }),
    ).not.toHaveProperty('provider');
  });

  it('joins the lines of a multi-line reply before reading words (fails to 550-5.7.26 pass)', () => {
    const text = 'Client host [192.0.2.30] blocked 550-5.7.1 using zen.spamhaus.org';
    expect(classifyReason({ code: 550, enhanced: '5.7.1', text })).toMatchObject({
      id: 'blocked',
      list: 'zen.spamhaus.org',
    });
  });
});
