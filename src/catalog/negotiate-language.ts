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

/**
 * The catalog keys to try for one language preference, most specific first, following
 * RFC 4647 lookup: `zh-Hant-TW` → `zh-Hant-TW`, `zh-Hant`, `zh-TW`, `zh`. POSIX locale names
 * (`fr_FR.UTF-8`, `sr_RS@latin`) are read as the tag they name. Anything that is not a
 * language tag gives no candidate, so the caller falls back.
 *
 * @example languageCandidates('fr_CA.UTF-8') // ['fr-CA', 'fr']
 */
export function languageCandidates(preference: string): string[] {
  let locale: Intl.Locale;
  try {
    // A POSIX name is `language_TERRITORY.codeset@modifier`; the codeset and modifier are not
    // part of a tag (and `.`, `@` and `_` never occur in one, so a tag is left as it is).
    locale = new Intl.Locale(preference.replace(/[.@].*/su, '').replaceAll('_', '-'));
  } catch {
    // Intl throws a RangeError for what is not a well-formed BCP 47 tag: user data, not a bug.
    return [];
  }
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
 * The canonical form of a tag, as catalogs are keyed; `undefined` when it is not a tag.
 *
 * @example canonicalLanguage('EN-us') // 'en-US'
 */
export function canonicalLanguage(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/**
 * The language ranges of an `Accept-Language` value (RFC 9110 §12.5.4), best first: by
 * q-value, then in the order given. Ranges with `q=0`, a malformed q-value, or `*` are dropped:
 * the catalog falls back after the last one anyway. Hand-written rather than a dependency: the
 * core has none at run time, and this is a dozen lines with its own tests.
 *
 * @example acceptLanguageRanges('fr-CA;q=0.8, ar, *;q=0.1') // ['ar', 'fr-CA']
 */
export function acceptLanguageRanges(header: string): string[] {
  const ranked: { tag: string; q: number; index: number }[] = [];
  // A header is at most a few dozen ranges; more is noise, and the work stays bounded.
  for (const [index, part] of header.split(',', maxRanges).entries()) {
    const [range = '', ...parameters] = part.split(';');
    const tag = range.trim();
    const q = qValue(parameters);
    if (tag !== '' && tag !== '*' && q !== undefined && q > 0) ranked.push({ tag, q, index });
  }
  return ranked.sort((a, b) => b.q - a.q || a.index - b.index).map((range) => range.tag);
}

const maxRanges = 32;
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
  return typeof lang === 'string' && (lang.includes(',') || lang.includes(';')) ? acceptLanguageRanges(lang) : lang;
}

/** What a negotiator reads: the languages keyed by canonical tag, in registration order (a `Map` will do). */
export type LanguageTable<T> = Pick<ReadonlyMap<string, T>, 'has' | 'get' | 'keys'>;

// A negotiation cache keyed by user input must not grow without bound.
const cacheLimit = 256;

/** Negotiates over a table of languages; `reset()` after the table changes. */
export interface Negotiator<T> {
  /** The value of the first preference served, else of the fallback; throws when the table is empty. */
  negotiate(lang: LanguagePreference): T;
  /** The tag that serves one preference, or `undefined` when only the fallback would. */
  served(preference: unknown): string | undefined;
  /** The value of `fallbackLanguage`, else of the first language registered; throws when the table is empty. */
  fallback(): T;
  reset(): void;
}

/**
 * Negotiation over `table`: each preference in order, as registered, else by its candidates
 * (`fr-CA` → `fr`); the first one served wins; else `fallbackLanguage`, else the first language
 * registered. Results are cached per preference string. `Accept-Language` values are read
 * before, by `readPreference` (the catalogs do; `/lite` does not, to stay small).
 *
 * @example createNegotiator(new Map([['fr', fr]])).negotiate(['de', 'fr-CA']) // fr
 */
export function createNegotiator<T>(table: LanguageTable<T>): Negotiator<T> {
  const cache = new Map<string, string | undefined>();
  // The last language string asked for and what it gave: repeated calls skip the cache.
  let lastLang: unknown;
  let lastValue: T | undefined;

  function served(preference: unknown): string | undefined {
    if (typeof preference !== 'string') return undefined;
    if (cache.has(preference)) return cache.get(preference);
    // A tag exactly as registered needs no parsing (and `Intl` is not woken up for it).
    const tag = table.has(preference) ? preference : languageCandidates(preference).find((key) => table.has(key));
    if (cache.size >= cacheLimit) cache.clear();
    cache.set(preference, tag);
    return tag;
  }

  function firstServed(preferences: readonly unknown[]): string | undefined {
    for (const preference of preferences) {
      const tag = served(preference);
      if (tag !== undefined) return tag;
    }
    return undefined;
  }

  function fallback(): T {
    const first: string | undefined = table.keys().next().value;
    const value = table.get(fallbackLanguage) ?? (first === undefined ? undefined : table.get(first));
    if (value === undefined) {
      throw new Error('No locale is registered: registerLocale(data) with data from smtp-status-i18n/locales/<lang>');
    }
    return value;
  }

  return {
    served,
    fallback,
    negotiate(lang) {
      if (lang === lastLang && lastValue !== undefined) return lastValue;
      const tag = Array.isArray(lang) ? firstServed(lang) : served(lang);
      const value = tag === undefined ? fallback() : (table.get(tag) as T);
      // Only strings are remembered: an array may be changed in place by its owner.
      if (typeof lang === 'string') {
        lastLang = lang;
        lastValue = value;
      }
      return value;
    },
    reset() {
      cache.clear();
      lastLang = undefined;
      lastValue = undefined;
    },
  };
}
