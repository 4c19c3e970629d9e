/** A served language as the service lists it: its tag, its own name and its writing direction. */
export interface LanguageInfo {
  tag: string;
  /** The language's name in itself (`'français'`), from `Intl.DisplayNames`; the tag if unknown. */
  name: string;
  dir: 'ltr' | 'rtl';
}

// Scripts written right to left (Unicode script codes), as `Intl.Locale#maximize` gives them.
const rightToLeftScripts = new Set(['Adlm', 'Arab', 'Hebr', 'Mand', 'Mend', 'Nkoo', 'Rohg', 'Samr', 'Syrc', 'Thaa']);

/**
 * What the page and `/v1/languages` say about a language tag (a registered one: never raw input).
 *
 * @example languageInfo('ar') // { tag: 'ar', name: 'العربية', dir: 'rtl' }
 */
export function languageInfo(tag: string): LanguageInfo {
  // Registered tags are canonical BCP 47 tags (the catalog checks them), so Intl takes them.
  const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
  return { tag, name, dir: textDirection(tag) };
}

// Few tags ever reach it (the served languages and the fallback), so the cache stays small.
const directions = new Map<string, 'ltr' | 'rtl'>();

/**
 * The direction a language is written in, from its likely script (a registered tag: never raw input).
 *
 * @example textDirection('ar') // 'rtl'
 */
export function textDirection(tag: string): 'ltr' | 'rtl' {
  let dir = directions.get(tag);
  if (dir === undefined) {
    const script = new Intl.Locale(tag).maximize().script;
    dir = script !== undefined && rightToLeftScripts.has(script) ? 'rtl' : 'ltr';
    directions.set(tag, dir);
  }
  return dir;
}

const names = new Map<string, string>();

/**
 * A language's name in another language (`languageName('en', 'fr')` is 'anglais'), for saying
 * which language a text that fell back is in.
 *
 * @example languageName('en', 'de') // 'Englisch'
 */
export function languageName(tag: string, inLanguage: string): string {
  const key = `${tag} ${inLanguage}`;
  let name = names.get(key);
  if (name === undefined) {
    name = new Intl.DisplayNames([inLanguage], { type: 'language' }).of(tag) ?? tag;
    names.set(key, name);
  }
  return name;
}
