import type { LocaleData } from './locale-data.js';

/**
 * A locale as the package ships it (`locales/<lang>.<part>.json`, imported by
 * `src/internal/locale-parts.ts`): the reply codes' part (`lang`, `codes` and the texts kept beside
 * them) and one part per other kind of text.
 *
 * @example { codes: { lang: 'fr', codes: { … } }, enhanced: { 'X.1.1': '…' } }
 */
export interface LocaleParts {
  readonly codes: LocaleData;
  readonly [part: string]: unknown;
}

/**
 * The locale of its parts put together, as `locales/<lang>` exports it. The parts are the build's
 * own output, trusted as the shipped modules are.
 *
 * @example joinLocaleParts(localeParts.fr).codes.MailboxUnavailable // the French text of 550
 */
export function joinLocaleParts(parts: LocaleParts): LocaleData {
  const locale: Record<string, unknown> = { ...parts.codes };
  for (const [part, texts] of Object.entries(parts)) if (part !== 'codes') locale[part] = texts;
  return locale as unknown as LocaleData;
}
