import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, describe as suite } from 'vitest';
import { createCatalog, describe, explain, lookup, parseReply, SmtpStatusCode } from '../../src/index.ts';
import fr from '../../src/locales/fr.ts';
import { localeFile, localeFiles } from '../helpers/locale-files.ts';
import { projectRoot } from '../helpers/temp-dir.ts';

// The registry's codes, read with a plain regular expression (not the build's parser).
const registryPage = readFileSync(join(projectRoot, 'docs', 'project', 'enhanced-registry.md'), 'utf8');
const registryKeys = [...registryPage.matchAll(/^\| ((?:[245]\.X\.X|X\.\d+\.X|X\.\d+\.\d+)) \|/gmu)].map((m) => m[1]);
const registeredCodes = registryKeys.filter((key) => /^X\.\d+\.\d+$/u.test(key ?? ''));

suite('the enhanced status code catalog', () => {
  it('lists every code of the registry through X.7.30, and the classes and subjects', () => {
    expect(registryKeys.slice(0, 11)).toEqual([
      '2.X.X',
      '4.X.X',
      '5.X.X',
      ...Array.from({ length: 8 }, (_, subject) => `X.${subject}.X`),
    ]);
    const lastDetail = { 0: 0, 1: 10, 2: 4, 3: 6, 4: 7, 5: 6, 6: 9, 7: 30 } as const;
    const expected = Object.entries(lastDetail).flatMap(([subject, last]) =>
      Array.from({ length: last + 1 }, (_, detail) => `X.${subject}.${detail}`),
    );
    expect(registeredCodes).toEqual(expected);
    expect(new Set(registryKeys).size).toBe(registryKeys.length);
  });

  it.each(localeFiles.filter((locale) => locale.enhanced).map((locale) => [locale.lang, locale] as const))(
    '%s describes every registry entry, each text its own',
    (_, locale) => {
      const texts = locale.enhanced?.texts ?? {};
      expect(Object.keys(texts)).toEqual(registryKeys);
      for (const text of Object.values(texts)) expect(text.trim().length).toBeGreaterThan(5);
      expect(new Set(Object.values(texts)).size).toBe(registryKeys.length);
    },
  );

  it('describes registered codes with their text and others by class and subject, in every language', () => {
    const english = localeFile('en').enhanced;
    for (const locale of localeFiles) {
      // A language without enhanced texts of its own is answered in English, and says so.
      const { lang, texts } = locale.enhanced
        ? { lang: locale.lang, texts: locale.enhanced.texts }
        : { lang: 'en', texts: english?.texts ?? {} };
      expect(explain('550 5.1.1 x', locale.lang).enhanced).toMatchObject({
        code: '5.1.1',
        lang,
        text: texts['X.1.1'],
        source: 'registry',
      });
      expect(explain('550 5.1.99 x', locale.lang).enhanced).toMatchObject({
        text: `${texts['5.X.X']} ${texts['X.1.X']}`,
        source: 'generic',
      });
      expect(explain('550 5.9.9 x', locale.lang).enhanced).toMatchObject({ text: texts['5.X.X'], source: 'generic' });
      expect(explain('452 4.2.2 x', locale.lang).enhanced?.text).toBe(texts['X.2.2']);
    }
  });
});

