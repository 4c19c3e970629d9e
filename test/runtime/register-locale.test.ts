import { describe, expect, it } from 'vitest';
import { createCatalog, type LocaleData, SmtpStatusCode } from '../../src/index.ts';
import { localeFile } from '../helpers/locale-files.ts';

const english = localeFile('en');
const german: LocaleData = {
  lang: 'de',
  codes: Object.fromEntries(Object.keys(SmtpStatusCode).map((name) => [name, `DE ${name}`])) as LocaleData['codes'],
};
const withEnglish = () => createCatalog([{ lang: 'en', codes: english.codes, generic: english.generic } as LocaleData]);

describe('every kind refuses unknown keys the same way, at build and at registration', () => {
  it('a cause id that does not exist (a typo) is refused with its name, as generic and member keys are', () => {
    expect(() => createCatalog([{ ...german, causes: { 'time-out': 'x' } } as unknown as LocaleData])).toThrow(
      'Invalid locale: causes has an unknown key "time-out"',
    );
    expect(() =>
      createCatalog([{ ...german, generic: { ...english.generic, '6xx': 'x' } } as unknown as LocaleData]),
    ).toThrow('Invalid locale: generic has an unknown key "6xx"');
    expect(() => createCatalog([{ ...german, enhanced: { 'X.1.1.1': 'x' } } as unknown as LocaleData])).toThrow(
      'Invalid locale: enhanced has an unknown key "X.1.1.1"',
    );
  });

  it('the shipped locales/<lang>.json registers as it is', () => {
    const catalog = createCatalog([localeFile('fr') as unknown as LocaleData]);
    expect(catalog.describe('452 4.2.2 Mailbox full', 'fr')).toBe(
      `${localeFile('fr').enhanced?.['4.X.X']} ${localeFile('fr').enhanced?.['X.2.2']}`,
    );
    expect(catalog.describe({ code: 'ETIMEDOUT' }, 'fr')).toBe(localeFile('fr').causes?.timeout);
  });
});

describe('cause texts of a registered locale', () => {
  it('are kept and served; a cause a language lacks comes from English and says so; /lite ignores them', () => {
    const catalog = createCatalog([
      { lang: 'en', codes: english.codes, causes: english.causes } as LocaleData,
      { ...german, causes: { timeout: 'Der Server hat nicht rechtzeitig geantwortet.' } },
    ]);
    expect(catalog.explain({ code: 'ETIMEDOUT' }, 'de').cause).toEqual({
      id: 'timeout',
      lang: 'de',
      text: 'Der Server hat nicht rechtzeitig geantwortet.',
    });
    expect(catalog.explain({ code: 'EAUTH' }, 'de').cause).toEqual({
      id: 'auth-failed',
      lang: 'en',
      text: english.causes?.['auth-failed'],
    });
    // No cause text anywhere: the id itself, never an empty text.
    expect(createCatalog([german]).describe({ code: 'ETIMEDOUT' }, 'de')).toBe('timeout');
  });

  it('are validated as every other text: a malformed key, an empty text or a control character is a TypeError', () => {
    for (const causes of [{ Timeout: 'x' }, { timeout: '' }, { timeout: 'a\u001B[31m' }, { timeout: 'a\u202E' }, 'x']) {
      expect(() => createCatalog([{ ...german, causes } as unknown as LocaleData])).toThrow(TypeError);
    }
  });
});

