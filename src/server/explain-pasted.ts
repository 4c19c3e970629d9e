// What the paste box was given, explained: a whole message (a bounce) through the bounce
// reader, anything else (a reply of one or several lines, an enhanced code, a log line, a client
// error code) as `POST /v1/explain` explains an item.
import type { BounceExplainer } from '../bounces/explain-bounce.js';
import type { Catalog } from '../catalog/create-catalog.js';
import type { LogExplanation } from '../catalog/types.js';
import { clientErrorCause } from '../replies/client-error.js';
import { explainItem } from './explain-item.js';
import { itemShapeProblem } from './item-shape.js';
import { limits } from './openapi.js';

/** What the box answers: explanations (a bounce's recipients, or one), a message that is no report, or why the text cannot be read. */
export type PastedAnswer =
  | { explanations: LogExplanation[]; bounce: boolean }
  | { notReport: true }
  | { error: string; tooLarge?: true };

/** A message starts with a header field (`From: …`) and has a blank line after its header. */
const messageStart = /^[!-9;-~]+:[ \t]/u;

/**
 * Explains what was pasted, in `lang`: a message (a header field first, then a blank line) as a
 * delivery report; a client error's code as that error; anything else, trimmed, as one item,
 * checked first for size and lines, and when that explains nothing, as the text of a bounce
 * without its header (a human-readable bounce's words, as a webmail shows them).
 *
 * @example (await explainPasted('550 5.1.1 No such user', deps, 'fr')).explanations[0].kind // 'permanent'
 */
export async function explainPasted(
  text: string,
  deps: { catalog: Catalog; explainBounce: BounceExplainer },
  lang: string,
): Promise<PastedAnswer> {
  const unix = text.replace(/\r\n?/gu, '\n');
  if (messageStart.test(unix) && unix.includes('\n\n')) {
    const bounce = await deps.explainBounce(new TextEncoder().encode(text), lang);
    return bounce === undefined ? { notReport: true } : { explanations: bounce.recipients, bounce: true };
  }
  const item = unix.trim();
  // A client error's code alone (`ECONNREFUSED`, `EAUTH`) is explained as the error it names.
  if (/^[A-Z][A-Z0-9_]{1,63}$/u.test(item) && clientErrorCause({ code: item }).id !== 'unknown') {
    return { explanations: [deps.catalog.explain({ code: item }, lang)], bounce: false };
  }
  const shape = itemShapeProblem(item, 'The text', limits);
  const explained = shape === undefined ? explainItem(deps.catalog, item, lang) : { error: shape };
  if (!('error' in explained)) return { explanations: [explained.explanation], bounce: false };
  // What a webmail shows of a bounce, copied without the message's header (Gmail's "Address not
  // found … The response from the remote server was: 550 …"): read as a plain-text message's body.
  const body = new TextEncoder().encode(`Content-Type: text/plain; charset=utf-8\n\n${unix}`);
  const bounce = await deps.explainBounce(body, lang);
  if (bounce !== undefined && bounce.recipients.length > 0) return { explanations: bounce.recipients, bounce: true };
  // Too many characters or lines for one reply: the reader is told the text is too long for the box.
  return shape === undefined ? explained : { error: shape, tooLarge: true };
}
