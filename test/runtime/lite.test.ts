// The smallest entry (`/lite`): describe for codes over registered languages. It must answer
// exactly as the main entry does for every code it accepts, and refuse the rest by name.
import fc from 'fast-check';
import { beforeEach, expect, describe as group, it, vi } from 'vitest';
import * as main from '../../src/index.ts';
import { allLocales as shippedLocales } from '../../src/internal/all-locales.ts';
import type * as Lite from '../../src/lite.ts';
import { localeFile, localeFiles } from '../helpers/locale-files.ts';

/** A fresh copy of the entry: its registry is module state, and each test starts empty. */
let lite: typeof Lite;
beforeEach(async () => {
  vi.resetModules();
  lite = await import('../../src/lite.ts');
});

const registerAll = () => {
  for (const locale of shippedLocales) lite.registerLocale(locale);
};

/** Every code the entry accepts, as value, member name and three-digit string. */
const codes: Lite.StatusCodeInput[] = [
  -1,
  0,
  ...Array.from({ length: 400 }, (_, index) => 200 + index),
  ...Object.keys(main.SmtpStatusCode),
  '200',
  '550',
  '571',
  '599',
] as Lite.StatusCodeInput[];

/** Preferences as callers give them: tags, regional tags, POSIX names, lists, garbage. */
const preferences: Lite.LanguagePreference[] = [
  ...localeFiles.map((locale) => locale.lang),
  'FR',
  'fr-CA',
  'ru-Cyrl-RU',
  'it-IT-u-nu-latn',
  'tr_TR.UTF-8',
  'ar_EG@latin',
  'ru.KOI8-R',
  'zh-Hant-TW',
  'qaa',
  '',
  '*',
  'C',
  '../../../etc/passwd',
  'fr;q=0.9, en',
  undefined,
  null,
  [],
  ['qaa-BR', 'qaa', 'it-CH', 'fr'],
  ['xx', 'ar-SA'],
  [42, null, 'tr'] as unknown as string[],
  [['fr']] as unknown as string[],
  42 as unknown as string,
];

