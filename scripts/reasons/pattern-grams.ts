/**
 * The prefilter of a rule's pattern: three-character pieces of lower-cased text, one of which
 * every match of the pattern on ASCII text holds. The classifier reads a reply once, notes which
 * pieces it holds, and runs only the patterns that may match (src/reasons/rule-prefilter.ts).
 *
 * Read from the pattern's source (written in lower case, checked by `patternProblem`): each
 * alternative needs a run of literal characters it always matches (`user unknown`), or a group it
 * always enters whose alternatives all have one (`(?:disabled|suspended)`); an alternative that
 * needs a character outside ASCII never matches ASCII text and needs nothing.
 */

/** What a part of a pattern guarantees: literal strings one of which every match holds, nothing, or no match on ASCII text. */
type Anchors = { kind: 'set'; items: string[] } | { kind: 'none' } | { kind: 'never' };

const none: Anchors = { kind: 'none' };
const never: Anchors = { kind: 'never' };

// Letters from the most to the least common in English text: a rarer piece lets fewer replies through.
const commonness = ' etaoinsrhldcumfpgwybvkxjqz';

function rarity(piece: string): number {
  let score = 0;
  for (const char of piece) {
    const at = commonness.indexOf(char);
    score += at === -1 ? commonness.length : at;
  }
  return score;
}

/** The rarest three-character piece of a literal. */
function rarestPiece(literal: string): string {
  let best = literal.slice(0, 3);
  for (let at = 1; at + 3 <= literal.length; at++) {
    const piece = literal.slice(at, at + 3);
    if (rarity(piece) > rarity(best)) best = piece;
  }
  return best;
}

/** The better of two guarantees: the one whose shortest literal is longer, then the one with fewer literals. */
function better(a: Anchors, b: Anchors): Anchors {
  if (a.kind !== 'set') return b;
  if (b.kind !== 'set') return a;
  const shortest = (anchors: { items: string[] }) => Math.min(...anchors.items.map((item) => item.length));
  if (shortest(a) !== shortest(b)) return shortest(a) > shortest(b) ? a : b;
  return a.items.length <= b.items.length ? a : b;
}

/** A quantifier at `at`: its length and whether it allows no repetition; `undefined` when none starts there. */
function quantifierAt(source: string, at: number): { length: number; optional: boolean } | undefined {
  const char = source[at];
  let length = 0;
  let optional = false;
  if (char === '?' || char === '*' || char === '+') {
    length = 1;
    optional = char !== '+';
  } else if (char === '{') {
    const brace = /^\{(\d+)(?:,\d*)?\}/u.exec(source.slice(at));
    if (!brace) return undefined;
    length = brace[0].length;
    optional = Number(brace[1]) === 0;
  } else {
    return undefined;
  }
  // A lazy quantifier (`+?`) repeats as often at least.
  if (source[at + length] === '?') length++;
  return { length, optional };
}

/** Reads an alternation from `at` to its closing `)` (or the end): what it guarantees, and where it ends. */
function alternation(source: string, start: number): [anchors: Anchors, end: number] {
  const options: Anchors[] = [];
  let at = start;
  for (;;) {
    const [anchors, end] = sequence(source, at);
    options.push(anchors);
    at = end;
    if (source[at] !== '|') break;
    at++;
  }
  const possible = options.filter((option) => option.kind !== 'never');
  if (possible.length === 0) return [never, at];
  if (possible.some((option) => option.kind === 'none')) return [none, at];
  return [{ kind: 'set', items: possible.flatMap((option) => (option.kind === 'set' ? option.items : [])) }, at];
}

/** An escaped character that stands for itself (`\.`, `\[`), or `undefined` for a class or an assertion. */
function escapedLiteral(char: string): string | undefined {
  return /^[^a-z0-9]$/iu.test(char) ? char : undefined;
}

/** One element of an alternative, with its quantifier: a group, a literal character, an assertion, or anything else (a class, `.`, `\d`). */
type Element = (
  | { kind: 'group'; anchors: Anchors }
  | { kind: 'literal'; char: string }
  | { kind: 'assertion' }
  | { kind: 'other' }
) & { next: number; optional: boolean; repeated: boolean };

