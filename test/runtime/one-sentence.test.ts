// One sentence per input: what `describe` returns is what `explain(…).text` says, for every kind
// of input, and both are the sentence docs/texts-style.md composes from the locale files.
import { expect, describe as group, it } from 'vitest';
import {
  createCatalog,
  describe,
  describeNeutral,
  explain,
  explainLogLine,
  explainRecipients,
  served,
} from '../../src/index.ts';
import en from '../../src/locales/en.ts';
import fr from '../../src/locales/fr.ts';
import { enhancedText, localeFile } from '../helpers/locale-files.ts';

const languages = ['en', 'fr', 'ar', 'zh', 'ru'];

// A Postfix delivery line (postconf(5) smtp_delivery_status; the `said:` form of smtp(8)).
const postfixLine =
  'Dec  2 10:00:00 mx postfix/smtp[123]: 4F1: to=<nobody@example.org>, relay=mx.example.org[192.0.2.10]:25, delay=1, dsn=5.1.1, status=bounced (host mx.example.org[192.0.2.10] said: 550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown (in reply to RCPT TO command))';

group.each(languages)('one sentence per input in %s', (lang) => {
  const locale = localeFile(lang);
  const cases: [kind: string, input: unknown, expected: string | undefined][] = [
    ['a code', 550, locale.codes.MailboxUnavailable],
    ['a code as a string', '550', locale.codes.MailboxUnavailable],
    ['a member name', 'MailboxUnavailable', locale.codes.MailboxUnavailable],
    ['a reply with a registered enhanced code', '550 5.1.1 User unknown', enhancedText(lang, '5.1.1')],
    ['a reply with an unregistered detail of a known subject', '550 5.1.99 x', enhancedText(lang, '5.1.99')],
    ['a reply whose enhanced subject is unknown', '550 5.9.99 x', locale.codes.MailboxUnavailable],
    [
      'a reply whose enhanced class disagrees (the reply code speaks)',
      '550 4.4.7 Expired',
      enhancedText(lang, '5.4.7'),
    ],
    ['a multi-line reply', '452-4.2.2 Mailbox full\r\n452 4.2.2 Try later', enhancedText(lang, '4.2.2')],
    ['a reply without an enhanced code', '421 Service not available', locale.codes.ServiceNotAvailable],
    ['an enhanced code alone', '4.7.1', enhancedText(lang, '4.7.1')],
    ['a client error without a reply', { code: 'ECONNREFUSED' }, locale.causes?.['connection-refused']],
    [
      'a client error with a reply',
      { code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 User unknown' },
      enhancedText(lang, '5.1.1'),
    ],
  ];
  it.each(cases)('%s: explain(x).text is describe(x), the composed sentence', (_kind, input, expected) => {
    expect(expected).toBeTypeOf('string');
    const explained = explain(input, lang);
    expect(explained.text).toBe(expected);
    expect(describe(input as string, lang)).toBe(expected);
    expect(explained.lang).toBe(lang);
  });

  it('a mail log line reads as the reply it quotes', () => {
    expect(explainLogLine(postfixLine, lang)?.text).toBe(enhancedText(lang, '5.1.1'));
    expect(
      explainLogLine('… to=<a@example.org>, dsn=4.4.1, status=deferred (connect to mx: Connection timed out)', lang)
        ?.text,
    ).toBe(enhancedText(lang, '4.4.1'));
  });

  it('each refused recipient of a send reads as its reply', () => {
    const error = Object.assign(new Error("Can't send mail - all recipients were rejected"), {
      code: 'EENVELOPE',
      rejectedErrors: [
        Object.assign(new Error('Recipient command failed'), {
          recipient: 'a@example.org',
          responseCode: 550,
          response: '550 5.1.1 User unknown',
        }),
      ],
    });
    expect(explainRecipients(error, lang).map((entry) => entry.text)).toEqual([enhancedText(lang, '5.1.1')]);
  });

  it('a send every recipient refused reads as a whole: a permanent refusal wins over the last, retryable reply', () => {
    // As nodemailer builds it (smtp-connection, RCPT TO): the last reply on the error itself,
    // every refusal in `rejectedErrors`.
    const refusal = (recipient: string, responseCode: number, response: string) =>
      Object.assign(new Error('Recipient command failed'), { recipient, responseCode, response, code: 'EENVELOPE' });
    const send = (...refusals: ReturnType<typeof refusal>[]) =>
      Object.assign(new Error("Can't send mail - all recipients were rejected"), {
        code: 'EENVELOPE',
        command: 'RCPT TO',
        responseCode: refusals.at(-1)?.responseCode,
        response: refusals.at(-1)?.response,
        rejected: refusals.map((one) => one.recipient),
        rejectedErrors: refusals,
      });
    const mixed = send(
      refusal('a@example.org', 550, '550 5.1.1 User unknown'),
      refusal('b@example.org', 452, '452 4.2.2 Mailbox full'),
    );
    expect(explain(mixed, lang)).toMatchObject({
      code: 550,
      kind: 'permanent',
      retryable: false,
      text: enhancedText(lang, '5.1.1'),
      reason: { id: 'user-unknown' },
    });
    expect(describe(mixed, lang)).toBe(enhancedText(lang, '5.1.1'));
    // Each refusal keeps its own answer.
    expect(explainRecipients(mixed, lang).map((entry) => [entry.recipient, entry.retryable])).toEqual([
      ['a@example.org', false],
      ['b@example.org', true],
    ]);
    // Only temporary refusals: the send may pass later, as the last reply says.
    const temporary = send(
      refusal('a@example.org', 451, '451 4.7.1 Greylisted'),
      refusal('b@example.org', 452, '452 4.2.2 Mailbox full'),
    );
    expect(explain(temporary, lang)).toMatchObject({ code: 452, retryable: true, text: enhancedText(lang, '4.2.2') });
  });

  it('describeNeutral says what an enhanced code is about, not how the request ended', () => {
    const texts = locale.enhanced ?? {};
    expect(describeNeutral('X.2.2', lang)?.text).toBe(texts['X.2.2']);
    expect(describeNeutral('5.1.1', lang)?.text).toBe(texts['X.1.1']);
    expect(describeNeutral('4.1.99', lang)?.text).toBe(texts['X.1.X']);
    expect(describeNeutral('X.7.X', lang)?.text).toBe(texts['X.7.X']);
    expect(describeNeutral('X.9.9', lang)).toBeUndefined();
    expect(describeNeutral('550', lang)).toBeUndefined();
  });
});

group('served', () => {
  it('says which language serves a preference and whether it was asked for', () => {
    expect(served('fr-CA')).toEqual({ lang: 'fr', requested: true });
    expect(served(['qaa', 'de-AT'])).toEqual({ lang: 'de', requested: true });
    expect(served('qaa, ar;q=0.5')).toEqual({ lang: 'ar', requested: true });
    expect(served('qaa')).toEqual({ lang: 'en', requested: false });
    expect(served(undefined)).toEqual({ lang: 'en', requested: false });
  });
});

group('adapters over any catalog', () => {
  it('a catalog made with createCatalog explains log lines and recipients', () => {
    const catalog = createCatalog([fr, en]);
    expect(catalog.explainLogLine(postfixLine, 'fr')).toMatchObject({
      recipient: 'nobody@example.org',
      text: enhancedText('fr', '5.1.1'),
    });
    const info = {
      rejected: ['b@example.org'],
      rejectedErrors: [{ recipient: 'b@example.org', responseCode: 452, response: '452 4.2.2 Mailbox full' }],
    };
    expect(catalog.explainRecipients(info, 'fr')).toMatchObject([
      { recipient: 'b@example.org', text: enhancedText('fr', '4.2.2'), retryable: true },
    ]);
    expect(catalog.served('de')).toEqual({ lang: 'en', requested: false });
  });
});
