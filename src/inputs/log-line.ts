// A mail log line as an input: what `parseLogLine` reads, explained by a catalog.
import type { LanguagePreference } from '../catalog/negotiate-language.js';
import type { Catalog, Explanation, LogExplanation, Unfrozen } from '../catalog/types.js';
import { type LogEntry, parseLogLine } from '../replies/mail-log.js';

/**
 * What `explain` is given for a log line's entry: the reply the line quotes, else the enhanced
 * code alone (explained as code 0, its kind by its class). The answer depends on nothing else the
 * line holds, so the streaming CLI keeps answers by it.
 *
 * @example quotedInput({ recipient: 'a@b.c', enhanced: '4.4.1' }) // '4.4.1'
 */
export function quotedInput(entry: LogEntry): string {
  return entry.reply ?? entry.enhanced ?? '';
}

/**
 * `explain`'s answer to what a log line quotes (`quotedInput`), or `undefined` when the quoted
 * text does not read as a reply (`550 4.x` cut short): such a line explains nothing.
 *
 * @example explainQuoted(catalog, '452 4.2.2 Mailbox full', 'fr')?.reason?.id // 'mailbox-full'
 */
export function explainQuoted(
  catalog: Pick<Catalog, 'explain'>,
  quoted: string,
  lang?: LanguagePreference,
): Explanation | undefined {
  const explained = catalog.explain(quoted, lang);
  return explained.cause === undefined ? explained : undefined;
}

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
  const explained = explainQuoted(catalog, quotedInput(entry), lang);
  if (explained === undefined) return undefined;
  // `explain`'s answer is frozen (and may be kept): the line's own fields go on a frozen copy.
  if (entry.recipient === undefined && entry.detail === undefined) return explained;
  const own: Unfrozen<LogExplanation> = Object.assign({}, explained);
  if (entry.recipient !== undefined) own.recipient = entry.recipient;
  if (entry.detail !== undefined) own.detail = entry.detail;
  return Object.freeze(own);
}
