// What every page of the service shares: the document, its head, the language switcher, the
// paste box's place and the footer. Pages give their main content.
import type { LanguageInfo } from '../language-info.js';
import { escapeHtml, langAttribute } from './html.js';
import type { PageWords } from './page-words.js';

/** A page of the service in one language. */
export interface PageFrame {
  language: LanguageInfo;
  /** Every served language, for the switcher. */
  languages: readonly LanguageInfo[];
  words: PageWords;
  /** The switcher's name: `languages` on the list, `other-languages` on a code's page. */
  navLabel: string;
  /** The document's title (plain text). */
  title: string;
  /** This page in another language: its URL. */
  hrefIn(lang: string): string;
  /** The page's content, as HTML. */
  main: string;
  /** The footer's content, as HTML. */
  footer: string;
}

/** The switcher's link to a language: its own name, in its own language and direction. */
function languageLink(language: LanguageInfo, frame: PageFrame): string {
  const current = language.tag === frame.language.tag ? ' aria-current="page"' : '';
  const tag = escapeHtml(language.tag);
  const href = escapeHtml(frame.hrefIn(language.tag));
  return `<li><a href="${href}" hreflang="${tag}" lang="${tag}" dir="${language.dir}"${current}>${escapeHtml(language.name)}</a></li>`;
}

/**
 * A page of the service: `lang` and `dir` on the document, on each language's name, and on the
 * page's words when they fall back to another language; its style sheet and script are files
 * (the policy allows no inline code).
 *
 * @example renderDocument({ language, languages, words, title: 'Code 550', hrefIn, main, footer })
 */
export function renderDocument(frame: PageFrame): string {
  const { tag, dir } = frame.language;
  const wordsLang = langAttribute(frame.words.lang, tag);
  return `<!doctype html>
<html lang="${escapeHtml(tag)}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title${wordsLang}>${escapeHtml(frame.title)}</title>
<link rel="stylesheet" href="/assets/catalog.css">
<script src="/assets/catalog.js" defer></script>
</head>
<body>
<a class="skip" href="#main"${wordsLang}>${escapeHtml(frame.words.plain('skip-link'))}</a>
<header>
<nav aria-label="${escapeHtml(frame.navLabel)}"${wordsLang}><ul>${frame.languages.map((language) => languageLink(language, frame)).join('')}</ul></nav>
</header>
<main id="main" tabindex="-1">
${frame.main}
</main>
${frame.footer === '' ? '' : `<footer${wordsLang}>${frame.footer}</footer>`}
</body>
</html>
`;
}
