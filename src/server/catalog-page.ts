import type { Explanation } from '../catalog/create-catalog.js';
import type { LanguageInfo } from './language-info.js';

/** An enhanced status code as the page lists it. */
export interface EnhancedRow {
  /** As the registry writes it: `X.1.1`. */
  code: string;
  lang: string;
  text: string;
}

/** What the catalog page shows. */
export interface CatalogPage {
  /** The language of the texts. */
  language: LanguageInfo;
  /** Every served language, for the switcher. */
  languages: readonly LanguageInfo[];
  codes: readonly Explanation[];
  enhanced: readonly EnhancedRow[];
  /** The filter as the client typed it (escaped here, never trusted). */
  query: string;
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML content and quoted attributes. @example escapeHtml('<b>') // '&lt;b&gt;' */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (char) => entities[char] ?? char);
}

/** What the filter matches a row on: lower-case code, name, class and text (the script matches the same). */
function searchText(...parts: string[]): string {
  return parts.join(' ').toLowerCase();
}

/** A `lang` attribute for a text whose language is not the page's (a fallback text). */
function langAttribute(lang: string, page: LanguageInfo): string {
  return lang === page.tag ? '' : ` lang="${escapeHtml(lang)}"`;
}

function classOf(code: number): string {
  return code >= 200 ? `${Math.trunc(code / 100)}xx` : '';
}

/** A table row the filter can hide: `hidden` when its search text does not hold the query. */
interface Row {
  html: string;
  shown: boolean;
}

function filterableRow(id: string, search: string, query: string, cells: string[]): Row {
  const shown = search.includes(query);
  const attributes = `id="${escapeHtml(id)}" data-search="${escapeHtml(search)}"${shown ? '' : ' hidden'}`;
  const link = `<td><a href="#${escapeHtml(id)}" dir="ltr">${escapeHtml(id)}</a></td>`;
  return { html: `<tr ${attributes}>${link}${cells.join('')}</tr>`, shown };
}

function codeRow(row: Explanation, page: CatalogPage, query: string): Row {
  const name = row.name ?? '';
  const kind = [classOf(row.code), row.kind].filter(Boolean).join(' · ');
  return filterableRow(String(row.code), searchText(String(row.code), name, kind, row.text), query, [
    `<td lang="en" dir="ltr"><code>${escapeHtml(name)}</code></td>`,
    `<td lang="en">${escapeHtml(kind)}</td>`,
    `<td${langAttribute(row.lang, page.language)}>${escapeHtml(row.text)}</td>`,
  ]);
}

function enhancedRow(row: EnhancedRow, page: CatalogPage, query: string): Row {
  return filterableRow(row.code, searchText(row.code, row.text), query, [
    `<td${langAttribute(row.lang, page.language)}>${escapeHtml(row.text)}</td>`,
  ]);
}

/** The page's link to itself in another language, keeping the filter. */
function languageLink(language: LanguageInfo, page: CatalogPage): string {
  const query = page.query === '' ? '' : `&q=${encodeURIComponent(page.query)}`;
  const current = language.tag === page.language.tag ? ' aria-current="page"' : '';
  const tag = escapeHtml(language.tag);
  return `<li><a href="/?lang=${encodeURIComponent(language.tag)}${escapeHtml(query)}" hreflang="${tag}" lang="${tag}" dir="${language.dir}"${current}>${escapeHtml(language.name)}</a></li>`;
}

/** How many rows the filter shows, as the script writes it too. */
function countText(shown: number, total: number): string {
  return `${shown} of ${total} shown`;
}

/**
 * The catalog page: every status code and enhanced code in one language, a language switcher
 * (links) and a filter (a GET form) that work without JavaScript; `/assets/catalog.js` filters
 * as you type. Every text from the client or the catalog is escaped.
 *
 * @example renderCatalogPage({ language, languages, codes, enhanced, query: '' }).startsWith('<!doctype html>') // true
 */
