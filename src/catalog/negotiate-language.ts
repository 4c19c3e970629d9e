/**
 * Language negotiation, in one place: which registered language serves a preference, the
 * fallback when none does, and the cache in front of both. Every entry (the catalog, `/lite`,
 * the CLI's warning) negotiates through this module.
 */

/**
 * One language preference, or several in order (as `navigator.languages` gives them), or an
 * `Accept-Language` value (`'fr-CA, fr;q=0.9, en;q=0.5'`: a string holding `,` or `;`).
 */
export type LanguagePreference = string | readonly string[] | null | undefined;

/** The language used when no preference can be served (else the first language registered). */
export const fallbackLanguage = 'en';

// Bounds on what negotiation reads, checked before any `Intl` call: Intl's tag parser costs
// time quadratic in the length (706 ms for a 128 kB tag), and the cache keeps what it reads.
// Real tags are far shorter (BCP 47 asks implementations for 35 characters), browsers send a
// few ranges, and Node refuses a header block over 16 kB anyway.

/** The longest preference read as a language tag, in characters; a longer one serves nothing. */
const maxTagLength = 64;
/** Preferences read from a list or `Accept-Language` ranges, in order; the rest are ignored. */
const maxPreferences = 32;
/** The longest language string read at all (an `Accept-Language` value); a longer one serves nothing. */
const maxValueLength = 4096;

/**
 * The one place language tags reach `Intl`: `undefined` for anything longer than
 * `maxTagLength` or not a well-formed BCP 47 tag. With `posix`, a POSIX locale name
 * (`language_TERRITORY.codeset@modifier`) is read as the tag it names.
 */
function parseTag(text: string, { posix }: { posix: boolean }): Intl.Locale | undefined {
  if (text.length > maxTagLength) return undefined;
  try {
    // The codeset and modifier are not part of a tag (and `.`, `@` and `_` never occur in one).
    return new Intl.Locale(posix ? text.replace(/[.@].*/su, '').replaceAll('_', '-') : text);
  } catch {
    // Intl throws a RangeError for what is not a well-formed BCP 47 tag: user data, not a bug.
    return undefined;
  }
}

/**
 * The catalog keys to try for one language preference, most specific first, following
 * RFC 4647 lookup: `zh-Hant-TW` → `zh-Hant-TW`, `zh-Hant`, `zh-TW`, `zh`. POSIX locale names
 * (`fr_FR.UTF-8`, `sr_RS@latin`) are read as the tag they name. Anything that is not a
 * language tag (or is longer than 64 characters) gives no candidate, so the caller falls back.
 *
 * @example languageCandidates('fr_CA.UTF-8') // ['fr-CA', 'fr']
 */
export function languageCandidates(preference: string): string[] {
  const locale = parseTag(preference, { posix: true });
  if (locale === undefined) return [];
  const { baseName, language, script, region } = locale;
  // `zh-TW` is written in Hant: a catalog keyed `zh-Hant` serves it.
  const likelyScript = script ?? (region && locale.maximize().script);
  // A candidate with a missing subtag is the base name again, which the Set drops.
  const tag = (...subtags: (string | undefined)[]) => (subtags.includes(undefined) ? baseName : subtags.join('-'));
  return [
    ...new Set([
      baseName,
      tag(language, script, region),
      tag(language, script),
      tag(language, region),
      tag(language, likelyScript),
      language,
    ]),
  ];
}

/**
 * The canonical form of a tag, as catalogs are keyed; `undefined` when it is not a tag or is
 * longer than 64 characters (so `registerLocale` refuses it, naming the value).
 *
 * @example canonicalLanguage('EN-us') // 'en-US'
 */
export function canonicalLanguage(tag: string): string | undefined {
  // `Intl.Locale#toString` is the canonical form `Intl.getCanonicalLocales` gives.
  return parseTag(tag, { posix: false })?.toString();
}

/**
 * The language ranges of an `Accept-Language` value (RFC 9110 §12.5.4), best first: by
 * q-value, then in the order given. Ranges with `q=0`, a malformed q-value, or `*` are dropped:
 * the catalog falls back after the last one anyway. Only the first 32 ranges are read, and a
 * value longer than 4,096 characters gives none. Hand-written rather than a dependency: the
 * core has none at run time, and this is a dozen lines with its own tests.
 *
 * @example acceptLanguageRanges('fr-CA;q=0.8, ar, *;q=0.1') // ['ar', 'fr-CA']
 */
export function acceptLanguageRanges(header: string): string[] {
  if (header.length > maxValueLength) return [];
  const ranked: { tag: string; q: number; index: number }[] = [];
  for (const [index, part] of header.split(',', maxPreferences).entries()) {
    const [range = '', ...parameters] = part.split(';');
    const tag = range.trim();
    const q = qValue(parameters);
    if (tag !== '' && tag !== '*' && q !== undefined && q > 0) ranked.push({ tag, q, index });
  }
  return ranked.sort((a, b) => b.q - a.q || a.index - b.index).map((range) => range.tag);
}

const weight = /^\s*q\s*=\s*(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)\s*$/iu;

