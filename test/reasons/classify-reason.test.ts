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

  it('joins the lines of a multi-line reply before reading words (fails to 550-5.7.26 pass)', () => {
    const text = 'Client host [192.0.2.30] blocked 550-5.7.1 using zen.spamhaus.org';
    expect(classifyReason({ code: 550, enhanced: '5.7.1', text })).toMatchObject({
      id: 'blocked',
      list: 'zen.spamhaus.org',
    });
  });
});
