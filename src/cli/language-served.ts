// shim: replaced by catalog.served at merge
import type { Catalog } from '../catalog/create-catalog.js';
import {
  createNegotiator,
  type LanguagePreference,
  type Negotiator,
  readPreference,
} from '../catalog/negotiate-language.js';

const negotiators = new WeakMap<Catalog, { languages: string; negotiator: Negotiator<string> }>();

/**
 * Which language of `catalog` serves `lang`, and whether it was asked for (`false` when only
 * the fallback serves it).
 *
 * @example served(catalog, 'pt-BR') // { lang: 'en', requested: false }
 */
export function served(catalog: Catalog, lang: LanguagePreference): { lang: string; requested: boolean } {
  const tags = catalog.languages();
  let kept = negotiators.get(catalog);
  if (kept === undefined || kept.languages !== tags.join()) {
    kept = { languages: tags.join(), negotiator: createNegotiator(new Map(tags.map((tag) => [tag, tag]))) };
    negotiators.set(catalog, kept);
  }
  const { negotiator } = kept;
  const preferences = [readPreference(lang)].flat();
  const tag = preferences.map((preference) => negotiator.served(preference)).find((found) => found !== undefined);
  return { lang: tag ?? negotiator.fallback(), requested: tag !== undefined };
}
