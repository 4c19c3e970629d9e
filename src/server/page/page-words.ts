// The page's own words in one language (docs/project/texts/<lang>.page.md, built into
// src/internal/page-texts.ts), said as HTML: counts with Intl, values isolated for bidi.

import { formatMessage, type MessageValues, pluralForms } from '../../catalog/message-format.js';
import { fallbackLanguage } from '../../catalog/negotiate-language.js';
import type { PageWordKey } from '../../catalog/text-kinds.js';
import { pageTexts } from '../../internal/page-texts.js';
import { escapeHtml } from './html.js';

/** The page's words in one language. */
export interface PageWords {
  /** The language the words are in: the page's, or the fallback's for a language without page words. */
  lang: string;
  /** The words of `key` as HTML: text escaped, each value in `<bdi>` (or as `html` gives it, for links). */
  say(key: PageWordKey, values?: MessageValues, html?: Readonly<Record<string, string>>): string;
  /** The words of `key` as plain text (a title, an attribute), values written in. */
  plain(key: PageWordKey, values?: MessageValues): string;
  /** The forms of `key` by plural category, for the page's script to count as the server does. */
  forms(key: PageWordKey): Record<string, string>;
}

/**
 * The page words for a served language; a language the service was given without page words
 * (a catalog with a language of your own) reads the fallback language's.
 *
 * @example pageWords('fr').plain('title') // 'Codes d’état SMTP'
 */
export function pageWords(lang: string): PageWords {
  const own = Object.hasOwn(pageTexts, lang) ? pageTexts[lang] : undefined;
  const wordsLang = own === undefined ? fallbackLanguage : lang;
  const texts = own ?? pageTexts[fallbackLanguage] ?? {};
  const text = (key: PageWordKey) => texts[key] ?? key;
  return {
    lang: wordsLang,
    say(key, values = {}, html = {}) {
      return formatMessage(text(key), wordsLang, values)
        .map((part) => {
          if ('text' in part) return escapeHtml(part.text);
          return html[part.name] ?? `<bdi>${escapeHtml(part.value)}</bdi>`;
        })
        .join('');
    },
    plain(key, values = {}) {
      return formatMessage(text(key), wordsLang, values)
        .map((part) => ('text' in part ? part.text : part.value))
        .join('');
    },
    forms: (key) => pluralForms(text(key), wordsLang),
  };
}