group('smtp-status-i18n/lite', () => {
  it('exports describe, registerLocale and SmtpStatusCode, nothing else', () => {
    expect(Object.keys(lite).sort()).toEqual(['SmtpStatusCode', 'describe', 'registerLocale']);
    expect(lite.SmtpStatusCode).toEqual(main.SmtpStatusCode);
  });

  it('answers exactly as the main entry for every code and preference, once every language is registered', () => {
    registerAll();
    let compared = 0;
    for (const lang of preferences) {
      for (const code of codes) {
        expect(lite.describe(code, lang), `${String(code)} ${JSON.stringify(lang)}`).toBe(main.describe(code, lang));
        compared++;
      }
    }
    expect(compared).toBe(preferences.length * codes.length);
  });

  it('gives the locale file texts: member texts and generic texts from the digits', () => {
    lite.registerLocale(shippedLocales.find((locale) => locale.lang === 'fr') as Lite.LocaleData);
    const fr = localeFile('fr');
    expect(lite.describe(550, 'fr')).toBe(fr.codes.MailboxUnavailable);
    expect(lite.describe('MailboxBusy', 'fr-CA')).toBe(fr.codes.MailboxBusy);
    expect(lite.describe(555, 'fr')).toBe(`${fr.generic?.['5xx']} ${fr.generic?.x5x}`);
    expect(lite.describe(571, 'fr')).toBe(fr.generic?.['5xx']);
  });

  it('falls back to English, else to the first language registered', () => {
    const [fr, en] = ['fr', 'en'].map((lang) => shippedLocales.find((locale) => locale.lang === lang));
    lite.registerLocale(fr as Lite.LocaleData);
    expect(lite.describe(550, 'qaa')).toBe(localeFile('fr').codes.MailboxUnavailable);
    lite.registerLocale(en as Lite.LocaleData);
    expect(lite.describe(550, 'qaa')).toBe(localeFile('en').codes.MailboxUnavailable);
    expect(lite.describe(550)).toBe(localeFile('en').codes.MailboxUnavailable);
  });

  it('borrows the fallback language for generic texts a locale lacks, as the main entry does', () => {
    const pt = { lang: 'qaa', codes: Object.fromEntries(Object.keys(main.SmtpStatusCode).map((n) => [n, `PT ${n}`])) };
    lite.registerLocale(pt as Lite.LocaleData);
    expect(lite.describe(599, 'qaa')).toBe('599');
    registerAll();
    const catalog = main.createCatalog([...shippedLocales, pt as Lite.LocaleData]);
    for (const code of [550, 555, 599, 201] as const) {
      expect(lite.describe(code, 'qaa-BR')).toBe(catalog.describe(code, 'qaa-BR'));
    }
    expect(lite.describe(550, 'qaa-BR')).toBe('PT MailboxUnavailable');
  });

  it('says no locale is registered instead of failing on undefined', () => {
    expect(() => lite.describe(550, 'fr')).toThrow(/^No locale is registered/u);
  });

  it('names a value that is not a status code, with the error type the main entry uses', () => {
    registerAll();
    const bad: unknown[] = [
      Number.NaN,
      3.5,
      1000,
      199,
      600,
      'abc',
      '',
      ' 550',
      'mailboxunavailable',
      null,
      {},
      [550],
      true,
      550n,
    ];
    for (const code of bad) {
      const error = (() => {
        try {
          lite.describe(code as 550);
        } catch (caught) {
          return caught as Error;
        }
        throw new Error(`no error for ${String(code)}`);
      })();
      expect(error.constructor).toBe(
        (() => {
          try {
            main.describe(code as 550);
          } catch (caught) {
            return (caught as Error).constructor;
          }
        })(),
      );
      expect(error.message).toMatch(/^Not an SMTP status code: .*expected a reply code from 200 to 599/u);
    }
    expect(() => lite.describe('x'.repeat(10_000) as '550')).toThrow(/: "x{60}…" /u);
  });

  it('refuses replies and client errors by name: they are the main and core entries’ job', () => {
    registerAll();
    expect(() => lite.describe('550 5.1.1 User unknown' as '550')).toThrow(/: "550 5\.1\.1 User unknown" /u);
    expect(() => lite.describe({ responseCode: 550 } as never)).toThrow(TypeError);
  });

  it('refuses malformed locales, naming what is wrong, and keeps what was registered', () => {
    registerAll();
    const fr = shippedLocales.find((locale) => locale.lang === 'fr') as Lite.LocaleData;
    const cases: [unknown, RegExp][] = [
      [null, /expected an object with `lang` and `codes`/u],
      [{}, /lang undefined is not a BCP 47 language tag/u],
      [{ ...fr, lang: 'not a tag' }, /lang "not a tag" is not a BCP 47/u],
      [{ ...fr, lang: 42 }, /lang 42 is not/u],
      [{ lang: 'fr' }, /codes must be an object/u],
      [{ ...fr, codes: 'text' }, /codes must be an object/u],
      [{ ...fr, codes: { ...fr.codes, MailboxUnavailable: '' } }, /codes\.MailboxUnavailable must be a non-empty/u],
      [{ ...fr, codes: { ...fr.codes, Ok: 7 } }, /codes\.Ok must be a non-empty string/u],
      [{ ...fr, generic: {} }, /generic\.2xx must be a non-empty string/u],
      [{ ...fr, generic: { ...fr.generic, x5x: null } }, /generic\.x5x must be/u],
      // What /lite accepted before it shared the one validator:
      [{ ...fr, codes: { ...fr.codes, NotAMember: 'x' } }, /codes has an unknown key "NotAMember"/u],
      [{ ...fr, codes: { ...fr.codes, Ok: ' \t ' } }, /codes\.Ok must be a non-empty string/u],
      [{ ...fr, codes: { ...fr.codes, Ok: 'ok \u202E evil' } }, /codes\.Ok holds a bidirectional control character/u],
      [{ ...fr, codes: { ...fr.codes, Ok: 'ok \u001B[31m' } }, /codes\.Ok holds a control character/u],
    ];
    for (const [data, message] of cases) {
      expect(() => lite.registerLocale(data as Lite.LocaleData)).toThrow(TypeError);
      expect(() => lite.registerLocale(data as Lite.LocaleData)).toThrow(message);
      // Exactly what every other entry refuses, with the same words.
      let other: unknown;
      try {
        main.createCatalog([data as Lite.LocaleData]);
      } catch (error) {
        other = error;
      }
      expect(() => lite.registerLocale(data as Lite.LocaleData)).toThrow((other as Error).message);
    }
    expect(lite.describe(550, 'fr')).toBe(localeFile('fr').codes.MailboxUnavailable);
  });

  it('keys a language by its canonical tag, and keeps its own copy of the texts', () => {
    const codesCopy = Object.fromEntries(Object.keys(main.SmtpStatusCode).map((n) => [n, `PT ${n}`]));
    lite.registerLocale({ lang: 'QAA-br', codes: codesCopy } as Lite.LocaleData);
    codesCopy.MailboxUnavailable = 'changed after registration';
    expect(lite.describe(550, 'qaa-BR')).toBe('PT MailboxUnavailable');
    expect(lite.describe(550, 'qaa_BR.UTF-8')).toBe('PT MailboxUnavailable');
  });

  it('for any input and preference: a text the main entry gives too, or a TypeError or RangeError', () => {
    registerAll();
    const input = fc.oneof(fc.anything(), fc.integer({ min: -10, max: 1000 }), fc.string(), fc.constantFrom(...codes));
    const lang = fc.oneof(fc.constantFrom(...preferences), fc.string(), fc.anything());
    fc.assert(
      fc.property(input, lang, (code, preference) => {
        let text: string;
        try {
          text = lite.describe(code as 550, preference as string);
        } catch (error) {
          expect(error instanceof TypeError || error instanceof RangeError).toBe(true);
          return;
        }
        // /lite reads tags only: an `Accept-Language` value (a string with `,` or `;`) is the
        // fallback there, as one unknown tag is (the main entry reads it as a list).
        const header = typeof preference === 'string' && /[,;]/u.test(preference);
        expect(text).toBe(main.describe(code as 550, header ? 'en' : (preference as string)));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads an Accept-Language value as one (unknown) tag: the fallback, documented', () => {
    registerAll();
    expect(lite.describe(550, 'fr-FR,fr;q=0.9')).toBe(main.describe(550, 'en'));
    expect(main.describe(550, 'fr-FR,fr;q=0.9')).toBe(main.describe(550, 'fr'));
  });
});
