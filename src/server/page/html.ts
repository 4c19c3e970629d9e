// Writing HTML safely: every text from the client or the catalog goes through `escapeHtml`.

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML content and quoted attributes. @example escapeHtml('<b>') // '&lt;b&gt;' */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (char) => entities[char] ?? char);
}

/** A `lang` attribute for content whose language is not the one around it, else nothing. @example langAttribute('en', 'fr') // ' lang="en"' */
export function langAttribute(lang: string, around: string): string {
  return lang === around ? '' : ` lang="${escapeHtml(lang)}"`;
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

/** A page's URL with its language: `/codes/550?lang=fr`. @example withLang('/codes/550', 'fr') // '/codes/550?lang=fr' */
export function withLang(path: string, lang: string): string {
  return `${path}?lang=${encodeURIComponent(lang)}`;
}
