import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, describe as suite } from 'vitest';
import type { LocaleData } from '../../src/catalog/locale-data.ts';
import { createCatalog, describe, explain, lookup, parseReply, SmtpStatusCode } from '../../src/index.ts';
import frCodes from '../../src/locales/fr.codes.ts';
import { enhancedText, localeFile, localeFiles, localesWith } from '../helpers/locale-files.ts';
import { projectRoot } from '../helpers/temp-dir.ts';
import * as timeouts from '../helpers/timeouts.ts';

// The registry's codes, read with a plain regular expression (not the build's parser).
const registryPage = readFileSync(join(projectRoot, 'docs', 'project', 'enhanced-registry.md'), 'utf8');
const registryKeys = [...registryPage.matchAll(/^\| ((?:[245]\.X\.X|X\.\d+\.X|X\.\d+\.\d+)) \|/gmu)].map((m) => m[1]);
const registeredCodes = registryKeys.filter((key) => /^X\.\d+\.\d+$/u.test(key ?? ''));

suite('the enhanced status code catalog', () => {
  it('lists the classes, the subjects and every code of the registry page, each subject from X.s.0 to its last', () => {
    expect(registryKeys.slice(0, 11)).toEqual([
      '2.X.X',
      '4.X.X',
      '5.X.X',
      ...Array.from({ length: 8 }, (_, subject) => `X.${subject}.X`),
    ]);
    // Each subject's last detail, as the page lists it: the codes run from X.s.0 to there, in order.
    const lastDetail = new Map<number, number>();
    for (const key of registeredCodes) {
      const [, subject, detail] = (key ?? '').split('.').map(Number);
      lastDetail.set(subject ?? -1, Math.max(detail ?? -1, lastDetail.get(subject ?? -1) ?? -1));
    }
    expect([...lastDetail.keys()]).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const expected = [...lastDetail].flatMap(([subject, last]) =>
      Array.from({ length: last + 1 }, (_, detail) => `X.${subject}.${detail}`),
    );
    expect(registeredCodes).toEqual(expected);
    expect(new Set(registryKeys).size).toBe(registryKeys.length);
    // The catalog knows each subject's codes up to that detail, and none past it.
    for (const [subject, last] of lastDetail) {
      expect(explain(`550 5.${subject}.${last} x`).enhanced?.source, `5.${subject}.${last}`).toBe('registry');
      expect(explain(`550 5.${subject}.${last + 1} x`).enhanced?.source, `5.${subject}.${last + 1}`).toBe('generic');
    }
  });

  it.each(localeFiles.filter((locale) => locale.enhanced).map((locale) => [locale.lang, locale] as const))(
    '%s describes every registry entry, each text its own',
    (_, locale) => {
      const texts = locale.enhanced ?? {};
      expect(Object.keys(texts)).toEqual(registryKeys);
      for (const text of Object.values(texts)) expect(text.trim().length).toBeGreaterThan(5);
      expect(new Set(Object.values(texts)).size).toBe(registryKeys.length);
    },
  );

  it('describes registered codes with their text and others by class and subject, in every language', () => {
    for (const { lang, enhanced: own } of localeFiles) {
      // A language without enhanced texts says them in the fallback's words, and says so.
      const enhanced = own ?? localeFile('en').enhanced;
      expect(explain('550 5.1.1 x', lang).enhanced).toMatchObject({
        code: '5.1.1',
        lang: own === undefined ? 'en' : lang,
        text: enhancedText(lang, '5.1.1'),
        source: 'registry',
      });
      // An unregistered detail: the class sentence, then the subject's; an unknown subject: the class alone.
      expect(explain('550 5.1.99 x', lang).enhanced).toMatchObject({
        text: enhancedText(lang, '5.1.99'),
        source: 'generic',
      });
      expect(enhancedText(lang, '5.1.99').endsWith(enhanced?.['X.1.X'] ?? '?')).toBe(true);
      expect(explain('550 5.9.9 x', lang).enhanced).toMatchObject({
        text: enhanced?.['5.X.X'],
        source: 'generic',
      });
      expect(explain('452 4.2.2 x', lang).enhanced?.text).toBe(enhancedText(lang, '4.2.2'));
    }
  });
});

