// A page per code (`/codes/550`, `/codes/5.1.1`, `/codes/X.1.1`) and per reason
// (`/reasons/user-unknown`): the text in the page's language, its outcome and reason, related
// codes, the other languages through the switcher, and the JSON one link away.
import type { Explanation, ReasonExplanation } from '../../catalog/types.js';
import type { LanguageInfo } from '../language-info.js';
import { adviceEntries, entry, partText, reasonEntry, retryableEntry } from './answer-entries.js';
import { classLabel } from './catalog-page.js';
import { escapeHtml, isolatedCode, isolatedText, langAttribute, withLang } from './html.js';
import { renderDocument } from './page-layout.js';
import type { PageWords } from './page-words.js';

/** What every code or reason page shows around its content. */
export interface DetailPage {
  language: LanguageInfo;
  languages: readonly LanguageInfo[];
  words: PageWords;
  /** The page's path, without its language: `/codes/550`. */
  path: string;
  /** The codes this one relates to, as their pages name them (`550`, `5.1.1`, `X.1.1`). */
  related: readonly string[];
  /** The JSON of the same thing (`/v1/codes/550`), when there is one. */
  json?: string;
}

/** A code's page: an explanation (a reply code, an enhanced code with its class) or a class-neutral enhanced code (`X.1.1`). */
export type CodePage = DetailPage & {
  code: string;
  /** For a code with a class: what `explain` says. */
  explanation?: Explanation;
  /** For `X.1.1`: what the code is about, in the page's language or the fallback's. */
  neutral?: { lang: string; text: string };
  /** The list's row of the code (`X.1.1` for `5.1.1`, `550` for `MailboxUnavailable`), when the list has one. */
  row?: string | undefined;
};

/** A reason's page. */
/** A reason's page: the reason, and how a mail client's own error of it is told, if otherwise (`isClientReasonId`). */
export type ReasonPage = DetailPage & { reason: ReasonExplanation; client?: ReasonExplanation | undefined };

/** The related codes, the JSON link and the way back to the list. */
function pageEnd(page: DetailPage, anchor: string | undefined): string {
  const { words, language } = page;
  const wordsLang = langAttribute(words.lang, language.tag);
  const related =
    page.related.length === 0
      ? ''
      : `<h2${wordsLang}>${escapeHtml(words.plain('related-codes'))}</h2>
<ul class="related">${page.related.map((code) => `<li><a href="${escapeHtml(withLang(`/codes/${code}`, language.tag))}">${isolatedCode(code)}</a></li>`).join('')}</ul>`;
  const json =
    page.json === undefined
      ? ''
      : `<li><a href="${escapeHtml(withLang(page.json, language.tag))}"${wordsLang}>${escapeHtml(words.plain('as-json'))}</a></li>`;
  return `${related}\n<ul class="links">${json}${backToList(words, language, anchor)}</ul>`;
}

/** The link to the list (`all-codes`), to the row `anchor` when there is one. */
function backToList(words: PageWords, language: LanguageInfo, anchor?: string): string {
  const href = withLang('/', language.tag) + (anchor === undefined ? '' : `#${anchor}`);
  return `<li><a href="${escapeHtml(href)}"${langAttribute(words.lang, language.tag)}>${escapeHtml(words.plain('all-codes'))}</a></li>`;
}

function frame(page: DetailPage, title: string, main: string) {
  return renderDocument({
    language: page.language,
    languages: page.languages,
    words: page.words,
    navLabel: page.words.plain('other-languages'),
    title,
    hrefIn: (lang) => withLang(page.path, lang),
    main,
    footer: '',
  });
}

/**
 * A code's page.
 *
 * @example renderCodePage({ code: '550', explanation: explain(550, 'fr'), … })
 */