export function renderCatalogPage(page: CatalogPage): string {
  const query = page.query.trim().toLowerCase();
  const codes = page.codes.map((row) => codeRow(row, page, query));
  const enhanced = page.enhanced.map((row) => enhancedRow(row, page, query));
  const shown = [...codes, ...enhanced].filter((row) => row.shown).length;
  const { tag, dir } = page.language;
  return `<!doctype html>
<html lang="${escapeHtml(tag)}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>SMTP status codes</title>
<link rel="stylesheet" href="/assets/catalog.css">
<script src="/assets/catalog.js" defer></script>
</head>
<body>
<header>
<h1 lang="en">SMTP status codes</h1>
<nav aria-label="Language" lang="en"><ul>${page.languages.map((language) => languageLink(language, page)).join('')}</ul></nav>
<form method="get" action="/" role="search" lang="en">
<input type="hidden" name="lang" value="${escapeHtml(tag)}">
<label for="q">Filter</label>
<input type="search" id="q" name="q" value="${escapeHtml(page.query)}" autocomplete="off">
<button type="submit">Filter</button>
<p id="count" role="status">${countText(shown, codes.length + enhanced.length)}</p>
</form>
</header>
<main>
<h2 lang="en">Reply codes</h2>
<table id="codes">
<thead lang="en"><tr><th scope="col">Code</th><th scope="col">Name</th><th scope="col">Class</th><th scope="col">Description</th></tr></thead>
<tbody>${codes.map((row) => row.html).join('\n')}</tbody>
</table>
<h2 lang="en">Enhanced status codes</h2>
<table id="enhanced">
<thead lang="en"><tr><th scope="col">Code</th><th scope="col">Description</th></tr></thead>
<tbody>${enhanced.map((row) => row.html).join('\n')}</tbody>
</table>
</main>
<footer lang="en"><p>The same data as JSON: <a href="/v1/codes?lang=${encodeURIComponent(tag)}">/v1/codes</a>, described in <a href="/openapi.json">/openapi.json</a>.</p></footer>
</body>
</html>
`;
}

/** The page's style sheet: logical properties, so right-to-left languages lay out mirrored. */
export const catalogCss = `:root { color: #1a1a1a; background: #fff; font-family: system-ui, sans-serif; line-height: 1.4; }
body { margin: 0 auto; max-width: 72rem; padding: 1rem; }
nav ul { display: flex; flex-wrap: wrap; gap: 0.75rem; list-style: none; padding: 0; }
a { color: #0645ad; }
a[aria-current="page"] { font-weight: bold; color: #1a1a1a; }
form { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
#count { flex-basis: 100%; margin: 0; color: #444; }
table { border-collapse: collapse; width: 100%; margin-block-end: 2rem; }
th, td { text-align: start; vertical-align: top; padding-block: 0.3rem; padding-inline: 0.5rem; border-block-end: 1px solid #ddd; }
tr:target { background: #fff3b0; }
[hidden] { display: none; }
`;

/**
 * The page's script: filters the rows as you type, as the server filters them for `?q=`, and
 * keeps the filter in the language links.
 */
export const catalogScript = `'use strict';
document.addEventListener('DOMContentLoaded', () => {
  const input = document.getElementById('q');
  const count = document.getElementById('count');
  const rows = Array.from(document.querySelectorAll('tr[data-search]'));
  const links = Array.from(document.querySelectorAll('nav a[hreflang]'));
  input.addEventListener('input', () => {
    const query = input.value.trim().toLowerCase();
    let shown = 0;
    for (const row of rows) {
      row.hidden = !row.dataset.search.includes(query);
      if (!row.hidden) shown++;
    }
    count.textContent = shown + ' of ' + rows.length + ' shown';
    for (const link of links) {
      const url = new URL(link.href);
      if (query === '') url.searchParams.delete('q');
      else url.searchParams.set('q', input.value);
      link.href = url.pathname + url.search;
    }
  });
});
`;
