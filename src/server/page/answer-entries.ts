// The terms and descriptions an explanation shows, on the paste box's answer and on a code's
// page alike: one home for how each reads.
import type { ReasonExplanation } from '../../catalog/types.js';
import { escapeHtml, langAttribute, withLang } from './html.js';
import type { PageWords } from './page-words.js';

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
  return entry(
    words.plain('answer-reason'),
    `${escapeHtml(reason.text)} (${link})`,
    wordsLang,
    langAttribute(reason.lang, lang),
  );
}

/**
 * The reason's advice for the sender and for the admin.
 *
 * @example adviceEntries(reason, words, '', 'fr') // two entries
 */
export function adviceEntries(reason: ReasonExplanation, words: PageWords, wordsLang: string, lang: string): string {
  const reasonLang = langAttribute(reason.lang, lang);
  return (
    entry(words.plain('advice-sender'), escapeHtml(reason.advice.sender), wordsLang, reasonLang) +
    entry(words.plain('advice-admin'), escapeHtml(reason.advice.admin), wordsLang, reasonLang)
  );
}
