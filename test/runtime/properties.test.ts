// Property-based tests: whatever a caller passes, the runtime answers within its contract.
import fc from 'fast-check';
import { expect, it, describe as suite } from 'vitest';
import { acceptLanguageRanges } from '../../src/catalog/negotiate-language.ts';
import { describe, explain, languages, lookup, safeParseReply } from '../../src/index.ts';
import { localeFiles } from '../helpers/locale-files.ts';
import * as timeouts from '../helpers/timeouts.ts';

// Every text the catalog can give: member descriptions, and generic texts alone or joined.
const catalogTexts = new Set<string>();
for (const locale of localeFiles) {
  for (const text of Object.values(locale.codes)) catalogTexts.add(text);
  const generic = locale.generic ?? {};
  const enhanced = locale.enhanced ?? {};
  for (const text of Object.values(locale.causes ?? {})) catalogTexts.add(text);
  for (const head of ['2xx', '3xx', '4xx', '5xx']) {
    catalogTexts.add(generic[head] ?? '');
    for (const tail of ['x0x', 'x1x', 'x2x', 'x3x', 'x4x', 'x5x']) {
      const headText = generic[head] ?? '';
      catalogTexts.add(/[。！？]$/u.test(headText) ? headText + generic[tail] : `${headText} ${generic[tail]}`);
    }
  }
  // A reply's enhanced text: its class sentence alone, or followed by a subject or code sentence.
  const join = (head: string, tail: string) => (/[。！？]$/u.test(head) ? head + tail : `${head} ${tail}`);
  for (const [key, text] of Object.entries(enhanced)) {
    catalogTexts.add(text);
    if (/^\d\.X\.X$/u.test(key)) {
      for (const [other, otherText] of Object.entries(enhanced)) {
        if (other.startsWith('X.')) catalogTexts.add(join(text, otherText));
      }
    }
  }
}

/** Anything a caller might pass: primitives, objects, arrays, error-like objects, near-codes. */
const anything = fc.oneof(
  fc.anything(),
  fc.string(),
  fc.integer({ min: -10, max: 1000 }),
  fc.double(),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'MailboxUnavailable', '550', ' 550', '5.1.1', '550 5.1.1 x'),
  fc.record({ responseCode: fc.anything(), response: fc.anything(), code: fc.anything() }, { requiredKeys: [] }),
  fc.record(
    { code: fc.anything(), text: fc.anything(), lines: fc.anything(), enhanced: fc.anything() },
    { requiredKeys: [] },
  ),
);

/** Reply-shaped text: codes, separators, enhanced codes and noise, over one or more lines. */
const replyLike = fc
  .array(
    fc.tuple(
      fc.constantFrom('250', '354', '421', '450', '452', '550', '554', '199', '600', '5500', ''),
      fc.constantFrom(' ', '-', '', '\t'),
      fc.constantFrom('', '5.1.1 ', '4.2.2 ', '2.0.0 ', '5.9.999 ', '5.1.1.1 ', '4.7.0'),
      fc.string(),
    ),
    { minLength: 1, maxLength: 5 },
  )
  .chain((lines) =>
    fc
      .constantFrom('\r\n', '\n')
      .map((eol) => lines.map(([code, sep, enh, text]) => `${code}${sep}${enh}${text}`).join(eol)),
  );

const language = fc.oneof(
  fc.constantFrom('fr', 'fr-CA', 'ar_EG.UTF-8', 'zh-Hant-TW', '*', '', 'C', '../../../etc/passwd', '__proto__', 'DE,'),
  fc.constantFrom('fr-CA;q=0.5, ar', 'de;q=0, it', 'en;q=0.9,ru;q=0.9', 'tr;q=x, es', '*;q=1, sv', 'pt, zh;q=0.001'),
  fc.string(),
  fc.array(fc.oneof(fc.string(), fc.constantFrom('ru', 'tr-TR')), { maxLength: 4 }),
  fc.anything(),
  // Around the bounds: tags of 64 and 65 characters, lists and headers of about 32 preferences,
  // values of about 4,096 characters.
  fc.constantFrom(`fr-x-${'abcdefgh-'.repeat(6)}abcde`, `fr-x-${'abcdefgh-'.repeat(6)}abcdef`),
  fc.array(fc.constantFrom('qaa', 'fr-CA', `it-x-${'abcdefgh-'.repeat(6)}abcdef`), { minLength: 30, maxLength: 36 }),
  fc
    .array(fc.constantFrom('qaa', 'de;q=0', 'sv;q=0.5', '', ' ', 'it-IT;Q=1.'), { minLength: 28, maxLength: 36 })
    .map((ranges) => ranges.join(',')),
  fc.integer({ min: 4080, max: 4110 }).map((length) => `qaa;q=0.2, tr;q=0.3, ${'x'.repeat(length - 20)}`),
);

