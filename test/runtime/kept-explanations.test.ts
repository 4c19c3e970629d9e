import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keptPerLanguage, longestKeptInput } from '../../src/catalog/kept-explanations.ts';
import {
  createCatalog,
  type Explanation,
  explain,
  type LocaleData,
  parseReply,
  SmtpStatusCode,
  safeParseReply,
} from '../../src/index.ts';
import { localeFile } from '../helpers/locale-files.ts';
import { memoryInChild } from '../helpers/memory-in-child.ts';
import { projectRoot } from '../helpers/temp-dir.ts';
import * as timeouts from '../helpers/timeouts.ts';

const english = localeFile('en') as unknown as LocaleData;
const french = localeFile('fr') as unknown as LocaleData;
const reply = '550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown';
/** `count` replies no test has asked for, each naming another recipient. */
const distinctReplies = (count: number, tag: string) =>
  Array.from({ length: count }, (_, index) => `452 4.2.2 <${tag}${index}@example.com>: Mailbox full`);

/** Every object an explanation holds, itself included. */
function partsOf(value: unknown): object[] {
  if (typeof value !== 'object' || value === null) return [];
  return [value, ...Object.values(value).flatMap(partsOf)];
}

describe('explanations are read-only', () => {
  const inputs: [string, unknown][] = [
    ['a code', 550],
    ['a member name', 'MailboxUnavailable'],
    ['a one-line reply', reply],
    ['a reply of several lines', '550-5.1.1 No such user\r\n550 5.1.1 Check the address'],
    ['a reply from parseReply', parseReply('451 4.7.1 Greylisted, try again later')],
    ['a reply built by hand', { code: 452, text: 'Mailbox full', lines: ['4.2.2 Mailbox full'] }],
    ['an enhanced code alone', '5.7.1'],
    ['a client error', { code: 'ECONNREFUSED' }],
    ['a client error with a reply', { code: 'EENVELOPE', responseCode: 550, response: reply }],
    ['a TLS failure with a reply', { code: 'ETLS', response: '500 5.5.1 Unknown command' }],
    ['nothing it knows', 'hello'],
    ['a text longer than what is kept', `550 5.1.1 ${'x'.repeat(longestKeptInput)}`],
  ];

  it.each(inputs)('%s: the explanation and every part of it are frozen, and writing to them throws', (_, input) => {
    const explained = explain(input, 'fr');
    for (const part of partsOf(explained)) expect(Object.isFrozen(part), JSON.stringify(part)).toBe(true);
    expect(() => {
      (explained as { text: string }).text = 'changed';
    }).toThrow(TypeError);
    if (explained.reason !== undefined) {
      expect(() => {
        (explained.reason as { id: string }).id = 'changed';
      }).toThrow(TypeError);
    }
    const lines = explained.reply?.lines;
    if (lines !== undefined) expect(() => (lines as string[]).push('x')).toThrow(TypeError);
    expect(explain(input, 'fr').text).not.toBe('changed');
  });

  it('a log line, the recipients of a send and a reason by id are frozen too, their own fields on a copy', () => {
    const line =
      'Jan  1 00:00:00 mx postfix/smtp[1]: 4AB: to=<a@example.org>, relay=mx.example.org[192.0.2.1]:25, delay=1, status=bounced (host mx.example.org[192.0.2.1] said: 550 5.1.1 Unknown user (in reply to RCPT TO command))';
    const logged = createCatalog([english]).explainLogLine(line, 'en');
    expect(logged?.recipient).toBe('a@example.org');
    for (const part of partsOf(logged)) expect(Object.isFrozen(part)).toBe(true);
    // The catalog's own answer for the reply the line quotes is not changed by the line's fields.
    expect(explain('550 5.1.1 Unknown user', 'en')).not.toHaveProperty('recipient');

    const recipients = createCatalog([english]).explainRecipients(
      {
        rejected: ['b@example.org'],
        rejectedErrors: [{ recipient: 'a@example.org', responseCode: 550, response: reply }],
      },
      'en',
    );
    expect(recipients.map((entry) => entry.recipient)).toEqual(['a@example.org', 'b@example.org']);
    for (const part of recipients.flatMap(partsOf)) expect(Object.isFrozen(part)).toBe(true);
    expect(explain(reply, 'en')).not.toHaveProperty('recipient');

    const reason = createCatalog([english]).describeReason('mailbox-full', 'en');
    for (const part of partsOf(reason)) expect(Object.isFrozen(part)).toBe(true);
  });

  it('a reply built by hand is read, never frozen: the caller may still change it, and the next answer follows', () => {
    const own = { code: 452, text: 'Mailbox full', lines: ['4.2.2 Mailbox full'] };
    const first = explain(own, 'en');
    expect(Object.isFrozen(own) || Object.isFrozen(own.lines)).toBe(false);
    own.lines.push('more');
    own.code = 550;
    own.text = 'No such user';
    const second = explain(own, 'en');
    expect(first.reply?.lines).toEqual(['4.2.2 Mailbox full']);
    expect(second).toMatchObject({ code: 550, reply: { text: 'No such user', lines: ['4.2.2 Mailbox full', 'more'] } });
  });
});

