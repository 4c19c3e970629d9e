/**
 * The rules of a rule page's regular expressions: short, valid, and unable to backtrack
 * catastrophically, so that matching a hostile reply costs time linear in its (capped) length
 * times a small factor. The checks are on the source text, which is kept simple on purpose.
 */

/** The longest pattern a rule may hold. */
export const maxPatternLength = 400;

const lookaround = /\(\?<?[=!]/u;
const backreference = /\\(?:[1-9]|k<)/u;

/**
 * Whether a quantifier starts at `at`: `*`, `+`, `?` or `{n}`, `{n,}`, `{n,m}`; returns
 * `unbounded` for `*`, `+` and `{n,}`, `bounded` for `?` and `{n,m}`, else `undefined`.
 */
function quantifierAt(source: string, at: number): 'bounded' | 'unbounded' | undefined {
  const char = source[at];
  if (char === '*' || char === '+') return 'unbounded';
  if (char === '?') return 'bounded';
  if (char !== '{') return undefined;
  const brace = /^\{(\d+)(,(\d*))?\}/u.exec(source.slice(at));
  if (!brace) return undefined;
  return brace[2] !== undefined && brace[3] === '' ? 'unbounded' : 'bounded';
}

/** The structure of a pattern that matters for backtracking: an escape, a class or a character is one atom. */
type Token = { kind: 'open' | 'close' | 'choice' | 'atom' } | { kind: 'repeat'; unbounded: boolean };

/** Where a character class that opens at `at` ends (at its `]`). */
function classEnd(source: string, at: number): number {
  let end = at + 1;
  while (end < source.length && source[end] !== ']') end += source[end] === '\\' ? 2 : 1;
  return end;
}

/** Where a group that opens at `at` starts its content: after `(`, `(?:` or `(?<name>`. */
function groupStart(source: string, at: number): number {
  if (source[at + 1] !== '?') return at + 1;
  return source[at + 2] === '<' ? source.indexOf('>', at) + 1 : at + 3;
}

const atom: Token = { kind: 'atom' };
const marks: Readonly<Record<string, Token>> = {
  '(': { kind: 'open' },
  ')': { kind: 'close' },
  '|': { kind: 'choice' },
};

/** The token at `at` and where the next one may start. */
function tokenAt(source: string, at: number): [token: Token, next: number] {
  const char = source[at] ?? '';
  if (char === '\\') return [atom, at + 2];
  if (char === '[') return [atom, classEnd(source, at) + 1];
  if (char === '(') return [{ kind: 'open' }, groupStart(source, at)];
  const repeat = at > 0 ? quantifierAt(source, at) : undefined;
  if (repeat !== undefined) return [{ kind: 'repeat', unbounded: repeat === 'unbounded' }, at + 1];
  return [marks[char] ?? atom, at + 1];
}

/** The groups, choices and repetitions of a pattern, in order. */
function tokens(source: string): Token[] {
  const found: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const [token, next] = tokenAt(source, at);
    found.push(token);
    at = next;
  }
  return found;
}

/** Whether a token repeats what comes before it without bound. */
function unbounded(token: Token | undefined): boolean {
  return token?.kind === 'repeat' && token.unbounded;
}

/** Whether a group repeated without bound holds a repetition or a choice (`(a+)+`, `(?:a|b)*`). */
function hasRiskyGroup(list: readonly Token[]): boolean {
  // Each open group: whether it holds a repetition or a choice so far.
  const groups: boolean[] = [];
  for (const [index, token] of list.entries()) {
    if (token.kind === 'open') groups.push(false);
    if (token.kind === 'open' || token.kind === 'atom') continue;
    const risky = token.kind === 'close' ? (groups.pop() ?? false) : true;
    if (token.kind === 'close' && risky && unbounded(list[index + 1])) return true;
    if (risky && groups.length > 0) groups[groups.length - 1] = true;
  }
  return false;
}

/** A problem with how a pattern repeats: a risky group repeated without bound, or more unbounded repetitions than `most`. */
function repetitionProblem(source: string, most: number): string | undefined {
  const list = tokens(source);
  if (hasRiskyGroup(list))
    return 'a group that repeats without bound holds a repetition or a choice (catastrophic backtracking)';
  const count = list.filter(unbounded).length;
  return count > most
    ? `${count} unbounded repetitions (*, + or {n,}); at most ${most === 1 ? 'one' : most}`
    : undefined;
}

