// The paste box ("What did the server say?") and its answer: the same HTML whether the form was
// posted (no JavaScript) or the script fetched the answer and put it in place.
import type { LogExplanation } from '../../catalog/types.js';
import type { PastedAnswer } from '../explain-pasted.js';
import type { LanguageInfo } from '../language-info.js';
import { adviceEntries, entry, partText, reasonEntry, retryableEntry } from './answer-entries.js';
import { escapeHtml, isolatedCode, langAttribute, withLang } from './html.js';
import { renderDocument } from './page-layout.js';
import type { PageWords } from './page-words.js';

/** The box: the form, the text as the client typed it (escaped), and the answer's HTML (empty before any). */
export interface AskBox {
  words: PageWords;
  /** The page's language. */
  lang: string;
  input: string;
  answer: string;
}

/**
 * The paste box: a form posting to `/explain` (answered as a page), which the script sends with
 * `fetch` instead, putting the answer's `#answer` in place of this one.
 *
 * @example renderAskBox({ words, lang: 'fr', input: '', answer: '' })
 */
export function renderAskBox(box: AskBox): string {
  const { words, lang } = box;
  const wordsLang = langAttribute(words.lang, lang);
  return `<section class="ask" aria-labelledby="ask-heading">
<h2 id="ask-heading"${wordsLang}>${escapeHtml(words.plain('ask-heading'))}</h2>
<form id="ask" method="post" action="${escapeHtml(withLang('/explain', lang))}">
<label for="input"${wordsLang}>${escapeHtml(words.plain('ask-label'))}</label>
<textarea id="input" name="input" rows="4" dir="auto" spellcheck="false" required>${escapeHtml(box.input)}</textarea>
<button type="submit"${wordsLang}>${escapeHtml(words.plain('ask-button'))}</button>
</form>
<div id="answer" tabindex="-1" aria-live="polite">${box.answer}</div>
<template id="answer-failed"><p class="problem"${wordsLang}>${escapeHtml(words.plain('answer-failed'))}</p></template>
</section>`;
}

/** Links to the pages of an explanation's codes: the reply code's (when it has one) and the enhanced code's. */
function codeLinks(explanation: LogExplanation, lang: string): string {
  const codes = [explanation.code > 0 ? String(explanation.code) : undefined, explanation.enhanced?.code].filter(
    (code) => code !== undefined,
  );
  return codes
    .map((code) => `<a href="${escapeHtml(withLang(`/codes/${code}`, lang))}">${isolatedCode(code)}</a>`)
    .join(' ');
}

/** One explanation: its codes, its sentence, its outcome, and its reason with the advice. */
function renderExplanation(explanation: LogExplanation, words: PageWords, lang: string): string {
  const wordsLang = langAttribute(words.lang, lang);
  const links = codeLinks(explanation, lang);
  const items = [
    explanation.recipient === undefined
      ? ''
      : entry(words.plain('answer-recipient'), `<bdi dir="ltr">${escapeHtml(explanation.recipient)}</bdi>`, wordsLang),
    entry(words.plain('answer-kind'), words.say(`kind-${explanation.kind}`), wordsLang, wordsLang),
    retryableEntry(explanation.retryable, words, wordsLang),
  ];
  const { reason } = explanation;
  if (reason !== undefined)
    items.push(reasonEntry(reason, words, wordsLang, lang), adviceEntries(reason, words, wordsLang, lang));
  return `<article>
${links === '' ? '' : `<h4>${links}</h4>`}
<p${langAttribute(explanation.lang, lang)}>${partText(explanation.text, explanation.lang, lang, words)}</p>
<dl>${items.join('')}</dl>
</article>`;
}

/**
 * What the box answers, as HTML: each explanation (a bounce's recipients, counted first), or
 * why nothing could be explained (the reader's words, then the service's own detail in English).
 *
 * @example renderAnswer({ explanations: [explain('550 5.1.1 x')], bounce: false }, words, 'fr')
 */
export function renderAnswer(answer: PastedAnswer, words: PageWords, lang: string): string {
  const wordsLang = langAttribute(words.lang, lang);
  const heading = `<h3${wordsLang}>${escapeHtml(words.plain('answer-heading'))}</h3>`;
  if ('error' in answer) {
    const why = words.plain(answer.tooLarge ? 'answer-too-large' : 'answer-error');
    return `${heading}<p class="problem"${wordsLang}>${escapeHtml(why)}</p><p lang="en" dir="ltr">${escapeHtml(answer.error)}</p>`;
  }
  if ('notReport' in answer)
    return `${heading}<p class="problem"${wordsLang}>${escapeHtml(words.plain('bounce-none'))}</p>`;
  const count = answer.bounce
    ? `<p${wordsLang}>${words.say('bounce-recipients', { count: answer.explanations.length })}</p>`
    : '';
  return `${heading}${count}${answer.explanations.map((explanation) => renderExplanation(explanation, words, lang)).join('\n')}`;
}

/** The page `POST /explain` answers: the box with the text sent, and its answer. */
export interface AnswerPage {
  language: LanguageInfo;
  languages: readonly LanguageInfo[];
  words: PageWords;
  input: string;
  answer: PastedAnswer;
}

/**
 * The paste box's answer as a page of its own (what a browser without JavaScript shows after
 * posting the form); the script reads its `#answer`.
 *
 * @example renderAnswerPage({ language, languages, words, input: '550 5.1.1 x', answer })
 */
export function renderAnswerPage(page: AnswerPage): string {
  const { words, language } = page;
  const wordsLang = langAttribute(words.lang, language.tag);
  const answer = renderAnswer(page.answer, words, language.tag);
  const main = `<h1${wordsLang}><a href="${escapeHtml(withLang('/', language.tag))}">${escapeHtml(words.plain('title'))}</a></h1>
${renderAskBox({ words, lang: language.tag, input: page.input, answer })}`;
  return renderDocument({
    language,
    languages: page.languages,
    words,
    navLabel: words.plain('languages'),
    title: `${words.plain('answer-heading')} · ${words.plain('title')}`,
    hrefIn: (lang) => withLang('/', lang),
    main,
    footer: '',
  });
}