describe('explanations kept per language and input', () => {
  it('the same input twice gives the same frozen object, equal to one computed afresh', () => {
    const catalog = createCatalog([english, french]);
    for (const input of [reply, 550, 'MailboxUnavailable', '4.2.2', 'hello', 999, Number.NaN]) {
      const first = catalog.explain(input, 'fr');
      expect(catalog.explain(input, 'fr')).toBe(first);
      expect(createCatalog([english, french]).explain(input, 'fr')).toEqual(first);
    }
    // Each language its own answer.
    expect(catalog.explain(reply, 'en')).not.toEqual(catalog.explain(reply, 'fr'));
  });

  it('is keyed by the language negotiated, whatever the preference was written as', () => {
    const catalog = createCatalog([english, french]);
    const kept = catalog.explain(reply, 'fr');
    for (const lang of ['fr-CA', 'fr_FR.UTF-8', ['de-DE', 'fr'], 'de, fr;q=0.9']) {
      expect(catalog.explain(reply, lang)).toBe(kept);
    }
    // A list changed in place by its owner is negotiated again: never keyed by the array object.
    const preferences = ['fr'];
    expect(catalog.explain(reply, preferences)).toBe(kept);
    preferences[0] = 'en';
    expect(catalog.explain(reply, preferences).lang).toBe('en');
  });

  it('keeps at most keptPerLanguage inputs per language: one more forgets them all, and hostile input costs no more', () => {
    const catalog = createCatalog([english, french]);
    const first = catalog.explain(reply, 'en');
    const french550 = catalog.explain(reply, 'fr');
    const others = distinctReplies(keptPerLanguage - 1, 'bound');
    for (const other of others) catalog.explain(other, 'en');
    // Full: everything is still kept, in English and in French.
    expect(catalog.explain(reply, 'en')).toBe(first);
    expect(catalog.explain(others.at(-1), 'en')).toBe(catalog.explain(others.at(-1), 'en'));
    // One more English input: English forgets them all, French keeps its own.
    catalog.explain('452 4.2.2 <one-more@example.com>: Mailbox full', 'en');
    const again = catalog.explain(reply, 'en');
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
    expect(catalog.explain(reply, 'fr')).toBe(french550);
  });

  it('keeps no text longer than longestKeptInput, and no object', () => {
    const catalog = createCatalog([english]);
    const long = `550 5.1.1 ${'x'.repeat(longestKeptInput - 9)}`;
    expect(long.length).toBe(longestKeptInput + 1);
    expect(catalog.explain(long, 'en')).not.toBe(catalog.explain(long, 'en'));
    expect(catalog.explain(long, 'en')).toEqual(catalog.explain(long, 'en'));
    const atTheBound = long.slice(0, longestKeptInput);
    expect(catalog.explain(atTheBound, 'en')).toBe(catalog.explain(atTheBound, 'en'));

    const error = { code: 'ECONNREFUSED' };
    expect(catalog.explain(error, 'en')).not.toBe(catalog.explain(error, 'en'));
    const parsed = parseReply(reply);
    expect(catalog.explain(parsed, 'en')).not.toBe(catalog.explain(parsed, 'en'));
  });

  it('registerLocale replacing a language changes the next answer, in that language and in those it completes', () => {
    const catalog = createCatalog([english]);
    const before = catalog.explain(550, 'en');
    const text = 'Replaced: the mailbox does not exist.';
    catalog.registerLocale({ ...english, codes: { ...english.codes, MailboxUnavailable: text } });
    expect(catalog.explain(550, 'en').text).toBe(text);
    expect(before.text).not.toBe(text);

    // A language without cause texts takes English's: replacing English changes the German answer.
    const german: LocaleData = {
      lang: 'de',
      codes: Object.fromEntries(Object.keys(SmtpStatusCode).map((name) => [name, `DE ${name}`])) as LocaleData['codes'],
    };
    catalog.registerLocale(german);
    expect(catalog.explain({ code: 'ETIMEDOUT' }, 'de').cause?.lang).toBe('en');
    const reasonBefore = catalog.explain(reply, 'de').reason?.text;
    catalog.registerLocale({ ...english, reasons: undefined });
    expect(catalog.explain(reply, 'de').reason?.text).not.toBe(reasonBefore);
  });

  it('__proto__, constructor and toString as input and as language behave as any other', () => {
    const catalog = createCatalog([english, french]);
    for (const probe of ['__proto__', 'constructor', 'toString']) {
      const asInput = catalog.explain(probe, 'fr');
      expect(asInput).toMatchObject({ code: -1, cause: { id: 'unknown' } });
      expect(catalog.explain(probe, 'fr')).toBe(asInput);
      expect(() => catalog.describe(probe, 'fr')).toThrow(RangeError);
      const asLanguage = catalog.explain(reply, probe);
      expect(asLanguage.lang).toBe('en');
      expect(catalog.explain(reply, probe)).toBe(catalog.explain(reply, 'en'));
    }
    expect(Object.getPrototypeOf(catalog.explain('__proto__', 'en'))).toBe(Object.prototype);
  });

  it('describe agrees with explain through what is kept, and still refuses what names nothing', () => {
    const catalog = createCatalog([english, french]);
    for (const input of [reply, 'hello', 999, '5.1.1', '600 x']) {
      const explained = catalog.explain(input, 'fr');
      if (explained.cause === undefined) expect(catalog.describe(input, 'fr')).toBe(explained.text);
      else expect(() => catalog.describe(input, 'fr')).toThrow();
      expect(catalog.lookup(input, 'fr')).toBe(explained.cause === undefined ? explained.text : undefined);
    }
  });

  it('-0 is 0 (NotDefined), whichever is explained first: its code is never -0', () => {
    for (const first of [-0, 0]) {
      const catalog = createCatalog([english]);
      const explained = catalog.explain(first, 'en');
      expect(Object.is(explained.code, 0), String(first)).toBe(true);
      expect(explained.name).toBe('NotDefined');
      expect(catalog.explain(Object.is(first, 0) ? -0 : 0, 'en')).toBe(explained);
    }
  });
});

