// A mail log line as an input: what `parseLogLine` reads, explained by a catalog.
import type { LanguagePreference } from '../catalog/negotiate-language.js';
import type { Catalog, LogExplanation } from '../catalog/types.js';
import { parseLogLine } from '../replies/mail-log.js';

/**
 * Explains what `parseLogLine` read with the catalog's `explain`: the reply, else the enhanced
 * code alone (code 0, its kind by its class). `undefined` for a line with nothing to explain.
 *
 * @example explainLogLine(catalog, '… dsn=5.1.1, status=bounced (…)', 'fr')?.enhanced?.code // '5.1.1'
 */
export function explainLogLine(
  catalog: Pick<Catalog, 'explain'>,
  line: string,
  lang?: LanguagePreference,
): LogExplanation | undefined {
  const entry = parseLogLine(line);
  if (entry === undefined) return undefined;
  const explained: LogExplanation = catalog.explain(entry.reply ?? entry.enhanced, lang);
  // A quoted text that does not read as a reply (`550 4.x` cut short) explains nothing.
  if (explained.cause !== undefined) return undefined;
  if (entry.recipient !== undefined) explained.recipient = entry.recipient;
  if (entry.detail !== undefined) explained.detail = entry.detail;
  return explained;
}