suite('describe and explain with replies', () => {
  it('describe gives the enhanced code text when the registry knows the code or its subject, else the reply code text', () => {
    expect(describe('550 5.1.1 User unknown', 'fr')).toBe(enhancedText('fr', '5.1.1'));
    expect(describe('550-5.2.2 Mailbox full\r\n550 5.2.2 really', 'ar')).toBe(enhancedText('ar', '5.2.2'));
    // An unregistered detail of a known subject: the class sentence, then the subject's.
    expect(describe('550 5.7.606 Banned IP', 'ru')).toBe(enhancedText('ru', '5.7.606'));
    // An unknown subject: the reply code says more than the class alone.
    expect(describe('550 5.9.9 x', 'ru')).toBe(localeFile('ru').codes.MailboxUnavailable);
    expect(describe('550 Unrouteable address', 'it')).toBe(localeFile('it').codes.MailboxUnavailable);
    expect(describe('571 5.7.1 Blocked', 'tr')).toBe(enhancedText('tr', '5.7.1'));
    // X.n.0 codes are registered too: the class sentence says how the request ended.
    expect(describe('250 2.0.0 OK', 'it')).toBe(enhancedText('it', '2.0.0'));
    expect(describe('421 4.7.0 Try again later', 'fr')).toBe(enhancedText('fr', '4.7.0'));
    expect(explain('250 2.0.0 OK', 'it').enhanced?.text).toBe(enhancedText('it', '2.0.0'));
  });

  it('explain returns the code, the enhanced code described, and what the server said', () => {
    expect(explain('550-5.1.1 No such user\r\n550 5.1.1 Check the address', 'fr-CA')).toEqual({
      code: 550,
      name: 'MailboxUnavailable',
      lang: 'fr',
      text: enhancedText('fr', '5.1.1'),
      kind: 'permanent',
      retryable: false,
      source: 'enhanced',
      enhanced: {
        code: '5.1.1',
        class: 5,
        subject: 1,
        detail: 1,
        lang: 'fr',
        text: enhancedText('fr', '5.1.1'),
        source: 'registry',
        agrees: true,
      },
      reason: {
        id: 'user-unknown',
        lang: 'fr',
        text: localeFile('fr').reasons?.['user-unknown']?.why,
        advice: {
          sender: localeFile('fr').reasons?.['user-unknown']?.sender,
          admin: localeFile('fr').reasons?.['user-unknown']?.admin,
        },
        by: 'words',
        disagrees: false,
      },
      reply: {
        text: 'No such user Check the address',
        lines: ['5.1.1 No such user', '5.1.1 Check the address'],
      },
    });
  });

  it('takes nodemailer-style errors: the reply, else the code, else GeneralFailure with a cause', () => {
    const rejected = { code: 'EENVELOPE', responseCode: 452, response: '452 4.2.2 Mailbox full' };
    expect(explain(rejected, 'en')).toMatchObject({
      code: 452,
      kind: 'transient',
      retryable: true,
      enhanced: { code: '4.2.2' },
    });
    expect(explain({ responseCode: 550, response: 'Connection closed' }, 'en')).toMatchObject({ code: 550 });
    expect(explain({ responseCode: 550 }, 'en').reply).toBeUndefined();
    // Each error reads as its cause (nodemailer's lib/errors.ts and Node's system error codes).
    const causes = {
      ECONNREFUSED: 'connection-refused',
      ETIMEDOUT: 'timeout',
      ECONNECTION: 'connection-lost',
      EDNS: 'dns-unavailable',
    } as const;
    for (const [code, id] of Object.entries(causes)) {
      expect(explain({ code }, 'fr')).toMatchObject({
        code: SmtpStatusCode.GeneralFailure,
        name: 'GeneralFailure',
        text: localeFile('fr').causes?.[id],
        source: 'cause',
        kind: 'transient',
        retryable: true,
        cause: { id, lang: 'fr' },
      });
    }
    const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:25'), { code: 'ECONNREFUSED' });
    expect(describe(error, 'it')).toBe(localeFile('it').causes?.['connection-refused']);
  });

  it('takes a parsed reply, and refuses a hand-made one that is not consistent', () => {
    expect(explain(parseReply('550 5.1.1 x'), 'fr')).toEqual(explain('550 5.1.1 x', 'fr'));
    const bad = [
      { code: 600, text: '', lines: [] },
      { code: 550, text: '', lines: [], enhanced: { class: 3, subject: 1, detail: 1 } },
      { code: 550, text: '', lines: [], enhanced: { class: 5, subject: -1, detail: 1 } },
      { code: 550, lines: [] },
    ];
    for (const reply of bad) {
      expect(() => describe(reply as never)).toThrow(TypeError);
      expect(explain(reply)).toMatchObject({ code: -1, cause: { id: 'unknown' } });
    }
    // What `parseReply(text, { lenient: true })` gives is explained as the text is.
    expect(explain(parseReply('550 4.4.7 x', { lenient: true }), 'fr')).toEqual(explain('550 4.4.7 x', 'fr'));
  });

  it('describe refuses what is neither a code, a reply nor an SMTP client error, naming it; explain explains it as unknown', () => {
    for (const input of [
      'User unknown',
      '600 x',
      {},
      new Error('plain'),
      { responseCode: 999 },
      { responseCode: '550' },
    ]) {
      expect(() => describe(input as never, 'en')).toThrow(/Not an SMTP (?:status code|reply)/u);
      expect(explain(input, 'fr')).toMatchObject({
        code: -1,
        name: 'GeneralFailure',
        kind: 'unknown',
        retryable: false,
        cause: { id: 'unknown', lang: 'fr', text: localeFile('fr').causes?.unknown },
      });
      expect(lookup(input as never, 'en')).toBeUndefined();
    }
    expect(() => describe('User unknown' as never)).toThrow(RangeError);
    expect(() => describe({} as never)).toThrow(TypeError);
    // A text that starts as a reply: the error says why it is not one.
    expect(() => describe('600 x' as never)).toThrow('Not an SMTP reply: "600 x": reply code 600 is outside 200-599');
    expect(() => describe('550-a\n450 b' as never)).toThrow(/line 2 has code 450, the first line 550/u);
  });

  it('explain never throws, whatever a catch block caught', () => {
    for (const caught of [
      'abc',
      42,
      null,
      undefined,
      Symbol('x'),
      () => 1,
      new Proxy(
        {},
        {
          get: () => {
            throw new Error('trap');
          },
        },
      ),
    ]) {
      expect(explain(caught)).toMatchObject({ code: -1, cause: { id: 'unknown' }, retryable: false });
    }
  });
});