describe("replies alike but for their addresses and a success's ids", () => {
  /** The replies a fixture file holds (a list, or `{ replies: [...] }`). */
  const repliesIn = (...path: string[]): string[] => {
    const data = JSON.parse(readFileSync(join(projectRoot, 'test', 'fixtures', ...path), 'utf8')) as
      | { reply: string }[]
      | { replies: { reply: string }[] };
    return (Array.isArray(data) ? data : data.replies).map((entry) => entry.reply);
  };
  const fixtureReplies = [
    ...repliesIn('reasons', 'providers.json'),
    ...repliesIn('reasons', 'servers.json'),
    ...repliesIn('replies', 'replies.json'),
    ...[
      ...readFileSync(join(projectRoot, 'test', 'fixtures', 'real-replies.md'), 'utf8').matchAll(/^\| `(.+?)` \|/gmu),
    ].map(([, reply]) => reply as string),
  ];
  /**
   * The reply as another message would get it: each address it quotes, Gmail's id of the
   * message, and a success's ids, another (`n`); a reply that quotes none gets a recipient's
   * address added.
   */
  const another = (reply: string, n: number) => {
    const own = reply
      .replace(/<[^\s<>@]+@[^\s<>]+>/gu, `<other${n}@example.net>`)
      .replace(/(?<!OK +\d+ +)\b[\dA-Za-z-]+si\d+[\dA-Za-z.-]*(?= +- gsmtp)/gu, `zz${n}si9${n}qkz.${n}`)
      .replace(/\bOK +\d+ +[\w.-]+ +- gsmtp\b/gu, `OK 17000000${n} zz${n}si1.${n} - gsmtp`)
      .replace(/\b(queued as |InternalId=)[\dA-Za-z]+\b/gu, (_, words: string) => `${words}9${n}ZZ${n}`);
    return own === reply ? `${reply} <rcpt${n}@example.org>` : own;
  };

  it('has enough fixtures to say something', () => {
    expect(fixtureReplies.length).toBeGreaterThan(150);
  });

  it.each(['en', 'fr', 'ar'])(
    'in %s, each explained after its like is what a catalog that saw only it says, with its own reply',
    (lang) => {
      const catalog = createCatalog([english, french, localeFile('ar') as unknown as LocaleData]);
      for (const reply of fixtureReplies) {
        const first = catalog.explain(another(reply, 1), lang);
        const second = catalog.explain(another(reply, 2), lang);
        const alone = createCatalog([english, french, localeFile('ar') as unknown as LocaleData]).explain(
          another(reply, 2),
          lang,
        );
        expect(second, reply).toEqual(alone);
        expect(Object.keys(second)).toEqual(Object.keys(alone));
        // Its reply is its own: what the server said to this message.
        expect(second.reply?.text).toBe(safeParseReply(another(reply, 2), { lenient: true })?.text);
        expect(second.reply?.text).not.toBe(first.reply?.text);
        // The second was not explained anew: it shares the first's parts.
        expect(second.reason, reply).toBe(first.reason);
        for (const part of partsOf(second)) expect(Object.isFrozen(part)).toBe(true);
      }
    },
  );

  it('replies that differ in anything but addresses and ids are explained each on its own', () => {
    const catalog = createCatalog([english]);
    const full = catalog.explain('452 4.2.2 <a@example.org>: Mailbox full', 'en');
    const unknown = catalog.explain('550 5.1.1 <b@example.org>: User unknown', 'en');
    expect(full.reason?.id).toBe('mailbox-full');
    expect(unknown.reason?.id).toBe('user-unknown');
    // The same words after another code: another answer.
    expect(catalog.explain('552 5.2.2 <c@example.org>: Mailbox full', 'en').code).toBe(552);
    // A failure's numbers are its own words, never masked.
    expect(catalog.explain('550 5.7.1 <d@example.org>: blocked, see 192.0.2.1', 'en').reply?.text).toContain(
      '192.0.2.1',
    );
  });

  it('registerLocale forgets what replies alike were told, in the languages that read the one replaced', () => {
    // German without reason texts takes English's: replacing English changes what German says.
    const german: LocaleData = {
      lang: 'de',
      codes: Object.fromEntries(Object.keys(SmtpStatusCode).map((name) => [name, `DE ${name}`])) as LocaleData['codes'],
    };
    const catalog = createCatalog([english, german]);
    const before = catalog.explain('550 5.1.1 <a@example.org>: User unknown', 'de');
    const why = 'Replaced: no such mailbox.';
    const reasons = { ...english.reasons, 'user-unknown': { ...english.reasons?.['user-unknown'], why } };
    catalog.registerLocale({ ...english, reasons } as LocaleData);
    const after = catalog.explain('550 5.1.1 <b@example.org>: User unknown', 'de');
    expect(before.reason?.text).not.toBe(why);
    expect(after.reason?.text).toBe(why);
  });
});

