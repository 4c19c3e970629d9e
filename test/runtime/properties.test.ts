// Property-based tests: whatever a caller passes, the runtime answers within its contract.
import fc from 'fast-check';
import { expect, it, describe as suite } from 'vitest';
import { describe, explain, languages, lookup, safeParseReply } from '../../src/index.ts';
import { localeFiles } from '../helpers/locale-files.ts';
import * as timeouts from '../helpers/timeouts.ts';

// Every text the catalog can give: member descriptions, and generic texts alone or joined.
const catalogTexts = new Set<string>();
for (const locale of localeFiles) {
  for (const text of Object.values(locale.codes)) catalogTexts.add(text);
  const generic = locale.generic?.texts ?? {};
  const enhanced = locale.enhanced?.texts ?? {};
  for (const text of Object.values(locale.causes?.texts ?? {})) catalogTexts.add(text);
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
    // An oracle apart from the negotiation code: the shipped tags are bare languages, so a
    // preference is served exactly when its language subtag (as Intl reads it) is shipped.
    const shipped = new Set(localeFiles.map((locale) => locale.lang));
    const languageOf = (preference: unknown): string | undefined => {
      if (typeof preference !== 'string') return undefined;
      try {
        return new Intl.Locale(preference.replace(/[.@].*/su, '').replaceAll('_', '-')).language;
      } catch {
        return undefined;
      }
    };
    // A string holding `,` or `;` is an Accept-Language value (RFC 9110 §12.5.4): its ranges
    // with q > 0 (q=1 when absent; a malformed q drops the range), `*` left out, best q first,
    // equal q in order; the first 32 ranges are read.
    const ranges = (header: string): string[] =>
      header
        .split(',')
        .slice(0, 32)
        .map((part, index) => {
          const [tag = '', ...parameters] = part.split(';').map((piece) => piece.trim());
          const q =
            parameters.length === 0
              ? '1'
              : /^q\s*=\s*(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/iu.exec(parameters.join(';'))?.[1];
          return { tag, q: q === undefined || parameters.length > 1 ? 0 : Number(q), index };
        })
        .filter(({ tag, q }) => tag !== '' && tag !== '*' && q > 0)
        .sort((a, b) => b.q - a.q || a.index - b.index)
        .map(({ tag }) => tag);
    fc.assert(
      fc.property(language, (lang) => {
        const header = typeof lang === 'string' && /[,;]/u.test(lang);
        const preferences: unknown[] = Array.isArray(lang) ? lang : header ? ranges(lang as string) : [lang];
        const expected = preferences.map(languageOf).find((tag) => tag !== undefined && shipped.has(tag)) ?? 'en';
        expect(explain(550, lang as never).lang).toBe(expected);
        return true;
      }),
      runs,
    );
  });
});