suite('describe and explain with replies', () => {
  it('describe gives the registered enhanced code text, else the reply code text', () => {
    expect(describe('550 5.1.1 User unknown', 'fr')).toBe(localeFile('fr').enhanced?.texts['X.1.1']);
    expect(describe('550-5.2.2 Mailbox full\r\n550 5.2.2 really', 'ar')).toBe(
      localeFile('ar').enhanced?.texts['X.2.2'],
    );
    expect(describe('550 5.7.606 Banned IP', 'ru')).toBe(localeFile('ru').codes.MailboxUnavailable);
    expect(describe('550 Unrouteable address', 'it')).toBe(localeFile('it').codes.MailboxUnavailable);
    expect(describe('571 5.7.1 Blocked', 'tr')).toBe(localeFile('tr').enhanced?.texts['X.7.1']);
    // X.n.0 codes are catch-alls ("other or undefined …"): the reply code says more.
    expect(describe('250 2.0.0 OK', 'it')).toBe(localeFile('it').codes.Ok);
    expect(describe('421 4.7.0 Try again later', 'fr')).toBe(localeFile('fr').codes.ServiceNotAvailable);
    expect(explain('250 2.0.0 OK', 'it').enhanced?.text).toBe(localeFile('it').enhanced?.texts['X.0.0']);
  });

  it('explain returns the code, the enhanced code described, and what the server said', () => {
    expect(explain('550-5.1.1 No such user\r\n550 5.1.1 Check the address', 'fr-CA')).toEqual({
      code: 550,
      name: 'MailboxUnavailable',
      lang: 'fr',
      text: localeFile('fr').codes.MailboxUnavailable,
      kind: 'permanent',
      retryable: false,
      source: 'catalog',
      enhanced: {
        code: '5.1.1',
        class: 5,
        subject: 1,
        detail: 1,
        lang: 'fr',
        text: localeFile('fr').enhanced?.texts['X.1.1'],
        source: 'registry',
      },
      reply: {
        text: 'No such user Check the address',
        lines: ['5.1.1 No such user', '5.1.1 Check the address'],
      },
    });
  });

  it('takes nodemailer-style errors: the reply, else the code, else GeneralFailure for connection errors', () => {
    const rejected = { code: 'EENVELOPE', responseCode: 452, response: '452 4.2.2 Mailbox full' };
    expect(explain(rejected, 'en')).toMatchObject({
      code: 452,
      kind: 'transient',
      retryable: true,
      enhanced: { code: '4.2.2' },
    });
    expect(explain({ responseCode: 550, response: 'Connection closed' }, 'en')).toMatchObject({ code: 550 });
    expect(explain({ responseCode: 550 }, 'en').reply).toBeUndefined();
    for (const code of ['ECONNREFUSED', 'ETIMEDOUT', 'ECONNECTION', 'EDNS']) {
      expect(explain({ code }, 'fr')).toMatchObject({
        code: SmtpStatusCode.GeneralFailure,
        name: 'GeneralFailure',
        text: localeFile('fr').codes.GeneralFailure,
        retryable: true,
      });
    }
    const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:25'), { code: 'ECONNREFUSED' });
    expect(describe(error, 'it')).toBe(localeFile('it').codes.GeneralFailure);
  });

  it('takes a parsed reply, and refuses a hand-made one that is not consistent', () => {
    expect(explain(parseReply('550 5.1.1 x'), 'fr')).toEqual(explain('550 5.1.1 x', 'fr'));
    const bad = [
      { code: 600, text: '', lines: [] },
      { code: 550, text: '', lines: [], enhanced: { class: 4, subject: 1, detail: 1 } },
      { code: 550, text: '', lines: [], enhanced: { class: 5, subject: -1, detail: 1 } },
      { code: 550, lines: [] },
    ];
    for (const reply of bad) expect(() => explain(reply as never)).toThrow(TypeError);
  });

  it('refuses what is neither a code, a reply nor an SMTP client error, naming it; lookup gives undefined', () => {
    for (const input of [
      'User unknown',
      '550 4.1.1 class mismatch',
      '600 x',
      {},
      new Error('plain'),
      { responseCode: 999 },
      { responseCode: '550' },
    ]) {
      expect(() => describe(input as never, 'en')).toThrow(/Not an SMTP status code/u);
      expect(() => explain(input as never, 'en')).toThrow(/Not an SMTP status code/u);
      expect(lookup(input as never, 'en')).toBeUndefined();
    }
    expect(() => describe('User unknown' as never)).toThrow(RangeError);
    expect(() => describe({} as never)).toThrow(TypeError);
  });

  it('a locale without enhanced texts borrows the fallback language and says so', () => {
    const catalog = createCatalog([
      fr,
      localeFiles.length > 0 ? { ...fr, lang: 'en', enhanced: { 'X.1.1': 'No such mailbox', '5.X.X': 'Failed.' } } : fr,
    ]);
    expect(catalog.explain('550 5.1.1 x', 'fr').enhanced).toMatchObject({ lang: 'en', text: 'No such mailbox' });
    expect(catalog.describe('550 5.1.1 x', 'fr')).toBe('No such mailbox');
    expect(catalog.explain('550 5.3.3 x', 'fr').enhanced).toMatchObject({
      lang: 'en',
      text: 'Failed.',
      source: 'generic',
    });
  });
});