/** An escape: an assertion (`\\b`), a character standing for itself (`\\.`), or a class (`\\d`). */
function escapeAt(source: string, at: number): { literal?: string; kind?: 'assertion'; end: number } {
  const escaped = source[at + 1] ?? '';
  if (escaped === 'b' || escaped === 'B') return { kind: 'assertion', end: at + 2 };
  const literal = escapedLiteral(escaped);
  return literal === undefined ? { end: at + 2 } : { literal, end: at + 2 };
}

/** Where the source of an element that is not a group ends, and the literal it stands for, if any. */
function atomAt(source: string, at: number): { literal?: string; kind?: 'assertion'; end: number } {
  const char = source[at] as string;
  if (char === '\\') return escapeAt(source, at);
  if (char === '[') {
    let end = at + 1;
    while (end < source.length && source[end] !== ']') end += source[end] === '\\' ? 2 : 1;
    return { end: end + 1 };
  }
  if (char === '.' || char === '^' || char === '$') return { end: at + 1 };
  const literal = String.fromCodePoint(source.codePointAt(at) ?? 0);
  return { literal, end: at + literal.length };
}

/** The element at `at`, its quantifier included. */
function elementAt(source: string, at: number): Element {
  let next: number;
  let element:
    | { kind: 'group'; anchors: Anchors }
    | { kind: 'literal'; char: string }
    | { kind: 'assertion' | 'other' };
  if (source[at] === '(') {
    const open = source[at + 1] === '?' ? (source[at + 2] === '<' ? source.indexOf('>', at) + 1 : at + 3) : at + 1;
    const [anchors, close] = alternation(source, open);
    element = { kind: 'group', anchors };
    next = close + 1;
  } else {
    const atom = atomAt(source, at);
    element = atom.literal !== undefined ? { kind: 'literal', char: atom.literal } : { kind: atom.kind ?? 'other' };
    next = atom.end;
  }
  const repeat = quantifierAt(source, next);
  return {
    ...element,
    next: next + (repeat?.length ?? 0),
    optional: repeat?.optional ?? false,
    repeated: repeat !== undefined,
  };
}

/** What a required element needs: its character, its group's anchors, `never` for a character outside ASCII, `none` for nothing. */
function neededOf(element: Element): string | Anchors {
  if (element.kind === 'group') return element.anchors;
  if (element.kind !== 'literal') return none;
  return element.char.charCodeAt(0) > 0x7f ? never : element.char;
}

/** Reads one alternative from `at` to `|`, `)` or the end. */
function sequence(source: string, start: number): [anchors: Anchors, end: number] {
  let best: Anchors = none;
  let run = '';
  let impossible = false;
  const endRun = () => {
    if (run.length >= 3) best = better(best, { kind: 'set', items: [run] });
    run = '';
  };
  let at = start;
  while (at < source.length && source[at] !== '|' && source[at] !== ')') {
    const element = elementAt(source, at);
    at = element.next;
    // An assertion matches no character: the literals on both sides stay neighbours.
    if (element.kind === 'assertion') continue;
    const needed = element.optional ? none : neededOf(element);
    if (typeof needed === 'string') {
      run += needed;
      // Repeated: the run holds the character once; what follows may come after more of it.
      if (element.repeated) endRun();
      continue;
    }
    endRun();
    impossible ||= needed === never;
    best = better(best, needed);
  }
  endRun();
  return [impossible ? never : best, at];
}

/**
 * The pieces for a pattern: `undefined` when it guarantees none (the classifier always tries
 * it), `[]` when it never matches ASCII text, else one rarest piece of each literal it needs.
 *
 * @example patternGrams('user unknown|unknown user') // ['unk']
 */
export function patternGrams(source: string): string[] | undefined {
  const [anchors] = alternation(source, 0);
  if (anchors.kind === 'none') return undefined;
  if (anchors.kind === 'never') return [];
  return [...new Set(anchors.items.map(rarestPiece))].sort();
}
