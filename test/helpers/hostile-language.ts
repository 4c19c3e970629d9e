// Hostile language inputs, megabytes long if asked: the bounds test (test/runtime/language-bounds.test.ts)
// and its benchmark (bench/language-bounds.ts) measure the same inputs.

/** A string as a header or a JSON body gives it: flat in memory, not a rope of concatenations. */
export const flat = (text: string) => Buffer.from(text, 'latin1').toString('latin1');

/** A tag Intl accepts, `size` characters long, numbered so that no cache has seen it. */
export function longTag(size: number, seed: number): string {
  const head = `en-x-${seed.toString(36).padStart(8, '0')}-`;
  return flat(
    head +
      'abcdefgh-'
        .repeat(Math.ceil(size / 9))
        .slice(0, size - head.length - 1)
        .concat('a'),
  );
}

/** An Accept-Language value `size` characters long, numbered likewise, its last range served. */
export function longHeader(size: number, seed: number): string {
  const range = `nl-x-${seed.toString(36).padStart(8, '0')};q=0.5, `;
  return flat(
    range
      .repeat(Math.ceil(size / range.length))
      .slice(0, size - 2)
      .concat('fr'),
  );
}

/** A list of `size` preferences, none served: one per size, since no cache keeps a list. */
const lists = new Map<number, string[]>();
export function longList(size: number): string[] {
  const list = lists.get(size) ?? Array.from({ length: size }, (_, index) => `nl-x-${index}`);
  lists.set(size, list);
  return list;
}
