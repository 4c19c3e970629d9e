import { beforeAll, expect, describe as group, it, vi } from 'vitest';
import { canonicalLanguage } from '../../src/catalog/negotiate-language.ts';
import { createCatalog, explain, type LocaleData } from '../../src/index.ts';
import { allLocales } from '../../src/internal/all-locales.ts';
import type * as Lite from '../../src/lite.ts';
import { longHeader, longList, longTag } from '../helpers/hostile-language.ts';
import { memoryInChild } from '../helpers/memory-in-child.ts';
import * as timeouts from '../helpers/timeouts.ts';

const fr = allLocales.find((locale) => locale.lang === 'fr') as LocaleData;
const en = allLocales.find((locale) => locale.lang === 'en') as LocaleData;

/** A well-formed tag of exactly `length` characters whose language is `language`: private-use subtags of 1 to 8 letters. */
function tagOf(language: string, length: number): string {
  let tag = `${language}-x`;
  while (tag.length < length) tag += `-${'abcdefgh'.slice(0, Math.min(8, length - tag.length - 1))}`;
  return tag;
}

let lite: typeof Lite;
beforeAll(async () => {
  vi.resetModules();
  lite = await import('../../src/lite.ts');
  lite.registerLocale(en);
  lite.registerLocale(fr);
});

group('bounds: exact behaviour', () => {
  const tag64 = tagOf('fr', 64);
  const tag65 = tagOf('fr', 65);

  it('a tag of 64 characters is read; one of 65 serves nothing, at every entry', () => {
    expect([tag64.length, tag65.length]).toEqual([64, 65]);
    // The oracle for "well-formed": Intl itself takes both tags.
    expect(new Intl.Locale(tag65).language).toBe('fr');
    const catalog = createCatalog([en, fr]);
    expect([explain(550, tag64).lang, catalog.explain(550, tag64).lang]).toEqual(['fr', 'fr']);
    expect([explain(550, tag65).lang, catalog.explain(550, tag65).lang]).toEqual(['en', 'en']);
    expect(lite.describe(550, tag64)).toBe(fr.codes.MailboxUnavailable);
    expect(lite.describe(550, tag65)).toBe(en.codes.MailboxUnavailable);
    // A POSIX name (`LANG`) is measured as given, before its codeset is cut off.
    expect(explain(550, `fr_FR.UTF-8@${'x'.repeat(52)}`).lang).toBe('fr');
    expect(explain(550, `fr_FR.UTF-8@${'x'.repeat(53)}`).lang).toBe('en');
  });

  it('registerLocale refuses a tag over 64 characters with a TypeError naming it (cut at 60), at every entry', () => {
    expect(createCatalog([{ ...fr, lang: tag64 }]).languages()).toEqual([tag64]);
    const named = `Invalid locale: lang ${JSON.stringify(`${tag65.slice(0, 60)}…`)} is not a BCP 47 language tag`;
    expect(() => createCatalog([{ ...fr, lang: tag65 }])).toThrow(new TypeError(named));
    expect(() => createCatalog([en]).registerLocale({ ...fr, lang: tag65 })).toThrow(new TypeError(named));
    expect(() => lite.registerLocale({ ...fr, lang: tag65 })).toThrow(new TypeError(named));
    // The build reads its pages' tags with the same function.
    expect([canonicalLanguage(tag64.toUpperCase()), canonicalLanguage(tag65)]).toEqual([tag64, undefined]);
  });

  it('a list is read to its 32nd preference; the 33rd is ignored', () => {
    const unserved = Array.from({ length: 40 }, (_, index) => `nl-x-${index}`);
    const at = (position: number) => unserved.map((tag, index) => (index === position - 1 ? 'fr-CA' : tag));
    expect(explain(550, at(32)).lang).toBe('fr');
    expect(explain(550, at(33)).lang).toBe('en');
    expect(lite.describe(550, at(32))).toBe(fr.codes.MailboxUnavailable);
    expect(lite.describe(550, at(33))).toBe(en.codes.MailboxUnavailable);
  });

  it('an Accept-Language value of 1,000 ranges is read to its 32nd range', () => {
    // Short ranges, so that the value stays within 4,096 characters.
    const header = (position: number, range: string) =>
      Array.from({ length: 1000 }, (_, index) => (index === position - 1 ? range : 'qaa')).join(',');
    expect(header(1000, 'fr-CA').length).toBeLessThan(4096);
    expect(explain(550, header(32, 'fr-CA;q=0.4')).lang).toBe('fr');
    expect(explain(550, header(33, 'fr-CA')).lang).toBe('en');
    expect(explain(550, header(1000, 'fr-CA')).lang).toBe('en');
    // Read ranges still rank by q-value: the best one within the first 32 wins.
    expect(explain(550, `${header(2, 'de;q=0.6')}, fr`).lang).toBe('de');
  });

  it('a language string over 4,096 characters serves nothing; one of 4,096 is read', () => {
    const header = (length: number) => `fr, ${'x'.repeat(length - 4)}`;
    expect(header(4096)).toHaveLength(4096);
    expect(explain(550, header(4096)).lang).toBe('fr');
    expect(createCatalog([en, fr]).explain(550, header(4097)).lang).toBe('en');
    expect(explain(550, header(1 << 20)).lang).toBe('en');
  });
});

