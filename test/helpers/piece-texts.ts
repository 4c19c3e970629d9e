// Texts made of given pieces in every order, the same on every run (a fixed seed): what a
// shortcut must read as the plain way does, for the properties that compare the two.

/**
 * `count` texts, each 2 to `longest + 1` of `pieces` picked by a linear congruential generator
 * started at `seed`.
 *
 * @example pieceTexts(['a', 'b'], { count: 3, longest: 4, seed: 7 }) // three texts of a and b
 */
export function pieceTexts(
  pieces: readonly string[],
  { count, longest, seed }: { count: number; longest: number; seed: number },
): string[] {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state;
  };
  return Array.from({ length: count }, () =>
    Array.from({ length: 2 + (next() % longest) }, () => pieces[next() % pieces.length]).join(''),
  );
}
