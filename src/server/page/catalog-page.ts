// The catalog page (`GET /`): every reply code, enhanced code and reason in one language, each
// row linking to its own page, a filter that works without JavaScript, and the paste box.
import type { Explanation } from '../../catalog/create-catalog.js';
import type { ReasonId } from '../../reasons/reason-ids.js';
import type { LanguageInfo } from '../language-info.js';
import { partText } from './answer-entries.js';
import { renderAskBox } from './ask-box.js';
import { escapeHtml, isolatedCode, langAttribute, withLang } from './html.js';
import { renderDocument } from './page-layout.js';
import type { PageWords } from './page-words.js';

/** A row of a listing that is no reply code: an enhanced code (`X.1.1`, class-neutral) or a reason, with its text. */
export interface ListedRow {
  /** As the registry writes it (`X.1.1`), or a reason id (`user-unknown`). */
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
  words: PageWords;
  codes: readonly Explanation[];
  enhanced: readonly ListedRow[];
  reasons: readonly (ListedRow & { code: ReasonId })[];
  /** The filter as the client typed it (escaped here, never trusted). */
  query: string;
}

/** A reply code's class as its row says it: `5xx · permanent failure`, in the page's words. */
export function classLabel(row: Explanation, words: PageWords): string {
  const digits = row.code >= 200 ? `${isolatedCode(`${Math.trunc(row.code / 100)}xx`)} · ` : '';
  return `${digits}${words.say(`kind-${row.kind}`)}`;
}

/** A table row the filter can hide: `hidden` when its search text does not hold the query. */
interface Row {
  html: string;
  shown: boolean;
}

/**
 * A row: its id (the anchor `#550`), its link and its cells; hidden when the query is in neither
 * its text nor `also` (what the row answers to besides its text). The script matches the same:
 * the row's text, and for an enhanced code its reply forms (`enhancedForms`).
 */
