// Writing HTML safely: every text from the client or the catalog goes through `escapeHtml`.
import { textDirection } from '../language-info.js';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML content and quoted attributes. @example escapeHtml('<b>') // '&lt;b&gt;' */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (char) => entities[char] ?? char);
}

/**
 * `lang` (and `dir`, when the direction differs) for content whose language is not the one
 * around it, else nothing: English inside an Arabic page reads left to right.
 *
 * @example langAttribute('en', 'ar') // ' lang="en" dir="ltr"'
 */
export function langAttribute(lang: string, around: string): string {
  if (lang === around) return '';
  const dir = textDirection(lang);
  return dir === textDirection(around) ? ` lang="${escapeHtml(lang)}"` : ` lang="${escapeHtml(lang)}" dir="${dir}"`;
}

/**
 * A code (`550`, `5.1.1`, a member name) as it sits in running text of any direction: isolated
 * and left to right, so a right-to-left sentence never reorders its digits and dots.
 *
 * @example isolatedCode('5.1.1') // '<bdi dir="ltr">5.1.1</bdi>'
 */
export function isolatedCode(code: string): string {
  return `<bdi dir="ltr">${escapeHtml(code)}</bdi>`;
}

/**
 * A code or name in plain text of any direction (a page's title, where no markup goes): between
 * the left-to-right isolate and its pop (U+2066, U+2069), as `isolatedCode` does with `<bdi>`, so
 * an Arabic title never moves a path's slashes or a code's dots.
 *
 * @example isolatedText('/a/b') // '\u2066/a/b\u2069'
 */
export function isolatedText(text: string): string {
  return `\u2066${text}\u2069`;
}

/** A page's URL with its language: `/codes/550?lang=fr`. @example withLang('/codes/550', 'fr') // '/codes/550?lang=fr' */
export function withLang(path: string, lang: string): string {
  return `${path}?lang=${encodeURIComponent(lang)}`;
}
