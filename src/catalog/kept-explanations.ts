// Explanations kept by a catalog, per language, by the input they explain: `explain` is a
// function of (input, negotiated language, the catalog's languages), and its answers are frozen,
// so a repeated input is answered with the object computed the first time.
import { detached } from '../replies/detached-text.js';
import type { Explanation } from './types.js';

/**
 * How many explanations a catalog keeps per language; when a language's are this many, the next
 * new input forgets them all (distinct hostile inputs cost bounded memory, never a growing map).
 */
export const keptPerLanguage = 1024;

/** The longest string input whose explanation is kept, in characters: replies are a few hundred. */
export const longestKeptInput = 1000;

/**
 * What an input is kept by: a string of at most `longestKeptInput` characters, or a number (`-0`
 * is `0`'s key, as a `Map` compares them, and its explanation is `0`'s); else `undefined`, and
 * the input is explained anew each time (an object, a parsed reply or an error, may change between calls).
 *
 * @example keptKey('550 5.1.1 User unknown') // '550 5.1.1 User unknown'
 */
export function keptKey(input: unknown): string | number | undefined {
  if (typeof input === 'string') return input.length <= longestKeptInput ? input : undefined;
  return typeof input === 'number' ? input : undefined;
}

/**
 * A key as it is stored: a string copied so that the memo does not keep alive the text it was
 * cut from (a whole log, read in one string); anything else as it is.
 */
export function storedKey(key: string | number): string | number {
  return typeof key === 'string' ? detached(key) : key;
}

/** One language's kept explanations: at most `keptPerLanguage`, all forgotten when full. */
export function keep(kept: Map<string | number, Explanation>, key: string | number, explanation: Explanation): void {
  if (kept.size >= keptPerLanguage) kept.clear();
  kept.set(key, explanation);
}
