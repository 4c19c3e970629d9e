import { expect, describe as group, it } from 'vitest';
import { describe, explain, languages, lookup, SmtpStatusCode } from '../../src/index.ts';
import { localeFile, localeFiles } from '../helpers/locale-files.ts';
import * as timeouts from '../helpers/timeouts.ts';

const members = Object.entries(SmtpStatusCode);
const en = localeFile('en');
const fr = localeFile('fr');

group('describe(code, lang)', () => {
  it('serves every language the docs give, and no other', () => {
    expect(languages()).toEqual(localeFiles.map((locale) => locale.lang).sort());
  });

  it('returns exactly the locale entry for every member in every language, by value, name and string', () => {
    for (const locale of localeFiles) {
      for (const [name, value] of members) {
        const expected = locale.codes[name];
        expect(describe(value, locale.lang)).toBe(expected);
        expect(describe(name as keyof typeof SmtpStatusCode, locale.lang)).toBe(expected);
        if (value >= 200) expect(describe(String(value) as '550', locale.lang)).toBe(expected);
      }
    }
  });

  it('is English without a language', () => {
    expect(describe(550)).toBe(en.codes.MailboxUnavailable);
    expect(describe(SmtpStatusCode.MailboxUnavailable, undefined)).toBe(en.codes.MailboxUnavailable);
    expect(describe(550, null)).toBe(en.codes.MailboxUnavailable);
  });

  it('builds a generic text from the digits of a code the enumeration does not list, in every language', () => {
    for (const locale of localeFiles) {
      // A language without generic texts of its own borrows the English ones.
      const texts = locale.generic ?? en.generic ?? {};
      // Chinese does not space sentences: nothing after a full-width full stop.
      const join = (head = '', tail = '') => (head.endsWith('。') ? head + tail : `${head} ${tail}`);
      expect(describe(455, locale.lang)).toBe(join(texts['4xx'], texts.x5x));
      expect(describe(555, locale.lang)).toBe(join(texts['5xx'], texts.x5x));
      expect(describe('221' as const, locale.lang)).toBe(locale.codes.ServiceClosingTransmissionChannel);
      expect(describe(201, locale.lang)).toBe(join(texts['2xx'], texts.x0x));
      expect(describe(333, locale.lang)).toBe(join(texts['3xx'], texts.x3x));
      // No category is defined for a second digit above 5: the class alone.
      expect(describe(571, locale.lang)).toBe(texts['5xx']);
      expect(describe(599, locale.lang)).toBe(texts['5xx']);
    }
  });

  const badCodes: [unknown, ErrorConstructor, RegExp][] = [
    [Number.NaN, RangeError, /: NaN /u],
    [3.5, RangeError, /: 3\.5 /u],
    [1000, RangeError, /: 1000 /u],
    [-7, RangeError, /: -7 /u],
    [199, RangeError, /: 199 /u],
    [600, RangeError, /: 600 /u],
    [Number.POSITIVE_INFINITY, RangeError, /: Infinity /u],
    ['abc', RangeError, /: "abc" /u],
    ['', RangeError, /: "" /u],
    [' 550', RangeError, /: " 550" /u],
    ['5500', RangeError, /: "5500" /u],
    ['0x226', RangeError, /: "0x226" /u],
    ['mailboxunavailable', RangeError, /: "mailboxunavailable" /u],
    [null, TypeError, /: null \(type null;/u],
    [undefined, TypeError, /: undefined \(type undefined;/u],
    [{}, TypeError, /: \{\} \(type object;/u],
    [{ responseCode: '550' }, TypeError, /: \{ responseCode: "550" \} \(type object;/u],
    [[550], TypeError, /: \[550\] \(type object;/u],
    [true, TypeError, /: true \(type boolean;/u],
    [550n, TypeError, /: 550n \(type bigint;/u],
  ];

  it.each(badCodes)('throws for %o, naming it', (code, type, message) => {
    expect(() => describe(code as number)).toThrow(type);
    expect(() => describe(code as number)).toThrow(message);
    expect(explain(code)).toMatchObject({ name: 'GeneralFailure', cause: { id: 'unknown' }, retryable: false });
    expect(lookup(code as number)).toBeUndefined();
  });

  it('shortens a huge bad string in the error', () => {
    expect(() => describe('x'.repeat(10_000) as '550')).toThrow(/: "x{60}…" /u);
  });
});

group('language negotiation', () => {
  const cases: [string, Parameters<typeof describe>[1], string][] = [
    ['exact', 'fr', 'fr'],
    ['any case', 'FR', 'fr'],
    ['region → base', 'fr-CA', 'fr'],
    ['region, any case', 'fr-ca', 'fr'],
    ['script and region → base', 'ru-Cyrl-RU', 'ru'],
    ['variant → base', 'it-IT-u-nu-latn', 'it'],
    ['POSIX form', 'tr_TR.UTF-8', 'tr'],
    ['POSIX with modifier', 'ar_EG@latin', 'ar'],
    ['POSIX language only', 'ru.KOI8-R', 'ru'],
    ['list: first served wins', ['qaa-BR', 'qaa', 'it-CH', 'fr'], 'it'],
    ['list: region of a later entry', ['xx', 'ar-SA'], 'ar'],
    ['list: non-strings skipped', [42, null, 'tr'] as unknown as string[], 'tr'],
    ['unknown → en', 'qaa', 'en'],
    ['script and region of a served language → the language', 'zh-Hant-TW', 'zh'],
    ['unknown region and language → en', 'qab-JP', 'en'],
    ['empty list → en', [], 'en'],
    ['empty string → en', '', 'en'],
    ['garbage → en', '!!!', 'en'],
    ['wildcard → en', '*', 'en'],
    ['Accept-Language: by q-value', 'fr;q=0.9, en', 'en'],
    ['Accept-Language: as servers receive it', 'fr-FR,fr;q=0.9,en;q=0.8', 'fr'],
    ['Accept-Language: q=0 excluded', 'fr;q=0, it;q=0.1', 'it'],
    ['Accept-Language: equal q keeps order', 'qaa;q=0.5, ru;q=0.5, ar;q=0.5', 'ru'],
    ['Accept-Language: * ignored', '*, de;q=0.2', 'de'],
    ['Accept-Language: a malformed q drops the range', 'fr;q=2, tr;q=x, sv;q=0.3', 'sv'],
    ['Accept-Language: nothing served → en', 'qaa-BR, qab;q=0.5', 'en'],
    ['path → en', '../../../etc/passwd', 'en'],
    ['POSIX C locale → en', 'C', 'en'],
    ['POSIX locale → en', 'POSIX', 'en'],
    ['not a string → en', 42 as unknown as string, 'en'],
    ['object → en', {} as unknown as string, 'en'],
  ];

  it.each(cases)('%s: %o → %s', (_name, lang, expected) => {
    expect(explain(550, lang).lang).toBe(expected);
    expect(describe(550, lang)).toBe(localeFile(expected).codes.MailboxUnavailable);
  });

  it('answers the same on repeated and many distinct preferences (its cache is bounded, not wrong)', {
    timeout: timeouts.exhaustive,
  }, () => {
    for (let round = 0; round < 3; round++) {
      for (let index = 0; index < 600; index++) {
        expect(explain(550, index % 2 ? `fr-x-${index}` : `zz-${index}`).lang).toBe(index % 2 ? 'fr' : 'en');
      }
    }
  });
});

group('explain(code, lang)', () => {
  it('describes a member with its name, kind and retryability', () => {
    expect(explain(550, 'fr-CA')).toEqual({
      code: 550,
      name: 'MailboxUnavailable',
      lang: 'fr',
      text: fr.codes.MailboxUnavailable,
      kind: 'permanent',
      retryable: false,
      source: 'catalog',
      // RFC 5321 lists policy refusals under 550 as much as unknown mailboxes: a bare 550 says no reason.
      reason: expect.objectContaining({ id: 'unknown', by: 'code', lang: 'fr' }),
    });
    expect(explain('MailboxBusy')).toMatchObject({ code: 450, kind: 'transient', retryable: true, source: 'catalog' });
    expect(explain('354')).toMatchObject({ code: 354, name: 'StartMailInput', kind: 'intermediate', retryable: false });
    expect(explain(250)).toMatchObject({ kind: 'positive', retryable: false });
  });

  it('classifies by the first digit for every code from 200 to 599', () => {
    const kinds = { 2: 'positive', 3: 'intermediate', 4: 'transient', 5: 'permanent' } as const;
    for (let code = 200; code <= 599; code++) {
      const first = Math.trunc(code / 100) as 2 | 3 | 4 | 5;
      const result = explain(code, 'it');
      expect(result.kind).toBe(kinds[first]);
      expect(result.retryable).toBe(first === 4);
      const member = members.find(([, value]) => value === code);
      expect(result.source).toBe(member ? 'catalog' : 'generic');
      expect(result.name).toBe(member?.[0]);
      expect('name' in result).toBe(member !== undefined);
    }
  });

  it('treats the two members that are not replies apart', () => {
    expect(explain(-1)).toMatchObject({
      name: 'GeneralFailure',
      kind: 'transient',
      retryable: true,
      source: 'catalog',
    });
    expect(explain(0)).toMatchObject({ name: 'NotDefined', kind: 'unknown', retryable: false, source: 'catalog' });
  });
});

group('lookups keyed by user input are prototype-safe', () => {
  const probes = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__defineGetter__'];

  it.each(probes)('%s as a code throws a RangeError', (probe) => {
    expect(() => describe(probe as '550', 'fr')).toThrow(RangeError);
    expect(lookup(probe as '550', 'fr')).toBeUndefined();
  });

  it.each(probes)('%s as a language falls back to English', (probe) => {
    expect(describe(550, probe)).toBe(en.codes.MailboxUnavailable);
    expect(describe(550, [probe, 'fr'])).toBe(fr.codes.MailboxUnavailable);
    expect(typeof describe(550, probe)).toBe('string');
  });
});
