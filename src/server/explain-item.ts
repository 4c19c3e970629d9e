// One item a client asks the service to explain: a code, a reply, an enhanced code, a client
// error, or a mail log line; what it cannot read is an error naming the item.
import type { Catalog } from '../catalog/create-catalog.js';
import { inputError, resolveInput } from '../catalog/resolve-input.js';
import type { LogExplanation } from '../catalog/types.js';

/** An item explained, or why it cannot be. */
export type ItemAnswer = { explanation: LogExplanation } | { error: string };

/**
 * Explains an item the way `explain` does, and a mail log line the way `explainLogLine` does
 * (with the recipient it names); anything else is an error naming it. Only reading the input
 * can fail here: a fault of the catalog is not caught, so it never looks like the client's.
 *
 * @example explainItem(catalog, '550 5.1.1 User unknown', 'fr') // { explanation: { code: 550, … } }
 */
export function explainItem(catalog: Catalog, item: unknown, lang: string): ItemAnswer {
  if (resolveInput(item) !== undefined) return { explanation: catalog.explain(item, lang) };
  const logged = typeof item === 'string' ? catalog.explainLogLine(item, lang) : undefined;
  return logged === undefined ? { error: inputError(item).message } : { explanation: logged };
}
