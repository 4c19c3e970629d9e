// The texts the project writes never contradict the reply: for every registered enhanced code,
// every class the IANA registry pairs it with, and every language, what `describe` and `explain`
// say reads as that class (the outcome rule of docs/texts-style.md).
import { readFileSync } from 'node:fs';
import { expect, it, describe as suite } from 'vitest';
import { describe, explain, type ReplyString } from '../../src/index.ts';
import { localeFiles, localesWith } from '../helpers/locale-files.ts';
import { classList, lexicon, outcomeWords } from '../helpers/outcome-lexicon.ts';
import { registryPath } from '../helpers/temp-dir.ts';
import * as timeouts from '../helpers/timeouts.ts';

/** The registry page read by hand: each code and the classes of the basic codes it is used with. */
const registry = readFileSync(registryPath, 'utf8')
  .split('\n')
  .map((line) => /^\| (X\.\d+\.\d+) \| [^|]+ \| [^|]+ \| ([^|]+) \|$/u.exec(line))
  .filter((match) => match !== null)
  .map(([, key = '', usedWith = '']) => {
    // `451, 550`, `4XX`, `Any`, `Not given`: a code with no basic codes named goes with every class.
    const named = [...usedWith.matchAll(/\b([245])(?:\d\d|XX)\b/gu)];
    const classes = named.length > 0 ? [...new Set(named.map((match) => Number(match[1]) as 2 | 4 | 5))] : [2, 4, 5];
    const basic = (cls: number) =>
      named.find((match) => match[1] === String(cls))?.[0].replace('XX', '50') ?? `${cls}50`;
    return { key, usedWith, classes: classes as (2 | 4 | 5)[], basic };
  });

const otherLists = (cls: 2 | 4 | 5) =>
  ([2, 4, 5] as const).filter((other) => other !== cls).map((other) => classList[other]);
const allLists = ['success', 'temporary', 'permanent', 'outcome'] as const;

suite('texts that read as their class', () => {
  it('reads the whole registry, with the classes each code is used with', () => {
    expect(registry.length).toBeGreaterThanOrEqual(75);
    expect(registry.find((entry) => entry.key === 'X.7.1')?.classes.sort()).toEqual([4, 5]);
    expect(registry.find((entry) => entry.key === 'X.1.5')?.classes).toEqual([2]);
    expect(registry.find((entry) => entry.key === 'X.6.10')?.classes).toEqual([2, 4, 5]);
  });

  it.each(localesWith('enhanced').map((locale) => [locale.lang, locale] as const))(
    '%s: every registered code with every class it is used with',
    (lang, locale) => {
      const texts = locale.enhanced ?? {};
      expect(lexicon[lang], `docs/project/lexicon.json has no ${lang}`).toBeDefined();
      for (const cls of [2, 4, 5] as const) {
        const head = texts[`${cls}.X.X`] ?? '';
        expect(outcomeWords(lang, head, [classList[cls]]), `${cls}.X.X`).not.toEqual([]);
        expect(outcomeWords(lang, head, otherLists(cls)), `${cls}.X.X`).toEqual([]);
      }
      for (const { key, classes, basic } of registry) {
        const detail = texts[key] ?? '';
        expect(outcomeWords(lang, detail, allLists), `${key} says how the request ended`).toEqual([]);
        for (const cls of classes) {
          const [, subject, code] = key.split('.');
          const reply = `${basic(cls)} ${cls}.${subject}.${code} Server text` as ReplyString;
          const explained = explain(reply, lang);
          expect(explained.enhanced?.lang).toBe(lang);
          expect(explained.enhanced?.text.startsWith(texts[`${cls}.X.X`] ?? '?'), reply).toBe(true);
          expect(explained.enhanced?.text.endsWith(detail), reply).toBe(true);
          expect(describe(reply, lang)).toBe(explained.enhanced?.text);
        }
      }
    },
    timeouts.exhaustive,
  );

  it.each(localesWith('enhanced', 'generic').map((locale) => [locale.lang, locale] as const))(
    '%s: subject and category sentences are neutral, class texts read as their class',
    (lang, locale) => {
      const enhanced = locale.enhanced ?? {};
      for (const [key, text] of Object.entries(enhanced).filter(([key]) => /^X\.\d\.X$/u.test(key))) {
        expect(outcomeWords(lang, text, allLists), key).toEqual([]);
      }
      const generic = locale.generic ?? {};
      for (const key of ['x0x', 'x1x', 'x2x', 'x3x', 'x4x', 'x5x', '3xx']) {
        expect(
          outcomeWords(lang, generic[key] ?? '', key === '3xx' ? ['success', 'temporary', 'permanent'] : allLists),
          key,
        ).toEqual([]);
      }
      for (const cls of [2, 4, 5] as const) {
        expect(outcomeWords(lang, generic[`${cls}xx`] ?? '', [classList[cls]]), `${cls}xx`).not.toEqual([]);
        expect(outcomeWords(lang, generic[`${cls}xx`] ?? '', otherLists(cls)), `${cls}xx`).toEqual([]);
        // An unlisted code: the class text first.
        expect(describe(cls * 100 + 55, lang).startsWith(generic[`${cls}xx`] ?? '?')).toBe(true);
      }
    },
  );

  it.each(localesWith('enhanced', 'generic').map((locale) => [locale.lang, locale] as const))(
    '%s writes every text itself: every registry entry and generic text, nothing extra',
    (_lang, locale) => {
      const registryKeys = readFileSync(registryPath, 'utf8')
        .split('\n')
        .map((line) => /^\| ([245X]\.(?:\d+|X)\.(?:\d+|X)) \|/u.exec(line)?.[1])
        .filter((key) => key !== undefined);
      expect(Object.keys(locale.enhanced ?? {})).toEqual(registryKeys);
      expect(Object.keys(locale.generic ?? {})).toEqual([
        '2xx',
        '3xx',
        '4xx',
        '5xx',
        'x0x',
        'x1x',
        'x2x',
        'x3x',
        'x4x',
        'x5x',
      ]);
    },
  );

  const named: [ReplyString, 'positive' | 'transient' | 'permanent'][] = [
    ['451 4.7.1 Greylisted, try again later', 'transient'],
    ['450 4.2.1 Mailbox busy', 'transient'],
    ['421 4.7.0 Try again later, closing connection.', 'transient'],
    ['452 4.2.2 Mailbox full', 'transient'],
    ['250 2.6.0 Queued', 'positive'],
    ['235 2.7.0 Authentication successful', 'positive'],
    ['550 5.7.1 Delivery not authorized', 'permanent'],
    ['554 5.7.1 Rejected by policy', 'permanent'],
    ['550 5.1.1 User unknown', 'permanent'],
  ];
  it.each(named)('%s reads as %s in every language', (reply, kind) => {
    const cls = Number(reply[4]) as 2 | 4 | 5;
    for (const { lang } of localeFiles) {
      const explained = explain(reply, lang);
      expect(explained.kind).toBe(kind);
      expect(explained.retryable).toBe(kind === 'transient');
      const text = describe(reply, lang);
      expect(text).toBe(explained.enhanced?.text);
      // A language without enhanced texts says them in the fallback's words, and says so.
      const said = explained.enhanced?.lang ?? '';
      expect(said).toBe(localesWith('enhanced').some((locale) => locale.lang === lang) ? lang : 'en');
      expect(outcomeWords(said, text, [classList[cls]]), `${lang}: ${text}`).not.toEqual([]);
      expect(outcomeWords(said, text, otherLists(cls)), `${lang}: ${text}`).toEqual([]);
    }
  });
});
