// The page's own words: every shipped language has every key (and no other), each text is a
// message its language's plural rules accept, and counts read as each language says them.
import { describe, expect, it } from 'vitest';
import { formatMessage, messageProblem, pluralForms } from '../../src/catalog/message-format.ts';
import { localeKinds, pageWordPlaceholders, textKinds } from '../../src/catalog/text-kinds.ts';
import { pageTexts } from '../../src/internal/page-texts.ts';
import { shippedLanguages } from '../../src/internal/shipped-languages.ts';

const keys = Object.keys(pageWordPlaceholders).sort();
const plain = (parts: ReturnType<typeof formatMessage>) =>
  parts.map((part) => ('text' in part ? part.text : part.value)).join('');

describe('the page words', () => {
  // A language without a page yet (upstream texts only) shows the English words: `npm run languages`
  // reports the page it lacks. Each language that has one has every key.
  it.each(Object.keys(pageTexts))('%s has every key and no other, each a message its plural rules accept', (lang) => {
    const texts = pageTexts[lang] ?? {};
    expect(Object.keys(texts).sort()).toEqual(keys);
    for (const [key, text] of Object.entries(texts)) {
      expect(text.trim()).toBe(text);
      expect(messageProblem(text, lang, pageWordPlaceholders[key as keyof typeof pageWordPlaceholders])).toBe(
        undefined,
      );
    }
  });

  it('is the one kind no locale holds: localeKinds is every other kind of the table', () => {
    expect(localeKinds.map((kind) => kind.name)).toEqual(
      textKinds.filter((kind) => kind.module !== 'service').map((kind) => kind.name),
    );
    expect(textKinds.filter((kind) => kind.module === 'service').map((kind) => kind.name)).toEqual(['page']);
  });

  it('has no language beyond the shipped ones, and no prototype keys', () => {
    for (const lang of Object.keys(pageTexts)) expect(shippedLanguages).toContain(lang);
    expect(Object.keys(pageTexts)).toContain('en');
    expect(Object.getPrototypeOf(pageTexts)).toBe(null);
    expect(Object.hasOwn(pageTexts, '__proto__')).toBe(false);
    expect(pageTexts.constructor).toBeUndefined();
  });

  // Expected forms written from each language's grammar, not read from the pages.
  it.each([
    ['en', 1, /^1 entry shown out of 113$/u],
    ['en', 2, /^2 entries shown out of 113$/u],
    ['fr', 0, /^0 entrée affichée sur 113$/u],
    ['fr', 1_000_000, /^1\u202f000\u202f000 d’entrées affichées sur 113$/u],
    ['ru', 1, /^Показана 1 запись из 113$/u],
    ['ru', 3, /^Показано 3 записи из 113$/u],
    ['ru', 5, /^Показано 5 записей из 113$/u],
    ['ar', 2, /^يظهر عنصران من أصل 113$/u],
    ['ar', 11, /^يظهر 11 عنصرًا من أصل 113$/u],
    ['zh', 7, /^共 113 项，显示 7 项$/u],
  ])('%s says %d of 113 with its plural rules', (lang, shown, expected) => {
    const message = pageTexts[lang]?.['rows-shown'] ?? '';
    expect(plain(formatMessage(message, lang, { shown, total: 113 }))).toMatch(expected);
  });

  it('writes counts with Intl.NumberFormat, values as parts the page isolates', () => {
    expect(formatMessage('{n, plural, one {# row} other {# rows}} of {total}', 'de', { n: 1200, total: 5 })).toEqual([
      { name: 'n', value: '1.200' },
      { text: ' rows' },
      { text: ' of ' },
      { name: 'total', value: '5' },
    ]);
    expect(pluralForms('{n, plural, one {# row} other {# rows}}!', 'en')).toEqual({
      one: '{n} row!',
      other: '{n} rows!',
    });
  });

  it.each([
    ['{n', '"{" at character 1 starts neither {name} nor {count, plural, …}'],
    ['{n, plural, one {x} other {y}', 'needs branches "category {text}" closed by "}"'],
    ['{n, plural, other {y', 'a "{" is never closed'],
    ['a } b', 'an unmatched "}" at character 3'],
    ['{n, plural, one {{m, plural, other {x}}} other {y}}', 'a choice inside a choice'],
    ['{n, plural, one {x} one {y} other {z}}', 'two "one" branches'],
    ['{n, plural, one {x} other {y}}', 'has "one", not a plural category of zh (other)'],
    ['{m}', 'unknown placeholder(s) {m}; this text takes {n}'],
    ['no count', 'missing placeholder(s) {n}'],
  ])('refuses %s', (text, problem) => {
    expect(messageProblem(text, 'zh', ['n'])).toContain(problem);
  });
});