suite('an enhanced code whose class disagrees with the reply code', () => {
  it('is read leniently: the reply code decides kind and retryable, the enhanced code is kept and says it disagrees', () => {
    for (const { lang } of localeFiles) {
      const explained = explain('550 4.4.7 QUEUE.Expired; message expired', lang);
      expect(explained).toMatchObject({
        code: 550,
        name: 'MailboxUnavailable',
        kind: 'permanent',
        retryable: false,
        // The enhanced text too opens with the reply code's class: it never says "temporary" for a 550.
        enhanced: { code: '4.4.7', class: 4, agrees: false, text: enhancedText(lang, '5.4.7') },
        reply: { text: 'QUEUE.Expired; message expired' },
      });
      // describe: the reply code's class sentence, then the enhanced code's detail sentence.
      expect(describe('550 4.4.7 QUEUE.Expired', lang)).toBe(enhancedText(lang, '5.4.7'));
    }
    expect(explain('451 5.7.1 x').kind).toBe('transient');
    expect(explain('451 5.7.1 x').retryable).toBe(true);
  });

  it('parseReply stays strict unless told, and says why', () => {
    expect(() => parseReply('550 4.4.7 x')).toThrow(
      'enhanced code 4.4.7 has class 4, but reply code 550 is of class 5',
    );
    expect(parseReply('550 4.4.7 x', { lenient: true }).enhanced).toEqual({ class: 4, subject: 4, detail: 7 });
  });

  it('as a nodemailer error keeps its text and enhanced code', () => {
    const error = { code: 'EENVELOPE', responseCode: 550, response: '550 4.4.7 QUEUE.Expired' };
    expect(explain(error, 'en')).toMatchObject({
      code: 550,
      enhanced: { code: '4.4.7', agrees: false },
      reply: { text: 'QUEUE.Expired' },
    });
  });
});