describe('registerLocale(data)', () => {
  it('adds a language, served at once, with the English generic texts when it has none', () => {
    const catalog = withEnglish();
    catalog.registerLocale(german);
    expect(catalog.languages()).toEqual(['de', 'en']);
    expect(catalog.describe(550, 'de-AT')).toBe('DE MailboxUnavailable');
    expect(catalog.explain(571, 'de')).toMatchObject({
      lang: 'en',
      text: english.generic?.['5xx'],
      source: 'generic',
    });
  });

  it('replaces a language, and forgets earlier negotiations', () => {
    const catalog = withEnglish();
    expect(catalog.explain(550, 'de-CH').lang).toBe('en');
    catalog.registerLocale(german);
    expect(catalog.explain(550, 'de-CH').lang).toBe('de');
    catalog.registerLocale({ ...german, codes: { ...german.codes, MailboxUnavailable: 'Neu' } });
    expect(catalog.describe(550, 'de-CH')).toBe('Neu');
  });

  it('keys by the canonical tag and copies the data (later changes to it do not leak in)', () => {
    const catalog = withEnglish();
    const codes = { ...german.codes };
    catalog.registerLocale({ lang: 'QAA-br', codes });
    codes.MailboxUnavailable = 'changed';
    expect(catalog.languages()).toEqual(['en', 'qaa-BR']);
    expect(catalog.describe(550, 'qaa_BR.UTF-8')).toBe('DE MailboxUnavailable');
    expect(catalog.describe(550, 'qaa')).toBe(english.codes.MailboxUnavailable);
  });

  it('serves scripts: zh-Hant for zh-TW and zh-Hant-HK, zh for zh-CN', () => {
    const catalog = withEnglish();
    catalog.registerLocale({ ...german, lang: 'zh-Hant', codes: { ...german.codes, Ok: 'Hant' } });
    catalog.registerLocale({ ...german, lang: 'zh', codes: { ...german.codes, Ok: 'zh' } });
    expect(catalog.describe(250, 'zh-TW')).toBe('Hant');
    expect(catalog.describe(250, 'zh-Hant-HK')).toBe('Hant');
    expect(catalog.describe(250, 'zh-CN')).toBe('zh');
    expect(catalog.describe(250, 'zh')).toBe('zh');
  });

  const { Ok: _dropped, ...missingOne } = german.codes;
  const malformed: [string, unknown, RegExp][] = [
    ['not an object', 'de', /expected an object with `lang` and `codes`/u],
    ['null', null, /expected an object/u],
    ['no lang', { codes: german.codes }, /lang undefined is not a BCP 47 language tag/u],
    ['a bad lang', { ...german, lang: 'not a tag' }, /lang "not a tag" is not a BCP 47/u],
    ['no codes', { lang: 'de' }, /codes must be an object/u],
    ['a missing member', { lang: 'de', codes: missingOne }, /codes\.Ok must be a non-empty string/u],
    ['an unknown member', { lang: 'de', codes: { ...german.codes, Okay: 'x' } }, /codes has an unknown key "Okay"/u],
    ['an empty text', { lang: 'de', codes: { ...german.codes, Ok: '  ' } }, /codes\.Ok must be a non-empty string/u],
    ['a non-string text', { lang: 'de', codes: { ...german.codes, Ok: 250 } }, /codes\.Ok must be a non-empty string/u],
    [
      'a control character',
      { lang: 'de', codes: { ...german.codes, Ok: 'a\u001b[31m' } },
      /codes\.Ok holds a control character/u,
    ],
    ['an inherited member only', { lang: 'de', codes: Object.create(german.codes) }, /codes\.NotDefined must be/u],
    ['incomplete generic texts', { ...german, generic: { '2xx': 'x' } }, /generic\.3xx must be a non-empty string/u],
    ['generic texts not an object', { ...german, generic: [] }, /generic must be an object/u],
    ['a __proto__ key', { lang: 'de', codes: JSON.parse(`{"__proto__": "x"}`) }, /unknown key "__proto__"/u],
  ];

  it.each(malformed)('rejects %s with a TypeError and registers nothing', (_name, data, message) => {
    const catalog = withEnglish();
    expect(() => catalog.registerLocale(data as LocaleData)).toThrow(TypeError);
    expect(() => catalog.registerLocale(data as LocaleData)).toThrow(message);
    expect(catalog.languages()).toEqual(['en']);
    expect(catalog.explain(550, 'de').lang).toBe('en');
  });

  it.each(malformed)('createCatalog rejects %s the same way', (_name, data, message) => {
    expect(() => createCatalog([german, data as LocaleData])).toThrow(TypeError);
    expect(() => createCatalog([german, data as LocaleData])).toThrow(message);
  });

  it('createCatalog keys by the canonical tag and keeps its own copy', () => {
    const codes = { ...german.codes };
    const catalog = createCatalog([{ lang: 'DE-at', codes }]);
    codes.MailboxUnavailable = 'changed';
    expect(catalog.languages()).toEqual(['de-AT']);
    expect(catalog.describe(550, 'de-AT')).toBe('DE MailboxUnavailable');
  });
});

describe('a catalog without English', () => {
  it('falls back to its first language, and says so', () => {
    const catalog = createCatalog();
    expect(() => catalog.describe(550)).toThrow(/No locale is registered/u);
    expect(catalog.lookup(550)).toBeUndefined();
    catalog.registerLocale(german);
    expect(catalog.explain(550, 'fr')).toMatchObject({ lang: 'de', text: 'DE MailboxUnavailable' });
    expect(catalog.explain(571, 'fr')).toMatchObject({ lang: 'de', text: '571', source: 'generic' });
    expect(() => catalog.describe('nope' as '550')).toThrow(RangeError);
  });
});
