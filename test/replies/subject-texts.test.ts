// Issue 22's review of the subject sentences: an X.n.0 sentence says that the *status code*
// gives no more detail (the server's own text next to ours may give plenty), and X.7.1, used
// with 4 and 5, names no greylisting (a temporary, 4.7.1 use) among its examples.
import { expect, it, describe as suite } from 'vitest';
import { describe, explain } from '../../src/index.ts';
import { enhancedText, localeFile, localeFiles } from '../helpers/locale-files.ts';

// Each language's word for the server (docs/texts-style.md, fixed terms) and for greylisting
// (the texts of X.7.1 before this review). A language without a row fails below: add its words.
const words: Record<string, { server: RegExp; greylisting: RegExp }> = {
  ar: { server: /الخادم/u, greylisting: /الرمادية/u },
  de: { server: /Server/u, greylisting: /Greylisting/iu },
  en: { server: /server/iu, greylisting: /greylist/iu },
  es: { server: /servidor/iu, greylisting: /lista gris/iu },
  fr: { server: /serveur/iu, greylisting: /liste grise/iu },
  it: { server: /server/iu, greylisting: /greylisting/iu },
  ru: { server: /сервер/iu, greylisting: /сер(?:ого|ый) спис/iu },
  sv: { server: /server/iu, greylisting: /grålist/iu },
  tr: { server: /sunucu/iu, greylisting: /gri liste/iu },
  zh: { server: /服务器/u, greylisting: /灰名单/u },
};

const noDetail = ['X.0.X', 'X.0.0', 'X.1.0', 'X.2.0', 'X.3.0', 'X.4.0', 'X.5.0', 'X.6.0', 'X.7.0'];

suite.each(localeFiles.map(({ lang }) => lang))('%s', (lang) => {
  const texts = localeFile(lang).enhanced ?? {};
  const word = words[lang];

  it('has its words in this test', () => {
    expect(word, `add ${lang}'s words for "server" and "greylisting" to this test`).toBeDefined();
  });

  it('X.0.X, X.0.0 and X.n.0 speak of the status code, not of what the server said', () => {
    for (const code of noDetail) {
      expect(texts[code], code).toBeDefined();
      expect(texts[code], `${lang} ${code}`).not.toMatch(word?.server ?? /$^/u);
    }
    // X.n.0 is its subject sentence and one tail, the same for every subject.
    const tails = noDetail.slice(2).map((code) => {
      const subject = texts[code.replace(/0$/u, 'X')] ?? '';
      const stem = subject.replace(/[.。]$/u, '');
      expect(texts[code]?.startsWith(stem), `${lang} ${code} starts as its subject sentence`).toBe(true);
      return texts[code]?.slice(stem.length);
    });
    expect(new Set(tails).size).toBe(1);
  });

  it('a reply whose own words say plenty is not told that the server gave no detail', () => {
    const reply = '451 4.3.0 Mail server temporarily rejected message: disk quota of the spool exceeded';
    expect(explain(reply, lang).text).toBe(enhancedText(lang, '4.3.0'));
    expect(describe(reply, lang)).toContain(texts['X.3.0']);
  });

  it('X.7.1 names no greylisting, in either failure class', () => {
    expect(texts['X.7.1']).not.toMatch(word?.greylisting ?? /$^/u);
    for (const reply of ['451 4.7.1 Greylisted', '550 5.7.1 Client host blocked']) {
      expect(describe(reply, lang)).not.toMatch(word?.greylisting ?? /$^/u);
    }
  });
});
