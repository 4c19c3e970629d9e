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
  const script = new Intl.Locale(tag).maximize().script;
  return { tag, name, dir: script !== undefined && rightToLeftScripts.has(script) ? 'rtl' : 'ltr' };
}
