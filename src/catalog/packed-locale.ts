import type { LocaleData } from './locale-data.js';

/**
 * A locale as the build packs it (`src/internal/<lang>.packed.ts`): each part as JSON text, the
 * reply codes' part (`lang`, `codes` and the texts kept beside them) and one per other kind of text.
 *
 * @example { codes: '{"lang":"fr","codes":{…}}', enhanced: '{"X.1.1":"…"}' }
 */
export interface PackedLocale {
  readonly codes: string;
  readonly [part: string]: string;
}

/**
 * The locale of a packed one: its parts parsed and put together, as `locales/<lang>` exports it.
 * The text is the build's own output, trusted as the shipped modules are.
 *
 * @example unpackLocale(packedLocales.fr).codes.MailboxUnavailable // the French text of 550
 */
export function unpackLocale(packed: PackedLocale): LocaleData {
  const locale = JSON.parse(packed.codes) as Record<string, unknown>;
  for (const [part, json] of Object.entries(packed)) if (part !== 'codes') locale[part] = JSON.parse(json);
  return locale as unknown as LocaleData;
}