describe('a reason told once per language', () => {
  it('replies of one reason, decided alike, share its frozen object; each other decision, link or list is its own', () => {
    const catalog = createCatalog([english, french]);
    const reasonOf = (reply: string, lang = 'fr') => catalog.explain(reply, lang).reason;
    const unknown = reasonOf('550 5.1.1 No such user here');
    expect(unknown).toMatchObject({ id: 'user-unknown', by: 'words', disagrees: false });
    expect(reasonOf('550 5.1.1 User unknown in virtual mailbox table')).toBe(unknown);
    // Another language, another object, in its own words.
    expect(reasonOf('550 5.1.1 User unknown in virtual mailbox table', 'en')).not.toBe(unknown);
    expect(reasonOf('550 5.1.1 User unknown in virtual mailbox table', 'en')?.lang).toBe('en');
    // Decided otherwise (the enhanced code alone, a provider's rule): each its own object, saying so.
    const byCode = reasonOf('550 5.1.1 Rejected');
    expect(byCode).toMatchObject({ id: 'user-unknown', by: 'enhanced' });
    const byProvider = reasonOf(
      '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup',
    );
    expect(byProvider).toMatchObject({ id: 'user-unknown', by: 'provider', provider: 'microsoft' });
    expect(new Set([unknown, byCode, byProvider]).size).toBe(3);
    // A block list or a link is the reply's own: never shared.
    const listed = (ip: string) =>
      reasonOf(`550 5.7.1 Service unavailable; Client host [${ip}] blocked using zen.spamhaus.org`);
    expect(listed('192.0.2.1')).not.toBe(listed('192.0.2.2'));
    expect(listed('192.0.2.1')?.list).toBe('zen.spamhaus.org');
    // Equal to what a catalog that told nothing before says.
    expect(reasonOf('550 5.1.1 User unknown in virtual mailbox table')).toEqual(
      createCatalog([english, french]).explain('550 5.1.1 User unknown in virtual mailbox table', 'fr').reason,
    );
  });
});