suite('an enhanced status code alone', () => {
  it('is described by describe, lookup and explain, in every language: code 0 (no reply code), kind by its class', () => {
    for (const { lang } of localeFiles) {
      expect(describe('5.1.1', lang)).toBe(enhancedText(lang, '5.1.1'));
      expect(lookup('4.2.2', lang)).toBe(enhancedText(lang, '4.2.2'));
      expect(describe('5.9.9', lang)).toBe(enhancedText(lang, '5.9.9'));
    }
    expect(explain('4.2.2', 'fr')).toMatchObject({
      code: 0,
      name: 'NotDefined',
      kind: 'transient',
      retryable: true,
      enhanced: { code: '4.2.2', lang: 'fr', text: enhancedText('fr', '4.2.2'), source: 'registry', agrees: true },
    });
    expect(explain('5.1.1').reply).toBeUndefined();
    expect(explain('2.0.0').kind).toBe('positive');
    for (const bad of ['3.1.1', '5.1', '5.1.1.1', '5.1000.1', ' 5.1.1']) expect(lookup(bad as never)).toBeUndefined();
  });

  it('a locale without enhanced texts borrows the fallback language and says so', () => {
    const catalog = createCatalog([
      frCodes,
      { ...frCodes, lang: 'en', enhanced: { 'X.1.1': 'No such mailbox', '5.X.X': 'Failed.' } },
    ]);
    expect(catalog.explain('550 5.1.1 x', 'fr').enhanced).toMatchObject({
      lang: 'en',
      text: 'Failed. No such mailbox',
    });
    expect(catalog.describe('550 5.1.1 x', 'fr')).toBe('Failed. No such mailbox');
    expect(catalog.explain('550 5.3.3 x', 'fr').enhanced).toMatchObject({
      lang: 'en',
      text: 'Failed.',
      source: 'generic',
    });
  });

  it('with no enhanced texts registered at all, an enhanced code is a real sentence, never the bare code', () => {
    const codesOnly = createCatalog([frCodes]);
    const frenchClass = localeFile('fr').generic?.['4xx'];
    expect(codesOnly.explain('452 4.2.2 full', 'fr').enhanced).toMatchObject({ lang: 'fr', text: frenchClass });
    // Neither enhanced nor generic texts: the reply code's own text says it.
    const { generic: _, ...bare } = frCodes;
    const bareCatalog = createCatalog([bare]);
    expect(bareCatalog.explain('452 4.2.2 full', 'fr').enhanced?.text).toBe(frCodes.codes.InsufficientStorage);
    expect(bareCatalog.describe('452 4.2.2 full', 'fr')).toBe(frCodes.codes.InsufficientStorage);
    for (const locale of localeFiles) {
      const catalog = createCatalog([{ lang: locale.lang, codes: locale.codes } as LocaleData]);
      expect(catalog.explain('452 4.2.2 full', locale.lang).enhanced?.text, locale.lang).not.toMatch(/^\d\.\d+\.\d+$/u);
    }
  });

  it('each shipped per-language module carries what explain needs: every enhanced text of its language', {
    timeout: timeouts.exhaustive,
  }, async () => {
    for (const locale of localesWith('enhanced')) {
      const { default: module } = await import(`../../src/locales/${locale.lang}.ts`);
      expect(module.enhanced, locale.lang).toEqual(locale.enhanced);
      const catalog = createCatalog([module]);
      expect(catalog.explain('452 4.2.2 full', locale.lang).enhanced, locale.lang).toMatchObject({
        lang: locale.lang,
        source: 'registry',
        text: enhancedText(locale.lang, '4.2.2'),
      });
    }
  });
});