/** The q-value of a range's parameters: 1 when absent, `undefined` when malformed. */
function qValue(parameters: readonly string[]): number | undefined {
  if (parameters.length === 0) return 1;
  const match = parameters.length === 1 ? weight.exec(parameters[0] ?? '') : null;
  return match ? Number(match[1]) : undefined;
}

/**
 * A preference as negotiation takes it: an `Accept-Language` value (a string holding `,` or `;`,
 * which no tag does) as its ranges, best first; anything else as it is.
 *
 * @example readPreference('fr-CA;q=0.5, ar') // ['ar', 'fr-CA']
 */
export function readPreference(lang: LanguagePreference): LanguagePreference {
  // Longer than any header: not scanned at all, and served by nothing.
  if (typeof lang !== 'string' || lang.length > maxValueLength) return lang;
  return lang.includes(',') || lang.includes(';') ? acceptLanguageRanges(lang) : lang;
}

/** What a negotiator reads: the languages keyed by canonical tag, in registration order (a `Map` will do). */
export type LanguageTable<T> = Pick<ReadonlyMap<string, T>, 'has' | 'get' | 'keys'>;

/** The language that serves a preference, and whether a preference asked for it (else it is the fallback). */
export interface ServedLanguage {
  lang: string;
  requested: boolean;
}

// Keyed by preferences of at most `maxTagLength` characters: 256 entries hold at most
// 16,384 characters of keys, whatever the input.
const cacheLimit = 256;

/** Negotiates over a table of languages; `reset()` after the table changes. */
export interface Negotiator<T> {
  /** The value of the first preference served, else of the fallback; throws when the table is empty. */
  negotiate(lang: LanguagePreference): T;
  /** Which language serves `lang`, and was it asked for? Throws when the table is empty. */
  choose(lang: LanguagePreference): ServedLanguage;
  /** The tag that serves one preference, or `undefined` when only the fallback would. */
  served(preference: unknown): string | undefined;
  /** The value of `fallbackLanguage`, else of the first language registered; throws when the table is empty. */
  fallback(): T;
  reset(): void;
}

/**
 * Negotiation over `table`: each preference in order (the first 32), as registered, else by
 * its candidates (`fr-CA` → `fr`); the first one served wins; else `fallbackLanguage`, else the
 * first language registered. `read` turns a preference into what is negotiated: the catalogs
 * pass `readPreference`, so `Accept-Language` values are read (`/lite` does not, to stay small).
 * One cache: the answer per preference string, and in front of it the last language asked for
 * with its value, so a repeated call (the hot path) reads nothing else.
 *
 * @example createNegotiator(new Map([['fr', fr]])).negotiate(['de', 'fr-CA']) // fr
 */
export function createNegotiator<T>(
  table: LanguageTable<T>,
  read: (lang: LanguagePreference) => LanguagePreference = (lang) => lang,
): Negotiator<T> {
  const cache = new Map<string, string | undefined>();
  // The last language string asked for, and its answer.
  let lastLang: unknown;
  let last: (ServedLanguage & { value: T }) | undefined;

  function served(preference: unknown): string | undefined {
    // Checked before the cache: a longer string is never a key, so the cache stays small.
    if (typeof preference !== 'string' || preference.length > maxTagLength) return undefined;
    if (cache.has(preference)) return cache.get(preference);
    // A tag exactly as registered needs no parsing (and `Intl` is not woken up for it).
    const tag = table.has(preference) ? preference : languageCandidates(preference).find((key) => table.has(key));
    if (cache.size >= cacheLimit) cache.clear();
    cache.set(preference, tag);
    return tag;
  }

  function firstServed(preferences: readonly unknown[]): string | undefined {
    // A list of 100,000 preferences is read as its first few, like an `Accept-Language` value.
    for (const preference of preferences.slice(0, maxPreferences)) {
      const tag = served(preference);
      if (tag !== undefined) return tag;
    }
    return undefined;
  }

  function fallbackTag(): string {
    if (table.has(fallbackLanguage)) return fallbackLanguage;
    const first: string | undefined = table.keys().next().value;
    if (first === undefined) {
      throw new Error('No locale is registered: registerLocale(data) with data from smtp-status-i18n/locales/<lang>');
    }
    return first;
  }

  /** Negotiates `lang`, and remembers it as the last language asked for. */
  function settle(lang: LanguagePreference): ServedLanguage & { value: T } {
    const preference = read(lang);
    const tag = Array.isArray(preference) ? firstServed(preference) : served(preference);
    const chosen = tag ?? fallbackTag();
    const answer = { lang: chosen, requested: tag !== undefined, value: table.get(chosen) as T };
    // Only strings are remembered (an array may be changed in place by its owner), and only
    // short ones: comparing with the last one stays cheap, and no long string is kept.
    if (typeof lang === 'string' && lang.length <= maxValueLength) {
      lastLang = lang;
      last = answer;
    }
    return answer;
  }

  return {
    served,
    fallback: () => table.get(fallbackTag()) as T,
    negotiate: (lang) => (lang === lastLang && last ? last : settle(lang)).value,
    choose(lang) {
      const { lang: tag, requested } = lang === lastLang && last ? last : settle(lang);
      return { lang: tag, requested };
    },
    reset() {
      cache.clear();
      lastLang = last = undefined;
    },
  };
}
