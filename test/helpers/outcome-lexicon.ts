// The outcome rule of docs/texts-style.md, as a check: which outcome words of a language a text
// holds. Read from docs/project/lexicon.json; independent of the runtime.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './temp-dir.ts';

export type OutcomeList = 'success' | 'temporary' | 'permanent' | 'outcome';

interface LexiconEntry extends Record<OutcomeList, string[]> {
  /** How terms match in this language: at a word's start (default), after clitics, with letters folded. */
  match?: { wordStart?: boolean; prefix?: string; ignore?: string; fold?: Record<string, string> };
}

export const lexicon: Record<string, LexiconEntry> = JSON.parse(
  readFileSync(join(projectRoot, 'docs', 'project', 'lexicon.json'), 'utf8'),
);

/** The class list of an enhanced class digit or reply class. */
export const classList = { 2: 'success', 4: 'temporary', 5: 'permanent' } as const;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** The terms of `lists` that `text` holds, in language `lang`. */
export function outcomeWords(lang: string, text: string, lists: readonly OutcomeList[]): string[] {
  const entry = lexicon[lang];
  if (entry === undefined) throw new Error(`no outcome lexicon for ${lang} in docs/project/lexicon.json`);
  const { wordStart = true, prefix = '', ignore, fold = {} } = entry.match ?? {};
  const normalize = (value: string) => {
    let result = value.normalize('NFC').toLocaleLowerCase(lang);
    if (ignore) result = result.replace(new RegExp(ignore, 'gu'), '');
    for (const [from, to] of Object.entries(fold)) result = result.replaceAll(from, to);
    return result;
  };
  const haystack = normalize(text);
  return lists
    .flatMap((list) => entry[list])
    .filter((term) => {
      const needle = escapeRegExp(normalize(term));
      const pattern = wordStart ? `(?<![\\p{L}\\p{M}\\p{N}])${prefix}${needle}` : needle;
      return new RegExp(pattern, 'u').test(haystack);
    });
}