describe("parsed replies stay the caller's own", () => {
  it('explain of a parsed reply reads it, never freezes it, and is not kept by it (it may change)', () => {
    const catalog = createCatalog([english, french]);
    const parsed = parseReply(reply);
    const explained: Explanation = catalog.explain(parsed, 'fr');
    expect(explained).toEqual(catalog.explain(reply, 'fr'));
    expect(Object.isFrozen(parsed) || Object.isFrozen(parsed.lines)).toBe(false);
    expect(explained.reply?.lines).not.toBe(parsed.lines);
    parsed.lines.push('more');
    expect(explained.reply?.lines).toEqual([parsed.lines[0]]);
    expect(catalog.explain(parsed, 'fr').reply?.lines).toEqual(parsed.lines);
    expect(safeParseReply(reply)).not.toBe(parsed);
  });
});

describe('what is kept, in memory', () => {
  it('replies cut from 64 texts of 1 MB keep none of them alive, and 20,000 distinct replies of 1,000 characters stay bounded', {
    timeout: timeouts.processes,
  }, () => {
    // A child process with a collector it may call, so what stays alive can be measured. Each
    // reply is a slice of a 1 MB log, as a line read from a file is: kept as it is, each would
    // keep its whole log alive (64 MiB).
    const { status, stderr, figures } = memoryInChild([
      'const before = used();',
      'for (let index = 0; index < 64; index++) {',
      "  const log = JSON.parse(JSON.stringify('x'.repeat(2 ** 20) + '\\n550 5.1.1 <user' + index + '@example.com>: User unknown\\n'));",
      "  explain(log.slice(2 ** 20 + 1, -1), 'fr');",
      '}',
      'const slicesMiB = (used() - before) / 2 ** 20;',
      "const long = (index) => ('452 4.2.2 <user' + index + '@example.com> ' + 'x'.repeat(1000)).slice(0, 1000);",
      "for (let index = 0; index < 20000; index++) explain(long(index), 'fr');",
      'const distinctMiB = (used() - before) / 2 ** 20;',
      'process.stdout.write(JSON.stringify({ slicesMiB, distinctMiB }));',
    ]);
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    const { slicesMiB, distinctMiB } = figures as { slicesMiB: number; distinctMiB: number };
    // The logs weigh 64 MiB together; what is kept of them is their replies.
    expect(slicesMiB).toBeLessThan(8);
    // 20,000 explanations of 1,000-character replies: at most keptPerLanguage of them are kept
    // (about 3 kB each with their copied key), not 20,000 (60 MB).
    expect(distinctMiB).toBeLessThan(16);
  });
});