// ---------------------------------------------------------------------------------------------
// Time per call stays flat as the input grows: a ratio of medians measured in one run, inputs of
// 1 kB against 1 MB. Before the bounds, a 1 MB value cost Intl's parser milliseconds to minutes
// (over 1,000× the 1 kB one); with them both sizes take the same few microseconds. 20× leaves
// room for a busy 2-core machine without letting a size-dependent cost through.

const kB = 1024;
const MB = 1 << 20;
const samples = 15;
const warmUps = 3;

/** Median time of one call, in nanoseconds. */
function median(times: bigint[]): number {
  return Number([...times].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))[Math.floor(times.length / 2)]);
}

/**
 * The ratio of the median time of `call` on 1 MB inputs to that on 1 kB inputs. Each call gets
 * an input of its own (no cache answers it), and the two sizes alternate, so a busy moment
 * of the machine falls on both.
 */
function growthRatio(make: (size: number, seed: number) => unknown, call: (input: unknown) => unknown): number {
  const count = warmUps + samples;
  const small = Array.from({ length: count }, (_, seed) => make(kB, seed));
  const large = Array.from({ length: count }, (_, seed) => make(MB, seed));
  const times: Record<'small' | 'large', bigint[]> = { small: [], large: [] };
  for (let index = 0; index < count; index++) {
    for (const [size, inputs] of [
      ['small', small],
      ['large', large],
    ] as const) {
      const start = process.hrtime.bigint();
      call(inputs[index]);
      const took = process.hrtime.bigint() - start;
      if (index >= warmUps) times[size].push(took);
    }
  }
  return median(times.large) / median(times.small);
}

/** A call whose error (`registerLocale` refusing the tag) is expected: only its time counts. */
const ignoringErrors =
  (call: (input: unknown) => unknown) =>
  (input: unknown): void => {
    try {
      call(input);
    } catch {}
  };

group('bounds: time per call stays flat from 1 kB to 1 MB', () => {
  // Builds about 100 MB of input strings: seconds on a slow shared machine.
  const timeout = 60_000;

  it('explain and describe with a language tag, an Accept-Language value, a list', { timeout }, () => {
    const catalog = createCatalog([en, fr]);
    const ratios = {
      tag: growthRatio(longTag, (lang) => explain(550, lang as string)),
      header: growthRatio(longHeader, (lang) => catalog.explain(550, lang as string)),
      list: growthRatio(longList, (lang) => explain(550, lang as string[])),
      liteTag: growthRatio(longTag, (lang) => lite.describe(550, lang as string)),
      liteList: growthRatio(longList, (lang) => lite.describe(550, lang as string[])),
    };
    expect(Object.entries(ratios).filter(([, ratio]) => !(ratio < 20))).toEqual([]);
  });

  it('registerLocale refusing a long tag', { timeout }, () => {
    const ratios = {
      catalog: growthRatio(
        longTag,
        ignoringErrors((lang) => createCatalog([{ ...fr, lang: lang as string }])),
      ),
      lite: growthRatio(
        longTag,
        ignoringErrors((lang) => lite.registerLocale({ ...fr, lang: lang as string })),
      ),
    };
    expect(Object.entries(ratios).filter(([, ratio]) => !(ratio < 20))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Memory: the cache is keyed by preferences of at most 64 characters, and only language strings
// of at most 4,096 characters are remembered as the last one asked for; nothing longer is kept.
// Before the bounds, 255 distinct 1 MB tags kept 243 MiB alive.

group('bounds: memory', () => {
  it('255 distinct 256 kB tags leave no trace in memory', { timeout: timeouts.processes }, () => {
    // A child process with a collector it may call, so what stays alive can be measured. The
    // tags are made through JSON, as a request body gives them: each its own string in the heap.
    // Killed if it runs long (before the bounds, Intl took a good part of a second per tag).
    const { status, stderr, figures } = memoryInChild([
      "const body = 'abcdefgh-'.repeat(256 * 1024 / 9);",
      'const before = used();',
      'const served = new Set();',
      'for (let index = 0; index < 255; index++) {',
      "  const tag = JSON.parse(JSON.stringify('en-x-' + String(index).padStart(4, '0') + '-' + body));",
      '  served.add(explain(550, tag).lang);',
      '}',
      'process.stdout.write(JSON.stringify({ served: [...served], keptMiB: Math.round((used() - before) / 2 ** 20) }));',
    ]);
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    const { served, keptMiB } = figures as { served: string[]; keptMiB: number };
    expect(served).toEqual(['en']);
    // The tags weigh 64 MiB together; before the bounds the cache kept them all.
    expect(keptMiB).toBeLessThan(16);
  });
});
