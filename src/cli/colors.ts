// Colours by kind, as SGR codes (green done, cyan waiting for more, yellow try later, red
// failed, dim unknown).
import type { ReplyKind } from '../catalog/create-catalog.js';

const kindColors: Record<ReplyKind, string> = {
  positive: '32',
  intermediate: '36',
  transient: '33',
  permanent: '31',
  unknown: '2',
};

/** Paints a text in the colour of a kind, or leaves it as it is. */
export type Painter = (kind: ReplyKind, text: string) => string;

/**
 * A painter that colours when `enabled` (see `colorEnabled`), else leaves texts as they are.
 * Texts given to it are already terminal-safe: the escapes it adds are the only ones written.
 *
 * @example painter(true)('permanent', '550') // '\u001B[31m550\u001B[0m'
 */
export function painter(enabled: boolean): Painter {
  return enabled ? (kind, text) => `\u001B[${kindColors[kind]}m${text}\u001B[0m` : (_, text) => text;
}