function filterableRow(id: string, also: string, query: string, href: string, cells: string[]): Row {
  // Codes read left to right by themselves (`X.1.1`, `550`), but for `-1`, whose minus an RTL row
  // would move; a reason's id is English words (`user-unknown`), read as English.
  const dir = /^[a-z]/u.test(id) ? ' lang="en" dir="ltr"' : id.startsWith('-') ? ' dir="ltr"' : '';
  const link = `<th><a href="${escapeHtml(href)}"${dir}>${escapeHtml(id)}</a></th>`;
  const html = `${link}${cells.join('')}`;
  const text = html
    .replace(/<[^>]*>/gu, '')
    .replace(/&(?:amp|lt|gt|quot|#39);/gu, (entity) => decoded[entity] ?? entity);
  const shown = searchForm(`${text} ${also}`).includes(query);
  return { html: `<tr id="${escapeHtml(id)}"${shown ? '' : ' hidden'}>${html}</tr>`, shown };
}

/**
 * A text as the filter compares it, on the server and in the script alike: lower case, and a
 * hyphen between two letters read as a space, so `user unknown` finds the reason `user-unknown`.
 *
 * @example searchForm('User-Unknown') // 'user unknown'
 */
export function searchForm(text: string): string {
  return text.toLowerCase().replace(/(\p{L})-(?=\p{L})/gu, '$1 ');
}

const decoded: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** A cell, with its language when it is not the page's. */
function cell(html: string, attributes = ''): string {
  return `<td${attributes}>${html}</td>`;
}

function codeRow(row: Explanation, page: CatalogPage, query: string): Row {
  const { words, language } = page;
  const name = row.name ?? '';
  return filterableRow(String(row.code), '', query, withLang(`/codes/${row.code}`, language.tag), [
    cell(`<code lang="en" dir="ltr">${escapeHtml(name)}</code>`, ' class="name"'),
    cell(classLabel(row, words)),
    cell(partText(row.text, row.lang, language.tag, words), langAttribute(row.lang, language.tag)),
  ]);
}

function listedRow(row: ListedRow, path: string, also: string, page: CatalogPage, query: string): Row {
  return filterableRow(row.code, also, query, withLang(`${path}/${row.code}`, page.language.tag), [
    cell(partText(row.text, row.lang, page.language.tag, page.words), langAttribute(row.lang, page.language.tag)),
  ]);
}

/**
 * What an enhanced row answers to besides its text: the code as a reply writes it (`X.1.1` →
 * `4.1.1 5.1.1`), so that a code pasted in the filter finds its row.
 *
 * @example enhancedForms('X.1.1') // '4.1.1 5.1.1'
 */
export function enhancedForms(code: string): string {
  return `${code.replace(/^X/u, '4')} ${code.replace(/^X/u, '5')}`;
}

/** A table of rows under its heading. */
function table(
  id: string,
  heading: string,
  columns: readonly string[],
  rows: readonly Row[],
  wordsLang: string,
): string {
  const heads = columns.map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join('');
  return `<h2 id="${id}-heading"${wordsLang}>${escapeHtml(heading)}</h2>
<table id="${id}" aria-labelledby="${id}-heading">
<thead${wordsLang}><tr>${heads}</tr></thead>
<tbody>${rows.map((row) => row.html).join('\n')}</tbody>
</table>`;
}

/**
 * The catalog page: every status code, enhanced code and reason in one language, a language
 * switcher (links) and a filter (a GET form) that work without JavaScript; `/assets/catalog.js`
 * filters as you type and answers the paste box without a reload. Every text from the client
 * or the catalog is escaped.
 *
 * @example renderCatalogPage({ language, languages, words, codes, enhanced, reasons, query: '' }).startsWith('<!doctype html>') // true
 */
export function renderCatalogPage(page: CatalogPage): string {
  const { words, language } = page;
  const query = searchForm(page.query.trim());
  const codes = page.codes.map((row) => codeRow(row, page, query));
  const enhanced = page.enhanced.map((row) => listedRow(row, '/codes', enhancedForms(row.code), page, query));
  const reasons = page.reasons.map((row) => listedRow(row, '/reasons', '', page, query));
  const all = [...codes, ...enhanced, ...reasons];
  const shown = all.filter((row) => row.shown).length;
  const tag = language.tag;
  const wordsLang = langAttribute(words.lang, tag);
  const counts = { shown, total: all.length };
  const column = (key: Parameters<PageWords['plain']>[0]) => words.plain(key);
  const main = `<h1${wordsLang}>${escapeHtml(words.plain('title'))}</h1>
${renderAskBox({ words, lang: tag, input: '', answer: '' })}
<form method="get" action="/" role="search" class="filter"${wordsLang}>
<input type="hidden" name="lang" value="${escapeHtml(tag)}">
<label for="q">${escapeHtml(words.plain('filter-label'))}</label>
<input type="search" id="q" name="q" value="${escapeHtml(page.query)}" autocomplete="off" dir="auto">
<button type="submit">${escapeHtml(words.plain('filter-button'))}</button>
<p id="count" role="status" data-forms="${escapeHtml(JSON.stringify(words.forms('rows-shown')))}">${words.say('rows-shown', counts)}</p>
</form>
${table('codes', words.plain('reply-codes'), [column('column-code'), column('column-name'), column('column-class'), column('column-description')], codes, wordsLang)}
${table('enhanced', words.plain('enhanced-codes'), [column('column-code'), column('column-description')], enhanced, wordsLang)}
${table('reasons', words.plain('reasons'), [column('column-code'), column('column-description')], reasons, wordsLang)}`;
  const json = {
    codes: `<a href="${escapeHtml(withLang('/v1/codes', tag))}">/v1/codes</a>`,
    openapi: '<a href="/openapi.json">/openapi.json</a>',
  };
  return renderDocument({
    language,
    languages: page.languages,
    words,
    navLabel: words.plain('languages'),
    title: words.plain('title'),
    hrefIn: (lang) =>
      page.query === '' ? withLang('/', lang) : `${withLang('/', lang)}&q=${encodeURIComponent(page.query)}`,
    main,
    footer: `<p>${words.say('json-link', { codes: '/v1/codes', openapi: '/openapi.json' }, json)}</p>`,
  });
}
