// The reason and code columns of the CLI's text output, one rule for every command that writes them.
import { terminalField } from './terminal-safe.js';

/** What the text output shows of an answer: its reason, if any, and its sentence. */
interface Shown {
  readonly reason?: { readonly id: string } | undefined;
  readonly text: string;
}

/**
 * The reason id an answer was given (`user-unknown`), or `-` where it has none (an intermediate
 * reply, `-1` and `0` alone). Ids are a fixed set of kebab-case words: safe on a terminal as they are.
 *
 * @example reasonColumn(explain('550 5.1.1 User unknown')) // 'user-unknown'
 */
export function reasonColumn(answer: Pick<Shown, 'reason'>): string {
  return answer.reason?.id ?? '-';
}

/**
 * The reply code column: the code, or `-` for `0` (NotDefined: no reply code was given, as for
 * an enhanced code alone). A number: safe on a terminal as it is.
 *
 * @example codeColumn(explain('5.1.1')) // '-'
 */
export function codeColumn(answer: { readonly code: number }): string {
  return answer.code === 0 ? '-' : String(answer.code);
}

/**
 * The text output of one explained input: its reason and its sentence, tab-separated, the
 * sentence written as a field (no tab or line feed of its own reaches the output).
 *
 * @example reasonAndText(explain(250)) // 'delivered\t…\n'
 */
export function reasonAndText(answer: Shown): string {
  return `${reasonColumn(answer)}\t${terminalField(answer.text)}\n`;
}
