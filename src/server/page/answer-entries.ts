// The terms and descriptions an explanation shows, on the paste box's answer and on a code's
// page alike: one home for how each reads.
import type { ReasonExplanation } from '../../catalog/types.js';
import { languageName, textDirection } from '../language-info.js';
import { escapeHtml, langAttribute, withLang } from './html.js';
import type { PageWords } from './page-words.js';

/**
 * A part's text, escaped; when the part is not in the page's language (a language that lacks the
 * text falls back to English), a note in the page's words says so and names the language.
 *
 * @example partText('The mailbox is full.', 'en', 'pt', words) // '… <small class="fallback" …>…(inglês)</small>'
 */
export function partText(text: string, partLang: string, pageLang: string, words: PageWords): string {
  const html = escapeHtml(text);
  if (partLang === pageLang) return html;
  const note = words.say('fallback-part', { language: languageName(partLang, words.lang) });
  return `${html} <small class="fallback" lang="${escapeHtml(words.lang)}" dir="${textDirection(words.lang)}">${note}</small>`;
}

/**
 * One term and its description, for an answer's list (`<dl>`); the description is HTML already.
 *
 * @example entry('Reason', 'The mailbox is full', ' lang="en"')
 */
export function entry(term: string, description: string, wordsLang: string, descriptionLang = ''): string {
  return `<div><dt${wordsLang}>${escapeHtml(term)}</dt><dd${descriptionLang}>${description}</dd></div>`;
}

/**
 * Whether a new try may succeed, in the page's words.
 *
 * @example retryableEntry(true, words, '')
 */
export function retryableEntry(retryable: boolean, words: PageWords, wordsLang: string): string {
  return entry(
    words.plain('answer-retryable'),
    words.say(retryable ? 'retryable-yes' : 'retryable-no'),
    wordsLang,
    wordsLang,
  );
}

/**
 * The reason's sentence with a link to its page (`/reasons/user-unknown`), in the language of
 * its text; `lang` is the page's, carried by the link.
 *
 * @example reasonEntry(explain('550 5.1.1 x', 'fr').reason, words, '', 'fr')
 */
export function reasonEntry(reason: ReasonExplanation, words: PageWords, wordsLang: string, lang: string): string {
  const link = `<a href="${escapeHtml(withLang(`/reasons/${reason.id}`, lang))}" lang="en" dir="ltr">${escapeHtml(reason.id)}</a>`;
  // The parentheses are the page words' own (full-width in Chinese).
  const text = words.say(
    'reason-with-link',
    { reason: reason.text, id: reason.id },
    { reason: partText(reason.text, reason.lang, lang, words), id: link },
  );
  return entry(words.plain('answer-reason'), text, wordsLang, langAttribute(reason.lang, lang));
}

/**
 * The reason's advice for the sender and for the admin.
 *
 * @example adviceEntries(reason, words, '', 'fr') // two entries
 */
export function adviceEntries(reason: ReasonExplanation, words: PageWords, wordsLang: string, lang: string): string {
  const reasonLang = langAttribute(reason.lang, lang);
  return (
    entry(
      words.plain('advice-sender'),
      partText(reason.advice.sender, reason.lang, lang, words),
      wordsLang,
      reasonLang,
    ) +
    entry(words.plain('advice-admin'), partText(reason.advice.admin, reason.lang, lang, words), wordsLang, reasonLang)
  );
}
