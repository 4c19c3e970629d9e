// The negotiator answers "which language serves this preference, and was it asked for?" with
// one cache (issue 21): the catalog keeps no second one in front of it.
import { describe, expect, it } from 'vitest';
import { createNegotiator, type LanguageTable, readPreference } from '../../src/catalog/negotiate-language.ts';

/** A table of languages that counts how often it is read. */
function countingTable(tags: readonly string[]) {
  const map = new Map(tags.map((tag) => [tag, `value of ${tag}`]));
  const reads = { count: 0 };
  const counted = <T>(value: T): T => {
    reads.count++;
    return value;
  };
  const table: LanguageTable<string> = {
    has: (tag) => counted(map.has(tag)),
    get: (tag) => counted(map.get(tag)),
    keys: () => counted(map.keys()),
  };
  return { table, reads, map };
}

describe('negotiator.choose(lang): { lang, requested }', () => {
  it.each([
    ['a registered tag', 'fr', { lang: 'fr', requested: true }],
    ['a regional tag of a registered language', 'fr-CA', { lang: 'fr', requested: true }],
    ['a list: the first served', ['qab', 'fr-BE', 'de'], { lang: 'fr', requested: true }],
    ['an Accept-Language value: the best served', 'qab, fr;q=0.5, de;q=0.8', { lang: 'de', requested: true }],
    ['English asked for', 'en-GB', { lang: 'en', requested: true }],
    ['nothing served: the fallback, not asked for', 'qab', { lang: 'en', requested: false }],
    ['no preference', undefined, { lang: 'en', requested: false }],
    ['not a tag', '__proto__', { lang: 'en', requested: false }],
  ])('%s: %o → %o', (_name, lang, expected) => {
    const { table } = countingTable(['de', 'en', 'fr']);
    const negotiator = createNegotiator(table, readPreference);
    expect(negotiator.choose(lang)).toEqual(expected);
    // Asked again (answered by the cache), the answer is the same.
    expect(negotiator.choose(lang)).toEqual(expected);
    expect(negotiator.negotiate(lang)).toBe(`value of ${expected.lang}`);
  });

  it('without English, the fallback is the first language registered; an empty table throws', () => {
    expect(
      createNegotiator(
        new Map([
          ['sv', 1],
          ['fr', 2],
        ]),
      ).choose('qab'),
    ).toEqual({ lang: 'sv', requested: false });
    expect(() => createNegotiator(new Map()).choose('fr')).toThrow('No locale is registered');
  });

  it('without readPreference (as /lite), a string holding , or ; is one tag, served by nothing', () => {
    const negotiator = createNegotiator(
      new Map([
        ['fr', 1],
        ['en', 2],
      ]),
    );
    expect(negotiator.choose('fr, en;q=0.5')).toEqual({ lang: 'en', requested: false });
  });
});

describe('one cache', () => {
  it('a language string asked for again reads nothing, Accept-Language values included', () => {
    const { table, reads } = countingTable(['en', 'fr']);
    const negotiator = createNegotiator(table, readPreference);
    for (const lang of ['fr-CA', 'de-DE, fr;q=0.5']) {
      negotiator.negotiate(lang);
      const before = reads.count;
      expect(negotiator.negotiate(lang)).toBe('value of fr');
      expect(negotiator.choose(lang)).toEqual({ lang: 'fr', requested: true });
      expect(reads.count).toBe(before);
    }
  });

  it('reset() forgets every answer: a table changed since is read again', () => {
    const { table, map } = countingTable(['en']);
    const negotiator = createNegotiator(table, readPreference);
    expect(negotiator.choose('fr-CA')).toEqual({ lang: 'en', requested: false });
    map.set('fr', 'value of fr');
    negotiator.reset();
    expect(negotiator.choose('fr-CA')).toEqual({ lang: 'fr', requested: true });
    expect(negotiator.negotiate('fr-CA')).toBe('value of fr');
  });

  it('a list is never remembered: changed in place, it is read again', () => {
    const negotiator = createNegotiator(
      new Map([
        ['fr', 1],
        ['en', 2],
        ['de', 3],
      ]),
    );
    const preferences = ['fr'];
    expect(negotiator.negotiate(preferences)).toBe(1);
    preferences[0] = 'de';
    expect(negotiator.negotiate(preferences)).toBe(3);
  });

  it('the answer given cannot be changed by its caller', () => {
    const negotiator = createNegotiator(
      new Map([
        ['fr', 1],
        ['en', 2],
      ]),
    );
    Object.assign(negotiator.choose('fr'), { lang: 'en' });
    expect(negotiator.choose('fr')).toEqual({ lang: 'fr', requested: true });
  });
});
