// The one warning the command gives: `--lang` names no language it has.
import type { Catalog } from '../catalog/create-catalog.js';
import { show } from '../errors/show-value.js';

/**
 * A line for stderr when no language of the catalog serves `--lang` (the fallback answers),
 * else `''`. The environment's languages never warn: they are a wish, not a request.
 *
 * @example languageWarning(catalog, 'pt-BR') // 'smtp-status: no locale for "pt-BR"; using en (available: ar, de, …)\n'
 */
export function languageWarning(catalog: Catalog, lang: string | undefined): string {
  if (lang === undefined) return '';
  const answer = catalog.served(lang);
  if (answer.requested) return '';
  return `smtp-status: no locale for ${show(lang)}; using ${answer.lang} (available: ${catalog.languages().join(', ')})\n`;
}
