// Which rules may match a reply, read in one pass over its text: each rule's pattern needs one of
// a few three-character pieces (the build finds them: scripts/reasons/pattern-grams.ts), so a
// reply is tested only against the patterns whose pieces it holds, instead of all of them.

// Pieces are hashed into a table of bit sets (one bit per rule); a collision only lets a rule
// through that is then tested, never keeps one out.
const bucketBits = 12;
const buckets = 1 << bucketBits;

/** The rules' pieces as a table: `table[word * buckets + bucket]`, and the rules that guarantee no piece. */
export interface Prefilter {
  words: number;
  table: Int32Array;
  /** 1 for a bucket that holds a piece. */
  used: Uint8Array;
  always: Int32Array;
}

function bucketOf(key: number): number {
  return Math.imul(key, 0x9e3779b1) >>> (32 - bucketBits);
}

/**
 * The prefilter of rules given in order: each rule's pieces (lower-case ASCII), `undefined` for
 * a rule that must always be tried, `[]` for one that never matches ASCII text.
 *
 * @example createPrefilter([['kno'], undefined])
 */
export function createPrefilter(rules: readonly (readonly string[] | undefined)[]): Prefilter {
  const words = Math.max(1, Math.ceil(rules.length / 32));
  const table = new Int32Array(words * buckets);
  const always = new Int32Array(words);
  const used = new Uint8Array(buckets);
  rules.forEach((grams, index) => {
    const word = index >>> 5;
    const bit = 1 << (index & 31);
    if (grams === undefined) {
      always[word] = (always[word] ?? 0) | bit;
      return;
    }
    for (const gram of grams) {
      const key = (gram.charCodeAt(0) << 14) | (gram.charCodeAt(1) << 7) | gram.charCodeAt(2);
      const bucket = bucketOf(key);
      table[word * buckets + bucket] = (table[word * buckets + bucket] ?? 0) | bit;
      used[bucket] = 1;
    }
  });
  return { words, table, used, always };
}

/**
 * The rules a text may match, as bit sets (`bits[index >>> 5] & (1 << (index & 31))`), read as
 * if lower-cased; `undefined` when the text is not ASCII (every rule must then be tried).
 *
 * @example mayMatch(prefilter, 'User unknown')
 */
export function mayMatch(prefilter: Prefilter, text: string): Int32Array | undefined {
  const { words, table, used } = prefilter;
  const bits = prefilter.always.slice();
  let key = 0;
  for (let at = 0; at < text.length; at++) {
    let char = text.charCodeAt(at);
    if (char > 0x7f) return undefined;
    if (char >= 65 && char <= 90) char += 32;
    key = ((key << 7) | char) & 0x1fffff;
    // Most buckets hold no piece: one read of a byte tells.
    const bucket = bucketOf(key);
    if (at < 2 || used[bucket] === 0) continue;
    for (let word = 0; word < words; word++)
      bits[word] = (bits[word] as number) | (table[word * buckets + bucket] as number);
  }
  return bits;
}

/** Whether rule `index` is among `bits`. */
export function mayHold(bits: Int32Array, index: number): boolean {
  return ((bits[index >>> 5] ?? 0) & (1 << (index & 31))) !== 0;
}