/** How a page uses its patterns: the flags they are compiled with, and how many unbounded repetitions one may hold. */
export interface PatternUse {
  flags: string;
  unbounded: number;
  /**
   * Also matched without flags on ASCII text lower-cased once (src/reasons/compiled-rules.ts):
   * the pattern must be written so that both ways give the same answer (see `lowerCaseProblem`).
   */
  lowerCase?: boolean;
}

/** A rule page's patterns: phrases matched anywhere in a reply, case-insensitive, one unbounded repetition. */
const rulePattern: PatternUse = { flags: 'iu', unbounded: 1, lowerCase: true };

/** The atoms of a pattern as source text: a character, an escape (`\b`, `\.`) or a class (`[a-z]`). */
function atomsOf(source: string): string[] {
  const atoms: string[] = [];
  let at = 0;
  while (at < source.length) {
    const [token, next] = tokenAt(source, at);
    const end = token.kind === 'atom' ? next : at;
    // A character outside the BMP is one atom of two code units.
    const width =
      token.kind === 'atom' && next === at + 1 ? String.fromCodePoint(source.codePointAt(at) ?? 0).length : 0;
    if (token.kind === 'atom') atoms.push(source.slice(at, Math.max(end, at + width)));
    at = Math.max(next, at + width, at + 1);
    if (token.kind === 'repeat' && source[at - 1] === '{') at = source.indexOf('}', at) + 1;
  }
  return atoms;
}

const asciiCharacters = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code));

/**
 * Why a pattern would not match lower-cased ASCII text without flags exactly as it matches any
 * ASCII text with `iu`, or `undefined`. Checked atom by atom against every ASCII character by the
 * engine itself: an upper-case letter (`A` takes `a` with `i`), a character that case-folds to
 * ASCII (`ſ`, the Kelvin sign), a class that holds upper-case letters only through a range
 * (`[0-_]`), or an escape that exists only with `u` (`\p{…}`). Assertions (`\b`) read word
 * characters, which lower-casing ASCII keeps.
 *
 * @example lowerCaseProblem('\\bDMARC\\b') // 'D matches "d" with flags iu but not on lower-cased text: write patterns in lower case'
 */
export function lowerCaseProblem(source: string): string | undefined {
  try {
    new RegExp(source);
  } catch (error) {
    return `not a regular expression without flags: ${(error as Error).message}`;
  }
  for (const atom of new Set(atomsOf(source))) {
    let folded: RegExp;
    let plain: RegExp;
    try {
      folded = new RegExp(`^(?:${atom})$`, 'iu');
      plain = new RegExp(`^(?:${atom})$`);
    } catch {
      return `${atom} cannot be read on its own with flags iu and without: keep patterns to plain phrases`;
    }
    const differs = asciiCharacters.find((char) => folded.test(char) !== plain.test(char.toLowerCase()));
    if (differs !== undefined)
      return `${atom} matches ${JSON.stringify(differs)} with flags iu but not the same on lower-cased text: write patterns in lower case`;
  }
  return undefined;
}

/**
 * What is wrong with a rule's pattern, or `undefined` when it may be used: it must compile with
 * its flags (`iu` for rule pages), hold no lookaround or backreference, no group with a
 * repetition or a choice inside that is itself repeated without bound (`(a+)+`, `(?:a|b)*`), at
 * most `use.unbounded` unbounded repetitions (one for rule pages), and never match the empty text.
 *
 * @example patternProblem('(a+)+') // 'a group that repeats without bound holds a repetition or a choice (catastrophic backtracking)'
 */
export function patternProblem(source: string, use: PatternUse = rulePattern): string | undefined {
  if (source.length === 0) return 'empty pattern';
  if (source.length > maxPatternLength) return `pattern of ${source.length} characters; at most ${maxPatternLength}`;
  let compiled: RegExp;
  try {
    compiled = new RegExp(source, use.flags);
  } catch (error) {
    return `not a regular expression: ${(error as Error).message}`;
  }
  if (lookaround.test(source)) return 'lookaround is not allowed: keep patterns to plain phrases';
  if (backreference.test(source)) return 'backreferences are not allowed';
  if (compiled.test('')) return 'the pattern matches the empty text, so it would match every reply';
  return repetitionProblem(source, use.unbounded) ?? (use.lowerCase ? lowerCaseProblem(source) : undefined);
}
