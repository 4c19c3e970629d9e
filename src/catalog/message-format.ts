// Texts with values in them (the page's words): `{name}` placeholders, and at most one choice by
// a count, `{count, plural, one {…} other {…}}`, in the subset of ICU MessageFormat translators
// know. The build checks each text with `messageProblem`; the page formats them with Intl.

/** A piece of a formatted message: text as written, or a placeholder's value (a number, a code) the renderer isolates or replaces. */
export type MessagePart = { text: string } | { name: string; value: string };

/** A plural choice: its count's name and one branch per plural category, each a list of parts. */
interface PluralChoice {
  count: string;
  branches: ReadonlyMap<string, readonly RawPart[]>;
}

/** A part as parsed: text, a placeholder, `#` (the count inside a branch), or the choice. */
type RawPart = { text: string } | { value: string } | { count: true } | { plural: PluralChoice };

/** A parsed message: its parts, or what is wrong with it. */
type Parsed = { parts: RawPart[] } | { error: string };

const name = /^[a-z][a-z-]*$/u;
const pluralHead = /^([a-z][a-z-]*)\s*,\s*plural\s*,/u;
const branchHead = /^\s*(zero|one|two|few|many|other)\s*\{/u;

/** What a `{` at `at` opens: a placeholder or a choice (never one inside a branch), and where it ends. */
function parseBrace(text: string, at: number, inBranch: boolean): { part: RawPart; end: number } | { error: string } {
  const close = text.indexOf('}', at);
  const simple = close === -1 ? '' : text.slice(at + 1, close).trim();
  if (name.test(simple)) return { part: { value: simple }, end: close };
  const head = pluralHead.exec(text.slice(at + 1));
  if (head === null) return { error: `"{" at character ${at + 1} starts neither {name} nor {count, plural, …}` };
  if (inBranch) return { error: `"{" at character ${at + 1} starts a choice inside a choice` };
  const choice = parsePlural(text, at + 1 + head[0].length, head[1] as string);
  if ('error' in choice) return choice;
  return { part: { plural: choice.choice }, end: choice.end };
}

/** The parts of `text` from `start` to its closing brace (or its end at depth 0); `#` counts inside a branch. */
function parseParts(
  text: string,
  start: number,
  inBranch: boolean,
): { parts: RawPart[]; end: number } | { error: string } {
  const parts: RawPart[] = [];
  const special = inBranch ? /[{}#]/gu : /[{}]/gu;
  special.lastIndex = start;
  let at = start;
  for (let match = special.exec(text); match !== null; match = special.exec(text)) {
    if (match.index > at) parts.push({ text: text.slice(at, match.index) });
    if (match[0] === '}') {
      return inBranch ? { parts, end: match.index } : { error: `an unmatched "}" at character ${match.index + 1}` };
    }
    at = match.index + 1;
    if (match[0] === '#') {
      parts.push({ count: true });
      continue;
    }
    const opened = parseBrace(text, match.index, inBranch);
    if ('error' in opened) return opened;
    parts.push(opened.part);
    at = opened.end + 1;
    special.lastIndex = at;
  }
  if (inBranch) return { error: 'a "{" is never closed' };
  if (at < text.length) parts.push({ text: text.slice(at) });
  return { parts, end: text.length };
}

/** The branches of a choice from just after `plural,` to its closing brace. */
function parsePlural(
  text: string,
  start: number,
  count: string,
): { choice: PluralChoice; end: number } | { error: string } {
  const branches = new Map<string, readonly RawPart[]>();
  let at = start;
  for (;;) {
    const rest = text.slice(at);
    const head = branchHead.exec(rest);
    if (head === null) {
      const end = rest.search(/\S/u);
      if (end !== -1 && rest[end] === '}' && branches.size > 0) return { choice: { count, branches }, end: at + end };
      return { error: `the choice of {${count}} needs branches "category {text}" closed by "}"` };
    }
    const category = head[1] as string;
    if (branches.has(category)) return { error: `the choice of {${count}} has two "${category}" branches` };
    const branch = parseParts(text, at + head[0].length, true);
    if ('error' in branch) return branch;
    branches.set(category, branch.parts);
    at = branch.end + 1;
  }
}

function parse(text: string): Parsed {
  const parsed = parseParts(text, 0, false);
  return 'error' in parsed ? parsed : { parts: parsed.parts };
}

/** Every placeholder a message names (a choice's count included). */
function namesIn(parts: readonly RawPart[], into = new Set<string>()): Set<string> {
  for (const part of parts) {
    if ('value' in part) into.add(part.value);
    if ('plural' in part) {
      into.add(part.plural.count);
      for (const branch of part.plural.branches.values()) namesIn(branch, into);
    }
  }
  return into;
}

/** CLDR's order of plural categories: engines list a language's in different orders. */
const categoryOrder = ['zero', 'one', 'two', 'few', 'many', 'other'];

/**
 * The plural categories a language's counts fall into, as Intl knows them, in CLDR's order (so
 * that Node and Workers write the same page).
 *
 * @example pluralCategories('fr') // ['one', 'many', 'other']
 */
export function pluralCategories(lang: string): string[] {
  const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories.map(String);
  return categoryOrder.filter((category) => categories.includes(category));
}

/**
 * What is wrong with a message for a language, or `undefined`: braces that do not parse, a
 * placeholder it must not have or lacks (`placeholders`), or a choice whose branches are not
 * exactly the language's plural categories.
 *
 * @example messageProblem('{shown, plural, one {# code} other {# codes}}', 'fr', ['shown']) // 'the choice of {shown} lacks the plural category "many" of fr'
 */
export function messageProblem(text: string, lang: string, placeholders: readonly string[]): string | undefined {
  const parsed = parse(text);
  if ('error' in parsed) return parsed.error;
  const names = namesIn(parsed.parts);
  const unknown = [...names].filter((found) => !placeholders.includes(found));
  if (unknown.length > 0) {
    const allowed = placeholders.length === 0 ? 'none' : placeholders.map((each) => `{${each}}`).join(', ');
    return `unknown placeholder(s) ${unknown.map((each) => `{${each}}`).join(', ')}; this text takes ${allowed}`;
  }
  const missing = placeholders.filter((each) => !names.has(each));
  if (missing.length > 0) return `missing placeholder(s) ${missing.map((each) => `{${each}}`).join(', ')}`;
  const categories = pluralCategories(lang);
  for (const part of parsed.parts) {
    if (!('plural' in part)) continue;
    const given = [...part.plural.branches.keys()];
    const lacking = categories.filter((category) => !given.includes(category));
    const extra = given.filter((category) => !categories.includes(category));
    if (lacking.length > 0)
      return `the choice of {${part.plural.count}} lacks the plural categor${lacking.length > 1 ? 'ies' : 'y'} ${lacking.map((each) => `"${each}"`).join(', ')} of ${lang}`;
    if (extra.length > 0)
      return `the choice of {${part.plural.count}} has ${extra.map((each) => `"${each}"`).join(', ')}, not a plural category of ${lang} (${categories.join(', ')})`;
  }
  return undefined;
}

/** What a message's placeholders stand for: counts (formatted with Intl) or text (a code, a link's label). */
export type MessageValues = Readonly<Record<string, number | string>>;

/**
 * A message's parts for a language: the choice resolved with `Intl.PluralRules`, counts
 * written with `Intl.NumberFormat`, placeholders as `{ value }` parts the renderer isolates
 * (bidi) or replaces (links). Throws on a message the build would refuse.
 *
 * @example formatMessage('{shown} of {total} shown', 'en', { shown: 1, total: 113 }) // [{ name: 'shown', value: '1' }, { text: ' of ' }, …]
 */
export function formatMessage(text: string, lang: string, values: MessageValues): MessagePart[] {
  const parsed = parse(text);
  if ('error' in parsed) throw new RangeError(`Not a message: ${parsed.error}`);
  const numbers = new Intl.NumberFormat(lang);
  const plurals = new Intl.PluralRules(lang);
  const shown = (value: number | string | undefined) =>
    typeof value === 'number' ? numbers.format(value) : (value ?? '');
  const out: MessagePart[] = [];
  const walk = (parts: readonly RawPart[], count = '') => {
    for (const part of parts) {
      if ('text' in part) out.push(part);
      else if ('value' in part) out.push({ name: part.value, value: shown(values[part.value]) });
      else if ('count' in part) out.push({ name: count, value: shown(values[count]) });
      else {
        const n = Number(values[part.plural.count] ?? 0);
        const branch = part.plural.branches.get(plurals.select(n)) ?? part.plural.branches.get('other') ?? [];
        walk(branch, part.plural.count);
      }
    }
  };
  walk(parsed.parts);
  return out;
}

/**
 * A message's forms by plural category, each a plain template where `{name}` (and `#` written
 * as `{count}`) mark values: what the page's script needs to say a count as the server does.
 * A message without a choice has one form, `other`.
 *
 * @example pluralForms('{n, plural, one {# row} other {# rows}}', 'en') // { one: '{n} row', other: '{n} rows' }
 */
export function pluralForms(text: string, lang: string): Record<string, string> {
  const parsed = parse(text);
  if ('error' in parsed) throw new RangeError(`Not a message: ${parsed.error}`);
  const flat = (parts: readonly RawPart[], count: string, category: string): string =>
    parts
      .map((part) => {
        if ('text' in part) return part.text;
        if ('value' in part) return `{${part.value}}`;
        if ('count' in part) return `{${count}}`;
        return flat(
          part.plural.branches.get(category) ?? part.plural.branches.get('other') ?? [],
          part.plural.count,
          category,
        );
      })
      .join('');
  return Object.fromEntries(pluralCategories(lang).map((category) => [category, flat(parsed.parts, '', category)]));
}