export function renderCodePage(page: CodePage): string {
  const { words, language } = page;
  const wordsLang = langAttribute(words.lang, language.tag);
  const heading = `<h1${wordsLang}>${words.say('code-heading', { code: page.code }, { code: isolatedCode(page.code) })}</h1>`;
  const { explanation, neutral } = page;
  let body = '';
  if (explanation !== undefined) {
    // An enhanced code alone explains as `NotDefined` (code 0): only a reply code's page names its member.
    const named = explanation.name !== undefined && explanation.enhanced?.code !== page.code;
    const name = named ? `<p><code lang="en" dir="ltr">${escapeHtml(explanation.name ?? '')}</code></p>` : '';
    const items = [
      entry(words.plain('column-class'), classLabel(explanation, words), wordsLang, wordsLang),
      retryableEntry(explanation.retryable, words, wordsLang),
    ];
    const { reason } = explanation;
    if (reason !== undefined) items.push(reasonEntry(reason, words, wordsLang, language.tag));
    body = `${name}<p class="text"${langAttribute(explanation.lang, language.tag)}>${partText(explanation.text, explanation.lang, language.tag, words)}</p>
<dl>${items.join('')}</dl>`;
  } else if (neutral !== undefined) {
    body = `<p class="text"${langAttribute(neutral.lang, language.tag)}>${partText(neutral.text, neutral.lang, language.tag, words)}</p>`;
  }
  return frame(
    page,
    words.plain('code-heading', { code: isolatedText(page.code) }),
    `${heading}\n${body}\n${pageEnd(page, page.row)}`,
  );
}

/**
 * A reason's page: why, the advice for the sender and for the administrator, the codes that
 * lead to it.
 *
 * @example renderReasonPage({ reason: describeReason('user-unknown', 'fr'), … })
 */
export function renderReasonPage(page: ReasonPage): string {
  const { words, language, reason } = page;
  const wordsLang = langAttribute(words.lang, language.tag);
  const reasonLang = langAttribute(reason.lang, language.tag);
  const id = `<bdi lang="en" dir="ltr">${escapeHtml(reason.id)}</bdi>`;
  const { client } = page;
  const clientPart =
    client === undefined
      ? ''
      : `<h2${wordsLang}>${words.say('client-heading')}</h2>
<p class="text"${langAttribute(client.lang, language.tag)}>${partText(client.text, client.lang, language.tag, words)}</p>
<dl>${adviceEntries(client, words, wordsLang, language.tag)}</dl>
`;
  const main = `<h1${wordsLang}>${words.say('reason-heading', { reason: reason.id }, { reason: id })}</h1>
<p class="text"${reasonLang}>${partText(reason.text, reason.lang, language.tag, words)}</p>
<dl>${adviceEntries(reason, words, wordsLang, language.tag)}</dl>
${clientPart}${pageEnd(page, reason.id)}`;
  return frame(page, words.plain('reason-heading', { reason: isolatedText(reason.id) }), main);
}

/** What a page that names nothing the catalog holds shows around it. */
export interface NotFoundPage {
  language: LanguageInfo;
  languages: readonly LanguageInfo[];
  words: PageWords;
  /** What was asked for: a code, a reason's id, or a path; shown cut to its first 100 characters. */
  name: string;
}

/**
 * The page for a code, reason or path the catalog has no page for: says so in the page's
 * language, and links to the list (the switcher leads there too, in each language).
 *
 * @example renderNotFoundPage({ name: '999', … })
 */
export function renderNotFoundPage(page: NotFoundPage): string {
  const { words, language } = page;
  const wordsLang = langAttribute(words.lang, language.tag);
  const name = page.name.length > 100 ? `${page.name.slice(0, 100)}…` : page.name;
  const back = `<ul class="links">${backToList(words, language)}</ul>`;
  return renderDocument({
    language,
    languages: page.languages,
    words,
    navLabel: words.plain('other-languages'),
    title: words.plain('not-found', { name: isolatedText(name) }),
    hrefIn: (lang) => withLang('/', lang),
    main: `<h1${wordsLang}>${words.say('not-found', { name }, { name: isolatedCode(name) })}</h1>\n${back}`,
    footer: '',
  });
}