const runs = { numRuns: 2000 };

// Each property runs 2,000 times.
suite('properties', { timeout: timeouts.exhaustive }, () => {
  it('lookup never throws, and gives undefined or a catalog text', () => {
    fc.assert(
      fc.property(fc.oneof(anything, replyLike), language, (code, lang) => {
        const text = lookup(code as never, lang as never);
        return text === undefined || catalogTexts.has(text);
      }),
      runs,
    );
  });

  it('describe throws only TypeError or RangeError, and otherwise gives a catalog text', () => {
    fc.assert(
      fc.property(fc.oneof(anything, replyLike), language, (code, lang) => {
        try {
          return catalogTexts.has(describe(code as never, lang as never));
        } catch (error) {
          return error instanceof TypeError || error instanceof RangeError;
        }
      }),
      runs,
    );
  });

  it('explain never throws; where lookup gives undefined it explains an unknown cause, not retryable', () => {
    fc.assert(
      fc.property(fc.oneof(anything, replyLike), language, (code, lang) => {
        const text = lookup(code as never, lang as never);
        if (text === undefined) {
          expect(explain(code, lang as never)).toMatchObject({ code: -1, cause: { id: 'unknown' }, retryable: false });
          return true;
        }
        const explained = explain(code as never, lang as never);
        expect(languages()).toContain(explained.lang);
        expect(catalogTexts.has(explained.text)).toBe(true);
        if (explained.enhanced) expect(catalogTexts.has(explained.enhanced.text)).toBe(true);
        return true;
      }),
      runs,
    );
  });

  it('safeParseReply never throws; what it accepts has one code in 200-599 and a class that agrees', () => {
    fc.assert(
      fc.property(fc.oneof(replyLike, fc.string(), fc.anything()), (input) => {
        const reply = safeParseReply(input);
        if (reply === undefined) return true;
        expect(reply.code).toBeGreaterThanOrEqual(200);
        expect(reply.code).toBeLessThanOrEqual(599);
        if (reply.enhanced) expect(reply.enhanced.class).toBe(Math.trunc(reply.code / 100));
        expect(reply.lines.length).toBe((input as string).trimEnd().split(/\r?\n/u).length);
        return true;
      }),
      runs,
    );
  });

  it('objects that throw when read (getters, revoked proxies) are refused with a TypeError, never their error', () => {
    const throwing = {
      get responseCode(): number {
        throw new Error('boom');
      },
    };
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    for (const input of [throwing, proxy]) {
      expect(lookup(input as never)).toBeUndefined();
      expect(() => describe(input as never)).toThrow(TypeError);
    }
  });

  it('language negotiation: the first preference whose language is shipped wins, else English', () => {
    fc.assert(
      fc.property(language, (lang) => {
        const header = typeof lang === 'string' && /[,;]/u.test(lang);
        const preferences: unknown[] = Array.isArray(lang)
          ? lang.slice(0, 32)
          : header
            ? rfcRanges(lang as string)
            : [lang];
        const expected = preferences.map(languageOf).find((tag) => tag !== undefined && shipped.has(tag)) ?? 'en';
        expect(explain(550, lang as never).lang).toBe(expected);
        return true;
      }),
      runs,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The negotiation oracle, written from the specifications rather than from the negotiator:
// RFC 9110 §12.5.4 (Accept-Language), §12.4.2 (quality values) and §5.6.1 (lists), RFC 4647
// (`*`), plus the bounds SECURITY.md states. Checked first against the RFCs' own examples.

const shipped = new Set(localeFiles.map((locale) => locale.lang));

/**
 * The language subtag of one preference as Intl reads it, or `undefined` when it is no tag or
 * is longer than the 64 characters read. A POSIX locale name (`language_TERRITORY.codeset@modifier`)
 * names the tag before its codeset or modifier.
 */
function languageOf(preference: unknown): string | undefined {
  if (typeof preference !== 'string' || preference.length > 64) return undefined;
  const cut = [preference.indexOf('.'), preference.indexOf('@')].filter((index) => index >= 0);
  const name = preference.slice(0, Math.min(preference.length, ...cut));
  try {
    return new Intl.Locale(name.split('_').join('-')).language;
  } catch {
    return undefined;
  }
}

/** RFC 9110 §12.4.2: `qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )`; `undefined` when it is not one. */
function rfcQvalue(text: string): number | undefined {
  const [units = '', decimals = '', ...more] = text.split('.');
  const allowed = units === '0' ? '0123456789' : '0';
  const decimalsFit = decimals.length <= 3 && [...decimals].every((digit) => allowed.includes(digit));
  if (more.length > 0 || (units !== '0' && units !== '1') || !decimalsFit) return undefined;
  return Number(`${units}.${decimals}0`);
}

/**
 * An Accept-Language value's ranges, best first. RFC 9110: `#( language-range [ weight ] )`
 * with `weight = OWS ";" OWS "q=" qvalue`; a range without weight has q=1, q=0 means "not
 * acceptable", empty list elements are ignored; equal weights keep their order. RFC 4647 §3.4:
 * `*` adds nothing to a lookup. Read leniently: any white space as OWS and around `=`, which
 * §5.6.6 forbids senders to write. Bounds: the first 32 list elements (empty ones count), and
 * nothing from a value over 4,096 characters.
 */
function rfcRanges(header: string): string[] {
  if (header.length > 4096) return [];
  const ranges: { range: string; q: number }[] = [];
  for (const element of header.split(',').slice(0, 32)) {
    const semicolon = element.indexOf(';');
    const range = (semicolon < 0 ? element : element.slice(0, semicolon)).trim();
    let q: number | undefined = 1;
    if (semicolon >= 0) {
      const weight = element.slice(semicolon + 1).trim();
      const [name = '', value, ...more] = weight.split('=');
      q =
        name.trim().toLowerCase() === 'q' && value !== undefined && more.length === 0
          ? rfcQvalue(value.trim())
          : undefined;
    }
    if (range !== '' && range !== '*' && q !== undefined && q > 0) ranges.push({ range, q });
  }
  // `sort` is stable: equal weights stay in the order given.
  return ranges.sort((a, b) => b.q - a.q).map(({ range }) => range);
}

suite('the negotiation oracle against the RFCs', () => {
  it.each([
    ['RFC 9110 §12.5.4 example', 'da, en-gb;q=0.8, en;q=0.7', ['da', 'en-gb', 'en']],
    ['no weight is q=1 (§12.4.2)', 'en;q=0.7, da', ['da', 'en']],
    ['q=0 is not acceptable (§12.4.2)', 'da;q=0, en', ['en']],
    ['equal weights keep their order', 'da;q=0.5, en;q=0.5, sv;q=0.5', ['da', 'en', 'sv']],
    ['1 with up to three zeros', 'da;q=1.000, en;q=1.', ['da', 'en']],
    ['1 with a non-zero decimal is no qvalue', 'da;q=1.001, en', ['en']],
    ['three decimals at most', 'da;q=0.0001, en;q=0.001, sv;q=0.002', ['sv', 'en']],
    ['a qvalue starts with 0 or 1', 'da;q=.5, en;q=2, sv;q=0.', []],
    ['"q=" is case-insensitive (RFC 5234 §2.3)', 'da;Q=0.5, en;q=0.6', ['en', 'da']],
    ['OWS around ";" (§12.4.2)', 'da ; q=0.5,en', ['en', 'da']],
    ['empty list elements are ignored (§5.6.1.2)', ', ,da ,,en,', ['da', 'en']],
    ['a second parameter is no weight', 'da;q=0.5;x=1, en', ['en']],
    ['`*` adds nothing to a lookup (RFC 4647 §3.4)', 'da, *;q=0.5', ['da']],
    ['leniency: white space around "="', 'da;q = 0.5, en', ['en', 'da']],
  ])('%s: %j → %j', (_name, header, expected) => {
    expect(rfcRanges(header)).toEqual(expected);
    expect(acceptLanguageRanges(header)).toEqual(expected);
  });
});
